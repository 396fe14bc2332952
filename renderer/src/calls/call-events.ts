import type { CallStatePayload, CallSummary } from '../../../contract/calls';
import { type CallStep, chain, type OutgoingCall, type StepState } from './calls-state';
import { inCallOnCallState, inCallOnUpdate, mustLeave } from './in-call-steps';
import { ringOnCallState, ringStopped } from './incoming-steps';
import { withUpdate } from './live-calls';
import { outgoingOnCallState, outgoingOnSnapshot } from './outgoing-steps';
import { reconcile } from './reconcile';

/**
 * The server's call events as pure steps over this device's state: each composes the incoming,
 * in-call and outgoing steps. CallStore applies the state and performs the effects, in order.
 */

/** `call_state` (for the calls this user is invited to or in). */
export function onCallState(
  state: StepState,
  outgoing: OutgoingCall | null,
  event: CallStatePayload,
  me: string,
): CallStep {
  return chain(
    state,
    ringOnCallState(event, me),
    inCallOnCallState(event),
    outgoingOnCallState(outgoing, event),
  );
}

/** `calls_snapshot` on every (re)connect: the server's whole picture replaces this device's. */
export function onSnapshot(
  state: StepState,
  outgoing: OutgoingCall | null,
  calls: readonly CallSummary[],
  me: string,
): CallStep {
  const step = reconcile({ ...state, outgoing }, calls, me);
  return chain(
    { ...state, live: step.live },
    ...step.stopRinging.map((callId) => (s: StepState) => ringStopped(s, callId)),
    ...step.closeWindows.map((callId) => (s: StepState) => mustLeave(s, callId)),
    outgoingOnSnapshot(step.outgoing),
  );
}

/** `call_updated`: a call of one of the user's conversations changed, whether they are in it or not. */
export function onCallUpdated(
  state: StepState,
  call: CallSummary,
  me: string,
  desktopApp: boolean,
): CallStep {
  return inCallOnUpdate(call, me, desktopApp)({ ...state, live: withUpdate(state.live, call) });
}
