import type { User } from '../../contract/users.js';
import type { Db } from '../db/index.js';
import { forbidden } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';

/** `blockerId` blocks `blockedId` (again: a no-op). */
export async function block(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await db
    .insertInto('blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .execute();
}

export async function unblock(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await db
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .execute();
}

/** The users `blockerId` has blocked, by username. */
export async function blockedBy(db: Db, blockerId: string): Promise<User[]> {
  return db
    .selectFrom('blocks')
    .innerJoin('users', 'users.id', 'blocks.blocked_id')
    .select(['users.id', 'users.username', 'users.display_name'])
    .where('blocks.blocker_id', '=', blockerId)
    .orderBy('users.username')
    .execute();
}

/** Those among `others` who blocked `userId` or whom `userId` blocked: a block works both ways. */
async function blockedAmong(db: Db, userId: string, others: readonly string[]): Promise<string[]> {
  if (others.length === 0) return [];
  const rows = await db
    .selectFrom('blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', userId), eb('blocked_id', 'in', others)]),
        eb.and([eb('blocked_id', '=', userId), eb('blocker_id', 'in', others)]),
      ]),
    )
    .execute();
  return [...new Set(rows.map((r) => (r.blocker_id === userId ? r.blocked_id : r.blocker_id)))];
}

/**
 * Throws 403 `blocked` when `userId` and any of `others` are blocked either way. The message does not
 * say who blocked whom: a blocked user learns only that this contact is closed.
 */
export async function assertNotBlocked(db: Db, userId: string, others: readonly string[]): Promise<void> {
  if ((await blockedAmong(db, userId, others)).length > 0) {
    throw forbidden('blocked', 'You cannot contact this user');
  }
}

/** Throws 403 `blocked` when `conversationId` is a direct conversation whose two members are blocked. */
export async function assertDirectNotBlocked(db: Db, conversationId: string, userId: string): Promise<void> {
  // One query on the message path: the other member of a direct conversation, if a block joins them.
  const row = await db
    .selectFrom('members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('blocks as b', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('b.blocker_id', '=', eb.ref('m.user_id')), eb('b.blocked_id', '=', userId)]),
          eb.and([eb('b.blocked_id', '=', eb.ref('m.user_id')), eb('b.blocker_id', '=', userId)]),
        ]),
      ),
    )
    .select('m.user_id')
    .where('c.id', '=', conversationId)
    .where('c.type', '=', 'direct')
    .where('m.user_id', '!=', userId)
    .executeTakeFirst();
  if (row) throw forbidden('blocked', 'You cannot contact this user');
}
