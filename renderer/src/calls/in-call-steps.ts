import type { CallStatePayload, CallSummary } from '../../../contract/calls';
import { type CallStep, type StepState, TERMINAL } from './calls-state';
import { isIn } from './live-calls';

/**
 * "In call" on this device (`inCall`: the calls whose room this device has open) as pure steps: the
 * only code that writes it. The server's word on who is in a call is `live`; this is the device's.
 */

const without = (state: StepState, callId: string): StepState => ({
  ...state,
  inCall: state.inCall.filter((id) => id !== callId),
});

/** The room of `callId` opened on this device. */
export function entered(state: StepState, callId: string): CallStep {
  if (state.inCall.includes(callId)) return { state, effects: [] };
  return { state: { ...state, inCall: [...state.inCall, callId] }, effects: [] };
}

/** The user closed this device's window of the call: it is gone already. */
export function windowWasClosed(state: StepState, callId: string): CallStep {
  return { state: without(state, callId), effects: [] };
}

/** The user hung up from the chat (the live-call bar, or "leave the current call"): its window closes. */
export function hungUp(state: StepState, callId: string): CallStep {
  return { state: without(state, callId), effects: [{ type: 'close-window', callId }] };
}

/** The user is no longer in a call this device has open: its window closes. */
export function mustLeave(state: StepState, callId: string): CallStep {
  if (!state.inCall.includes(callId)) return { state, effects: [] };
  return hungUp(state, callId);
}

/** `call_state` of a call that is over: this device is no longer in it (its room page ends itself). */
export const inCallOnCallState =
  (event: CallStatePayload) =>
  (state: StepState): CallStep =>
    TERMINAL.includes(event.state) ? windowWasClosed(state, event.call_id) : { state, effects: [] };

/**
 * `call_updated`: the user left the call elsewhere, or the server made them: this device's window of it
 * closes. The desktop app keeps call windows across a reload of this page, so there one may be open
 * that this page does not know of: it is closed too.
 */
export const inCallOnUpdate =
  (call: CallSummary, me: string, desktopApp: boolean) =>
  (state: StepState): CallStep => {
    if (isIn(call, me) && !TERMINAL.includes(call.state)) return { state, effects: [] };
    const left = call.participants.some((p) => p.user_id === me && p.status === 'left');
    const unknownWindow = left && desktopApp && !state.inCall.includes(call.call_id);
    if (unknownWindow) return { state, effects: [{ type: 'close-window', callId: call.call_id }] };
    return mustLeave(state, call.call_id);
  };
