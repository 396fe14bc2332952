import { findUserById } from '../chat/users.js';
import type { Db } from '../db/index.js';
import type { AppSocket } from '../lib/socket-events.js';
import { invitationPayload, statePayload, summaryPayload } from './effects.js';
import { liveCallsForMember, liveCallsOf } from './store.js';

/**
 * What a socket hears about calls the moment it connects, so a reload, a second device or a reconnect
 * after a network drop shows the same as the devices that were there all along.
 */
export async function sendConnectState(db: Db, socket: AppSocket, userId: string): Promise<void> {
  // Every live call of the user's conversations: the caller's outgoing ring, calls to join, the bar.
  const calls = await liveCallsForMember(db, userId);
  socket.emit('calls_snapshot', { calls: calls.map(summaryPayload) });
  // Calls still ringing for this user ring on this device too.
  const now = Date.now();
  for (const call of calls) {
    const mine = call.participants.find((p) => p.user_id === userId);
    if (mine?.status !== 'ringing' || call.ringing_until <= now) continue;
    const caller = await findUserById(db, call.caller_id);
    socket.emit('call_invitation', invitationPayload(call, caller?.display_name ?? ''));
  }
  // The calls the user is in, as `call_state` (what clients before `calls_snapshot` rely on).
  for (const call of await liveCallsOf(db, userId, 'accepted')) {
    socket.emit('call_state', statePayload(call, 'sync'));
  }
}
