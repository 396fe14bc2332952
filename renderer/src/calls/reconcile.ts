import type { IncomingCall } from '../../../contract/ipc';
import type { CallSummary } from '../lib/types';
import { fromSnapshot, isIn, type LiveCalls, ringingOutgoing } from './live-calls';
import type { OutgoingPhase } from './outgoing-text';

/** What a device shows of calls, as far as a `calls_snapshot` decides it. */
export interface DeviceCalls {
  incoming: readonly IncomingCall[];
  inCall: readonly string[];
  outgoing: { call_id?: string; phase: OutgoingPhase } | null;
}

export interface Reconciled {
  live: LiveCalls;
  /** Rings that stopped while the connection was down. */
  stopRinging: string[];
  /** Calls whose window this device has open but the user is no longer in. */
  closeWindows: string[];
  /** The caller's own ringing call to show (again) in the outgoing bar; null: close the bar; undefined: keep it. */
  outgoing: CallSummary | null | undefined;
}

const overPhase = (phase: OutgoingPhase) => phase !== 'starting' && phase !== 'ringing';

/**
 * The pure step of a (re)connect: the server's snapshot against what this device shows. Whatever the
 * device believed and the server no longer says (a ring, a call window, an outgoing ring) goes.
 */
export function reconcile(device: DeviceCalls, calls: readonly CallSummary[], me: string): Reconciled {
  const live = fromSnapshot(calls);
  const byId = new Map(Object.values(live).map((c) => [c.call_id, c]));
  const stopRinging = device.incoming
    .filter((c) => byId.get(c.call_id)?.participants.find((p) => p.user_id === me)?.status !== 'ringing')
    .map((c) => c.call_id);
  const closeWindows = device.inCall.filter((id) => {
    const call = byId.get(id);
    return !call || !isIn(call, me);
  });
  const ringing = ringingOutgoing(live, me);
  const shown = device.outgoing;
  let outgoing: CallSummary | null | undefined;
  if (ringing && (!shown || overPhase(shown.phase) || shown.call_id === ringing.call_id)) outgoing = ringing;
  else if (shown?.phase === 'ringing' && !ringing) outgoing = null;
  return { live, stopRinging, closeWindows, outgoing };
}
