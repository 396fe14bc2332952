import type { Message } from '../../contract/chat.js';
import type { Db } from '../db/index.js';
import { conflict, forbidden, notFound } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';
import { rowToMessage } from './messages.js';

/** What an edit or a delete did: `changed` is false for a repeat, which then announces nothing. */
export interface EditOutcome {
  message: Message;
  changed: boolean;
}

/** The message as it stands; refuses anything but the caller's own text message in this conversation. */
async function ownTextMessage(db: Db, conversationId: string, messageId: string, userId: string) {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  if (!row) throw notFound('message_not_found', 'No such message in this conversation');
  if (row.kind === 'call') throw forbidden('call_record_immutable', 'The record of a call cannot be changed');
  if (row.sender_id !== userId) throw forbidden('not_own_message', 'Only the sender can change a message');
  return row;
}

/** A file message's text is its file name: it can be deleted, not edited. */
function assertEditable(row: { attachment_json: string | null }): void {
  if (row.attachment_json)
    throw forbidden('attachment_not_editable', 'A file message can be deleted, not edited');
}

async function reload(db: Db, messageId: string): Promise<Message> {
  return rowToMessage(
    await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow(),
  );
}

/**
 * Replaces the text of the caller's own message. The same text again changes nothing (idempotent: same
 * answer, no second event); a deleted message stays deleted (409 `message_deleted`). The conditions sit
 * in the UPDATE itself, so an edit racing a delete can never bring text back.
 */
export async function editMessage(
  db: Db,
  conversationId: string,
  messageId: string,
  userId: string,
  body: string,
): Promise<EditOutcome> {
  assertEditable(await ownTextMessage(db, conversationId, messageId, userId));
  const result = await db
    .updateTable('messages')
    .set({ body, edited_at: nowIso() })
    .where('id', '=', messageId)
    .where('deleted_at', 'is', null)
    .where('body', '!=', body)
    .executeTakeFirst();
  const message = await reload(db, messageId);
  if (message.deleted_at) throw conflict('message_deleted', 'A deleted message cannot be edited');
  return { message, changed: Number(result.numUpdatedRows) > 0 };
}

/**
 * Deletes the caller's own message: the text is emptied in storage and the row stays as a trace
 * (`deleted_at`), so the conversation still shows that something was said. Deleting again answers the
 * same trace and announces nothing.
 */
export async function deleteMessage(
  db: Db,
  conversationId: string,
  messageId: string,
  userId: string,
): Promise<EditOutcome> {
  await ownTextMessage(db, conversationId, messageId, userId);
  const result = await db.transaction().execute(async (tx) => {
    const deleted = await tx
      .updateTable('messages')
      .set({ body: '', deleted_at: nowIso(), attachment_json: null })
      .where('id', '=', messageId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // Its file goes too: no longer served at once, its bytes removed by the next sweep (attachments/sweep.ts).
    await tx
      .updateTable('attachments')
      .set({ state: 'doomed', message_id: null })
      .where('message_id', '=', messageId)
      .execute();
    return deleted;
  });
  return { message: await reload(db, messageId), changed: Number(result.numUpdatedRows) > 0 };
}
