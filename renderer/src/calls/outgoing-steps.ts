import type { CallStatePayload, CallSummary } from '../../../contract/calls';
import type { CallStep, OutgoingCall, StepState } from './calls-state';
import { isOver } from './outgoing-bar';

/**
 * The call this user places, as pure steps over what the outgoing bar shows. The bar itself
 * (outgoing-bar.ts) owns how long an outcome stays on screen.
 */

/** What "hang up before anyone answered" does: nothing to cancel yet closes the bar. */
export type CancelStep = { kind: 'none' } | { kind: 'close-bar' } | { kind: 'cancel'; callId: string };

export function cancelStep(outgoing: OutgoingCall | null): CancelStep {
  if (!outgoing) return { kind: 'none' };
  return outgoing.call_id ? { kind: 'cancel', callId: outgoing.call_id } : { kind: 'close-bar' };
}

/** True when the call button may place a new call (no other one is still starting or ringing). */
export function mayPlace(outgoing: OutgoingCall | null): boolean {
  return !outgoing || isOver(outgoing.phase);
}

/**
 * `call_state` of the call in the bar: the bar shows its state (and who was busy). A call that ended
 * before it began (declined, missed, cancelled, busy) closes the window opened for it.
 */
export const outgoingOnCallState =
  (outgoing: OutgoingCall | null, event: CallStatePayload) =>
  (state: StepState): CallStep => {
    const ours = outgoing && (outgoing.call_id === event.call_id || outgoing.room_id === event.room_id);
    if (!ours) return { state, effects: [] };
    const busy_ids = event.participants.filter((p) => p.status === 'busy').map((p) => p.user_id);
    const neverBegan = event.state !== 'ringing' && event.state !== 'active' && event.state !== 'ended';
    return {
      state,
      effects: [
        { type: 'settle-outgoing', phase: event.state, patch: { call_id: event.call_id, busy_ids } },
        ...(neverBegan ? [{ type: 'close-window' as const, callId: event.call_id }] : []),
      ],
    };
  };

/** After a (re)connect: the caller's own ringing call shown again (or, null, the bar closed). */
export const outgoingOnSnapshot =
  (ringing: CallSummary | null | undefined) =>
  (state: StepState): CallStep => {
    if (ringing === undefined) return { state, effects: [] };
    const outgoing: OutgoingCall | null = ringing && {
      conversation_id: ringing.conversation_id,
      room_id: ringing.room_id,
      call_id: ringing.call_id,
      phase: 'ringing',
    };
    return { state, effects: [{ type: 'show-outgoing', outgoing }] };
  };
