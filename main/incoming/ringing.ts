/**
 * The ringing state machine: which incoming calls ring, and what must happen when one starts or
 * stops. Pure: events in, new state and effects out; incoming-calls.ts performs the effects with
 * Electron (notification, popup, flash, dock bounce).
 */
import type { IncomingCall } from '../../contract/ipc.js';

/** A call that rings on this device. */
export interface RingingCall {
  call: IncomingCall;
  /** Do-not-disturb was on when it arrived: no popup, no sound, no flashing. */
  silent: boolean;
}

export interface RingingState {
  ringing: ReadonlyMap<string, RingingCall>;
  doNotDisturb: boolean;
  /** Recently finished call ids, so a late repeat of an invitation does not ring again. */
  finished: readonly string[];
}

export type RingingEvent =
  /** The renderer heard `call_invitation`. */
  | { type: 'invited'; call: IncomingCall }
  /** The user pressed Accept or Decline in the popup or the notification. */
  | { type: 'answered'; callId: string; accepted: boolean }
  /** The renderer says it is over: answered on another device, cancelled, missed, accepted in the chat. */
  | { type: 'dismissed'; callId: string }
  /** `ringing_until` passed without a word from the renderer (e.g. it lost its connection). */
  | { type: 'expired'; callId: string }
  | { type: 'do-not-disturb'; on: boolean };

export type RingingEffect =
  | { type: 'start'; call: IncomingCall; silent: boolean }
  | { type: 'stop'; callId: string }
  /** Tell the renderer what the user answered (it sends `call_invitation_response`). */
  | { type: 'report'; callId: string; accepted: boolean };

export interface RingingStep {
  state: RingingState;
  effects: RingingEffect[];
}

const FINISHED_KEPT = 50;

/** No call ringing, do-not-disturb off. */
export const initialRingingState: RingingState = { ringing: new Map(), doNotDisturb: false, finished: [] };

function finish(state: RingingState, callId: string, extra: RingingEffect[] = []): RingingStep {
  if (!state.ringing.has(callId)) return { state, effects: [] };
  const ringing = new Map(state.ringing);
  ringing.delete(callId);
  const finished = [...state.finished, callId].slice(-FINISHED_KEPT);
  return { state: { ...state, ringing, finished }, effects: [{ type: 'stop', callId }, ...extra] };
}

/** Applies one event. Every stop is immediate and complete: there is no "stopping" state. */
export function ringingStep(state: RingingState, event: RingingEvent): RingingStep {
  switch (event.type) {
    case 'invited': {
      const { call } = event;
      if (state.ringing.has(call.call_id) || state.finished.includes(call.call_id)) {
        return { state, effects: [] };
      }
      const silent = state.doNotDisturb;
      const ringing = new Map(state.ringing).set(call.call_id, { call, silent });
      return { state: { ...state, ringing }, effects: [{ type: 'start', call, silent }] };
    }
    case 'answered':
      return finish(state, event.callId, [
        { type: 'report', callId: event.callId, accepted: event.accepted },
      ]);
    case 'dismissed':
    case 'expired':
      return finish(state, event.callId);
    case 'do-not-disturb':
      return { state: { ...state, doNotDisturb: event.on }, effects: [] };
  }
}
