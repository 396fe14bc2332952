import type { User } from '../../contract/users.js';
import type { Db } from '../db/index.js';
import { conflict } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';

/**
 * First contact from a stranger arrives as a request. Opening a chat with (or adding to a group) someone
 * who never shared a conversation with you records a pending request; until the recipient accepts, no
 * call rings between the two and neither sees the other's presence. Messages still arrive, as the
 * request's preview. A decline keeps the row (`declined`): the sender can no longer reach the recipient,
 * and is not told so — their calls meet the same answer as while pending, their messages are stored
 * but never pushed to the recipient.
 */

/** Those of `others` who never shared a conversation with `userId` and have no request with them yet. */
export async function strangersAmong(db: Db, userId: string, others: readonly string[]): Promise<string[]> {
  if (others.length === 0) return [];
  const known = await db
    .selectFrom('members as mine')
    .innerJoin('members as other', 'other.conversation_id', 'mine.conversation_id')
    .select('other.user_id as id')
    .where('mine.user_id', '=', userId)
    .where('other.user_id', 'in', others)
    .union(requestRowsBetween(db, userId, others))
    .execute();
  const seen = new Set(known.map((r) => r.id));
  return others.filter((id) => !seen.has(id));
}

/** The other party of every request (either direction, any status) between `userId` and `others`. */
function requestRowsBetween(db: Db, userId: string, others: readonly string[]) {
  return db
    .selectFrom('contact_requests')
    .select((eb) =>
      eb.case().when('from_id', '=', userId).then(eb.ref('to_id')).else(eb.ref('from_id')).end().as('id'),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('from_id', '=', userId), eb('to_id', 'in', others)]),
        eb.and([eb('to_id', '=', userId), eb('from_id', 'in', others)]),
      ]),
    );
}

/** Records pending requests from `fromId` to each of `toIds`, first made in `conversationId`. */
export async function recordRequests(
  db: Db,
  fromId: string,
  toIds: readonly string[],
  conversationId: string,
) {
  if (toIds.length === 0) return;
  const created_at = nowIso();
  await db
    .insertInto('contact_requests')
    .values(
      toIds.map((to_id) => ({
        from_id: fromId,
        to_id,
        status: 'pending' as const,
        conversation_id: conversationId,
        created_at,
      })),
    )
    .onConflict((oc) => oc.columns(['from_id', 'to_id']).doNothing())
    .execute();
}

/** Those of `others` with whom `userId` has an unaccepted request, either way: no calls, no presence. */
export async function unacceptedAmong(db: Db, userId: string, others: readonly string[]): Promise<string[]> {
  if (others.length === 0) return [];
  const rows = await requestRowsBetween(db, userId, others).execute();
  return [...new Set(rows.map((r) => r.id))];
}

/**
 * Throws 409 `contact_request_pending` when a call between `userId` and any of `others` would need an
 * accepted request. A declined sender hears the same, so a decline stays silent.
 */
export async function assertContactAccepted(
  db: Db,
  userId: string,
  others: readonly string[],
): Promise<void> {
  if ((await unacceptedAmong(db, userId, others)).length > 0) {
    throw conflict('contact_request_pending', 'This contact has not accepted your request yet');
  }
}

/** Those of `memberIds` who declined `senderId`: the sender's messages are not pushed to them. */
export async function declinersOf(db: Db, senderId: string, memberIds: readonly string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('contact_requests')
    .select('to_id')
    .where('from_id', '=', senderId)
    .where('to_id', 'in', memberIds)
    .where('status', '=', 'declined')
    .execute();
  return rows.map((r) => r.to_id);
}

export interface IncomingRequest {
  from: User;
  conversation_id: string;
  created_at: string;
}

/** The pending requests `userId` has to answer, newest first. */
export async function incomingRequests(db: Db, userId: string): Promise<IncomingRequest[]> {
  const rows = await db
    .selectFrom('contact_requests as r')
    .innerJoin('users as u', 'u.id', 'r.from_id')
    .select(['u.id', 'u.username', 'u.display_name', 'r.conversation_id', 'r.created_at'])
    .where('r.to_id', '=', userId)
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map(({ conversation_id, created_at, ...from }) => ({ from, conversation_id, created_at }));
}

/**
 * The recipient's answer to a pending request from `senderId`: accept deletes it (they are contacts now),
 * decline keeps it as `declined`. False when there was no pending request to answer.
 */
export async function answerRequest(
  db: Db,
  recipientId: string,
  senderId: string,
  accept: boolean,
): Promise<boolean> {
  if (accept) {
    const deleted = await db
      .deleteFrom('contact_requests')
      .where('from_id', '=', senderId)
      .where('to_id', '=', recipientId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }
  const updated = await db
    .updateTable('contact_requests')
    .set({ status: 'declined' })
    .where('from_id', '=', senderId)
    .where('to_id', '=', recipientId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
