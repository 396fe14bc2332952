import type { IncomingCall } from '../../../contract/ipc';
import type { CallStateName, CallSummary } from '../lib/types';
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

export const TERMINAL: readonly CallStateName[] = ['ended', 'missed', 'declined', 'cancelled', 'busy'];
