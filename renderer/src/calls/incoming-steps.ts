import type { CallStatePayload } from '../../../contract/calls';
import type { IncomingCall } from '../../../contract/ipc';
import { type CallStep, type StepState, TERMINAL } from './calls-state';

/**
 * Incoming rings as pure steps: an invitation starts one, the server's word stops it. The client never
 * times a ring itself: the server ends it with `call_state` (or leaves it out of the next
 * `calls_snapshot`), and the desktop app's popup has its own backstop (main/incoming/ringing.ts).
 */

/** The one place the client reads a ring's deadline: an invitation that arrives too late never rings. */
function ringExpired(call: IncomingCall, now: number): boolean {
  return Date.parse(call.ringing_until) <= now;
}

/**
 * `call_invitation`: ring, unless it is the user's own call, rings already, or its time is up.
 * `audible` false (a muted group whose calls should not ring) shows the call without a sound or popup.
 */
export function invited(
  state: StepState,
  call: IncomingCall,
  me: string,
  now: number,
  audible = true,
): CallStep {
  const ignored =
    call.from.id === me || state.incoming.some((c) => c.call_id === call.call_id) || ringExpired(call, now);
  if (ignored) return { state, effects: [] };
  return {
    state: { ...state, incoming: [...state.incoming, call] },
    effects: audible ? [{ type: 'ring', call }] : [],
  };
}

/** One call stops ringing on this device: answered here or elsewhere, cancelled, missed, ended. */
export function ringStopped(state: StepState, callId: string): CallStep {
  const wasRinging = state.incoming.some((c) => c.call_id === callId);
  const incoming = state.incoming.filter((c) => c.call_id !== callId);
  return {
    state: { ...state, incoming },
    effects: [{ type: 'silence', callId, wasRinging, anyLeft: incoming.length > 0 }],
  };
}

/**
 * `call_state`: the ring stops once this user no longer rings in the call, or the call is over. A
 * group call that someone else joined is `active` but still rings for those who have not answered.
 */
export const ringOnCallState =
  (event: CallStatePayload, me: string) =>
  (state: StepState): CallStep => {
    const mine = event.participants.find((p) => p.user_id === me);
    const stops = mine?.status !== 'ringing' || TERMINAL.includes(event.state);
    return stops ? ringStopped(state, event.call_id) : { state, effects: [] };
  };
