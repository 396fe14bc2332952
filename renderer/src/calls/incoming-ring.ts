import type { IncomingCall } from '../../../contract/ipc';
import { desktop } from '../lib/desktop';
import { dismissCallNotification, notifyIncomingCall } from './notifications';
import { startRinging, stopRinging } from './ringer';

/** Rings for a call: the desktop app's always-on-top popup, or in a browser a sound and a notification. */
export function ringFor(call: IncomingCall): void {
  const bridge = desktop();
  if (bridge) {
    // The desktop app rings in its own always-on-top window, even when this one is in the tray.
    void bridge.showIncomingCall(call);
  } else {
    startRinging();
    notifyIncomingCall(call.call_id, call.from.display_name);
  }
}

/** Stops ringing for one call; the sound stops once nothing rings any more. */
export function silence(callId: string, wasRinging: boolean, anyLeft: boolean): void {
  dismissCallNotification(callId);
  if (wasRinging) void desktop()?.dismissIncomingCall(callId);
  if (!anyLeft) stopRinging();
}
