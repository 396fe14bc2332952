import type { Selectable } from 'kysely';
import type { Attachment } from '../../contract/attachments.js';
import type { CallRecord, Message } from '../../contract/chat.js';
import type { Database, Db } from '../db/index.js';
import { newId, nowIso } from '../lib/ids.js';

/** A stored row as the wire `message` (call outcome parsed, client_id only when given). */
export function rowToMessage(row: Selectable<Database['messages']>): Message {
  const message: Message = {
    id: row.id,
    conversation_id: row.conversation_id,
    sender_id: row.sender_id,
    kind: row.kind,
    body: row.body,
    created_at: row.created_at,
  };
  if (row.call_json) message.call = JSON.parse(row.call_json) as CallRecord;
  if (row.attachment_json) message.attachment = JSON.parse(row.attachment_json) as Attachment;
  if (row.client_id) message.client_id = row.client_id;
  if (row.edited_at) message.edited_at = row.edited_at;
  if (row.deleted_at) message.deleted_at = row.deleted_at;
  return message;
}

export interface NewMessage {
  conversationId: string;
  senderId: string;
  body: string;
  clientId?: string | undefined;
  call?: CallRecord;
  attachment?: Attachment;
}

/**
 * Stores a message; returns it once it is committed. A repeated `clientId` from the same sender in the
 * same conversation returns the stored message instead (`created: false`), so retries never duplicate.
 */
export async function insertMessage(
  db: Db,
  input: NewMessage,
): Promise<{ message: Message; created: boolean }> {
  const row = {
    id: newId(),
    conversation_id: input.conversationId,
    sender_id: input.senderId,
    kind: input.call ? ('call' as const) : ('text' as const),
    body: input.body,
    call_json: input.call ? JSON.stringify(input.call) : null,
    attachment_json: input.attachment ? JSON.stringify(input.attachment) : null,
    client_id: input.clientId ?? null,
    created_at: nowIso(),
    edited_at: null,
    deleted_at: null,
  };
  const result = await db
    .insertInto('messages')
    .values(row)
    .onConflict((oc) => oc.columns(['conversation_id', 'sender_id', 'client_id']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { message: rowToMessage(row), created: true };
  const existing = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', input.conversationId)
    .where('sender_id', '=', input.senderId)
    .where('client_id', '=', input.clientId ?? '')
    .executeTakeFirstOrThrow();
  return { message: rowToMessage(existing), created: false };
}

/** A page of messages older than `before` (or the newest), returned oldest first. */
export async function listMessages(
  db: Db,
  conversationId: string,
  limit: number,
  before?: string,
): Promise<Message[]> {
  let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (before) query = query.where('id', '<', before);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.reverse().map(rowToMessage);
}

/** True when `messageId` is a message of `conversationId`. */
export async function messageInConversation(
  db: Db,
  conversationId: string,
  messageId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('id', '=', messageId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves the member's read marker forward (never back) to `messageId`, or to the newest message.
 * Returns the marker as it stands afterwards.
 */
export async function markRead(
  db: Db,
  conversationId: string,
  userId: string,
  messageId?: string,
): Promise<string | null> {
  let target = messageId ?? null;
  if (!target) {
    const newest = await db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    target = newest?.id ?? null;
  }
  if (target) {
    const to = target;
    await db
      .updateTable('members')
      .set({ last_read_message_id: to })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_read_message_id', 'is', null), eb('last_read_message_id', '<', to)]))
      .execute();
  }
  const row = await db
    .selectFrom('members')
    .select('last_read_message_id')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.last_read_message_id ?? null;
}

/** Messages of others after the member's read marker. */
export async function unreadCount(db: Db, conversationId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('messages as u')
    .innerJoin('members as m', (join) =>
      join.onRef('m.conversation_id', '=', 'u.conversation_id').on('m.user_id', '=', userId),
    )
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .where('u.conversation_id', '=', conversationId)
    .where('u.sender_id', '!=', userId)
    .where((e) =>
      e.or([e('m.last_read_message_id', 'is', null), e('u.id', '>', e.ref('m.last_read_message_id'))]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
