import { assertDirectNotBlocked, assertNotBlocked } from '../chat/blocks.js';
import { assertContactAccepted, unacceptedAmong } from '../chat/contact-requests.js';
import { getConversation } from '../chat/conversations.js';
import type { Db } from '../db/index.js';
import { badRequest } from '../lib/errors.js';
import { findRoom } from '../rooms/store.js';
import type { Call } from './machine.js';

/**
 * Whom a caller may ring, beyond membership (which the call service checks): nobody across a block or
 * a contact request not accepted. In a direct conversation that is the other member; in a group, a
 * `target_user_id`. A group call without a target rings everyone else but those (`inviteesOf`) who have
 * not accepted the caller's contact request; it still rings a member across a block (shared by choice).
 */
export async function assertMayRing(
  db: Db,
  callerId: string,
  payload: { room_id: string; target_user_id?: string },
): Promise<void> {
  const room = await findRoom(db, payload.room_id);
  // No room: the call service answers room_not_found.
  if (!room) return;
  await assertDirectNotBlocked(db, room.conversation_id, callerId);
  if (payload.target_user_id) await assertNotBlocked(db, callerId, [payload.target_user_id]);
  // Nobody rings across a contact request that was not accepted (a declined sender hears the same).
  const conversation = await getConversation(db, room.conversation_id);
  const others = conversation?.members.map((m) => m.id).filter((id) => id !== callerId) ?? [];
  if (conversation?.type === 'direct') await assertContactAccepted(db, callerId, others);
  else if (payload.target_user_id) await assertContactAccepted(db, callerId, [payload.target_user_id]);
}

/**
 * The call a new invitation collapses into: the caller's own call of this conversation that is still
 * ringing every one of `invitees`. Ringing them again would only repeat the alert (on the desktop an
 * always-on-top popup), so the caller gets that call back instead of a second one.
 */
export function ringingCallToCollapseInto(
  liveCalls: readonly Call[],
  callerId: string,
  invitees: readonly string[],
): Call | undefined {
  return liveCalls.find(
    (call) =>
      call.caller_id === callerId &&
      call.state === 'ringing' &&
      invitees.every((id) => call.participants.some((p) => p.user_id === id && p.status === 'ringing')),
  );
}

/**
 * Whom an invitation rings: only `target` (who must be another member), or every other member — in a
 * group, except those with an unaccepted contact request with the caller (no calls ring before that).
 */
export async function inviteesOf(
  db: Db,
  members: readonly string[],
  callerId: string,
  target?: string,
): Promise<string[]> {
  const others = members.filter((id) => id !== callerId);
  if (target !== undefined) {
    if (target === callerId) throw badRequest('invalid_target', 'You cannot call yourself');
    if (!others.includes(target)) {
      throw badRequest('invalid_target', 'That user is not a member of this conversation');
    }
    return [target];
  }
  if (others.length === 0) throw badRequest('no_invitees', 'Nobody else is in this conversation');
  const unaccepted = new Set(await unacceptedAmong(db, callerId, others));
  const ringable = others.filter((id) => !unaccepted.has(id));
  if (ringable.length === 0) await assertContactAccepted(db, callerId, others);
  return ringable;
}
