import type { Selectable } from 'kysely';
import type { Attachment } from '../../contract/attachments.js';
import type { Database, Db } from '../db/index.js';
import { newId, nowIso } from '../lib/ids.js';

export type AttachmentRow = Selectable<Database['attachments']>;

/** The storage key of a file and of its thumbnail. */
export const storageKeys = (conversationId: string, id: string) => ({
  file: `${conversationId}/${id}`,
  thumbnail: `${conversationId}/${id}.thumb`,
});

/** Records an upload before its first byte is stored, so a crash mid-upload leaves a row the sweep finds. */
export async function insertPending(
  db: Db,
  input: { conversationId: string; uploaderId: string; name: string; contentType: string; size: number },
  timeoutSeconds: number,
): Promise<AttachmentRow> {
  const id = newId();
  const now = Date.now();
  const row: AttachmentRow = {
    id,
    conversation_id: input.conversationId,
    uploader_id: input.uploaderId,
    message_id: null,
    name: input.name,
    content_type: input.contentType,
    size: input.size,
    storage_key: storageKeys(input.conversationId, id).file,
    thumbnail_key: null,
    state: 'pending',
    expires_at: new Date(now + timeoutSeconds * 1000).toISOString(),
    created_at: nowIso(),
  };
  await db.insertInto('attachments').values(row).execute();
  return row;
}

/** A stored (not pending) attachment by id. */
export async function findStored(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('state', '=', 'stored')
    .executeTakeFirst();
}

/** The wire shape of a stored attachment. */
export function toAttachment(
  row: Pick<AttachmentRow, 'id' | 'name' | 'content_type' | 'size'>,
  thumbnail?: { width: number; height: number },
): Attachment {
  return {
    id: row.id,
    name: row.name,
    content_type: row.content_type,
    size: row.size,
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/**
 * Claims the pending uploads past their deadline (and any a previous sweep claimed but did not finish):
 * `doomed` rows can never become messages, so their bytes may be removed without racing a finishing upload.
 */
export async function claimAbandoned(db: Db, now = nowIso()): Promise<AttachmentRow[]> {
  await db
    .updateTable('attachments')
    .set({ state: 'doomed' })
    .where('state', '=', 'pending')
    .where('expires_at', '<', now)
    .execute();
  return db.selectFrom('attachments').selectAll().where('state', '=', 'doomed').execute();
}

export async function deleteRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', id).execute();
}
