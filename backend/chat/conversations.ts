import { sql } from 'kysely';
import type { Conversation, ConversationSummary } from '../../contract/chat.js';
import type { Db } from '../db/index.js';
import { newId, nowIso } from '../lib/ids.js';
import { rowToMessage } from './messages.js';
import { mutesOf } from './mutes.js';
import { findUsersByIds } from './users.js';

type ConversationRow = { id: string; type: 'direct' | 'group'; title: string | null };

/** Ids of every member of a conversation. */
export async function memberIdsOf(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** True when `userId` is a member of `conversationId`. */
export async function isMember(db: Db, conversationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a conversation with this id exists (member or not). */
export async function conversationExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('conversations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

async function withMembers(db: Db, rows: ConversationRow[]): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  // A stable order for clients: the creator first, then by joining time, then by id.
  const memberRows = await db
    .selectFrom('members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.conversation_id', 'm.user_id'])
    .where(
      'm.conversation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy(sql`case when m.user_id = c.created_by then 0 else 1 end`)
    .orderBy('m.joined_at')
    .orderBy('m.user_id')
    .execute();
  const users = new Map(
    (await findUsersByIds(db, [...new Set(memberRows.map((m) => m.user_id))])).map((u) => [u.id, u]),
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    title: row.title,
    members: memberRows
      .filter((m) => m.conversation_id === row.id)
      .flatMap((m) => users.get(m.user_id) ?? []),
  }));
}

/** A conversation with its members, or undefined. */
export async function getConversation(db: Db, id: string): Promise<Conversation | undefined> {
  const row = await db
    .selectFrom('conversations')
    .select(['id', 'type', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await withMembers(db, [row]))[0] : undefined;
}

/**
 * The one direct conversation of two users, created on first use. `created` tells a new one apart
 * (201) from an existing one (200). A unique key on the pair makes concurrent calls agree.
 */
export async function openDirect(
  db: Db,
  userId: string,
  otherId: string,
): Promise<{ conversation: Conversation; created: boolean }> {
  const directKey = [userId, otherId].sort().join(':');
  const existing = await db
    .selectFrom('conversations')
    .select('id')
    .where('direct_key', '=', directKey)
    .executeTakeFirst();
  if (existing)
    return { conversation: (await getConversation(db, existing.id)) as Conversation, created: false };
  const id = newId();
  const now = nowIso();
  const inserted = await db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('conversations')
      .values({ id, type: 'direct', title: null, direct_key: directKey, created_by: userId, created_at: now })
      .onConflict((oc) => oc.column('direct_key').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx
      .insertInto('members')
      .values(memberRows(id, [...new Set([userId, otherId])], now))
      .execute();
    return true;
  });
  if (!inserted) return openDirect(db, userId, otherId);
  return { conversation: (await getConversation(db, id)) as Conversation, created: true };
}

/** New members of a conversation: nothing read yet. */
function memberRows(conversationId: string, userIds: string[], joinedAt: string) {
  return userIds.map((user_id) => ({
    conversation_id: conversationId,
    user_id,
    last_read_message_id: null,
    joined_at: joinedAt,
  }));
}

/** Creates a group of the creator and `memberIds` (which must exist) in one transaction; the creator is never added twice. */
export async function createGroup(
  db: Db,
  creatorId: string,
  title: string,
  memberIds: string[],
): Promise<Conversation> {
  const id = newId();
  const now = nowIso();
  const members = [creatorId, ...memberIds.filter((m) => m !== creatorId)];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('conversations')
      .values({ id, type: 'group', title, direct_key: null, created_by: creatorId, created_at: now })
      .execute();
    await trx
      .insertInto('members')
      .values(memberRows(id, members, now))
      .execute();
  });
  return (await getConversation(db, id)) as Conversation;
}

/** The user's conversations, most recently active first, each with its last message and unread count. */
export async function listConversations(db: Db, userId: string): Promise<ConversationSummary[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('members as m', 'm.conversation_id', 'c.id')
    .select(['c.id', 'c.type', 'c.title', 'm.last_read_message_id'])
    .select((eb) => [
      eb
        .selectFrom('messages as x')
        .select('x.id')
        .whereRef('x.conversation_id', '=', 'c.id')
        .orderBy('x.id', 'desc')
        .limit(1)
        .as('last_id'),
      eb
        .selectFrom('messages as u')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('u.conversation_id', '=', 'c.id')
        .where('u.sender_id', '!=', userId)
        .where((e) =>
          e.or([e('m.last_read_message_id', 'is', null), e('u.id', '>', e.ref('m.last_read_message_id'))]),
        )
        .as('unread'),
    ])
    .where('m.user_id', '=', userId)
    .execute();
  const lastIds = rows.flatMap((r) => (r.last_id ? [r.last_id] : []));
  const lastMessages = lastIds.length
    ? new Map(
        (await db.selectFrom('messages').selectAll().where('id', 'in', lastIds).execute()).map((m) => [
          m.id,
          rowToMessage(m),
        ]),
      )
    : new Map();
  const full = new Map((await withMembers(db, rows)).map((c) => [c.id, c]));
  const mutes = await mutesOf(db, userId);
  const summaries = rows.map((r) => {
    const last_message = (r.last_id && lastMessages.get(r.last_id)) || null;
    // Ids sort by creation time (lib/ids.ts) and, unlike timestamps, never tie.
    const activity: string = r.last_id ?? r.id;
    return {
      activity,
      summary: {
        ...(full.get(r.id) as Conversation),
        last_message,
        unread_count: Number(r.unread ?? 0),
        mute: mutes.get(r.id) ?? null,
      },
    };
  });
  return summaries
    .sort((a, b) => (a.activity < b.activity ? 1 : a.activity > b.activity ? -1 : 0))
    .map((s) => s.summary);
}
