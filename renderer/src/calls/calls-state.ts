import type { CallSummary } from '../../../contract/calls';
import type { IncomingCall } from '../../../contract/ipc';
import type { LiveCalls } from './live-calls';
import type { OutgoingPhase } from './outgoing-text';

/** The call this user is placing, from the click until its outcome has been shown. */
export interface OutgoingCall {
  conversation_id: string;
  room_id?: string;
  call_id?: string;
  phase: OutgoingPhase;
  error?: string;
  /** Members of a group call who were in another call, so not rung. */
  busy_ids?: string[];
}

/** A short message for the user, optionally with one action (e.g. open a blocked call window). */
export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

/** "Leave the current call and join?": the calls to leave, and what to do once they are left. */
export interface SwitchConfirm {
  leave: CallSummary[];
  proceed: () => Promise<void>;
}

export interface CallsState {
  outgoing: OutgoingCall | null;
  /** Calls ringing for this user, oldest first. */
  incoming: IncomingCall[];
  /** Calls whose room this device has open. */
  inCall: string[];
  /** The live call of each conversation, by conversation id, as the server last said. */
  live: LiveCalls;
  confirm: SwitchConfirm | null;
  notice: Notice | null;
}

export const TERMINAL: readonly CallSummary['state'][] = ['ended', 'missed', 'declined', 'cancelled', 'busy'];

/**
 * What a pure step asks the store to do, in order. The store performs each with the browser or the
 * desktop bridge (ringer, notifications, call windows, the outgoing bar's timer).
 */
export type CallEffect =
  /** Ring for a new invitation (and remember it, so an answer from the desktop popup finds its room). */
  | { type: 'ring'; call: IncomingCall }
  /** One call stopped ringing here; the sound stops once nothing rings any more. */
  | { type: 'silence'; callId: string; wasRinging: boolean; anyLeft: boolean }
  /** Close this device's window of a call (a no-op when none is open). */
  | { type: 'close-window'; callId: string }
  /** The outgoing bar learns the call's state: it says so, then closes itself a moment later. */
  | { type: 'settle-outgoing'; phase: OutgoingPhase; patch: Partial<OutgoingCall> }
  /** Show this outgoing call in the bar, or (null) close the bar. */
  | { type: 'show-outgoing'; outgoing: OutgoingCall | null };

/**
 * The state a step decides: the rings, the calls this device is in, the live calls. The outgoing
 * bar is the OutgoingBar's (through effects), confirm and notice are the store's.
 */
export type StepState = Pick<CallsState, 'incoming' | 'inCall' | 'live'>;

export interface CallStep {
  state: StepState;
  effects: CallEffect[];
}

/** Runs steps one after another, each on the state the previous one left; effects in order. */
export function chain(state: StepState, ...steps: ((state: StepState) => CallStep)[]): CallStep {
  const effects: CallEffect[] = [];
  for (const step of steps) {
    const next = step(state);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}
