import { pipeline, type Readable, Transform } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Message } from '../../contract/chat.js';
import { insertMessage } from '../chat/messages.js';
import type { Db } from '../db/index.js';
import { AppError } from '../lib/errors.js';
import type { AttachmentStorage } from './attachment-storage.js';
import { deleteRow, insertPending, storageKeys, toAttachment } from './records.js';
import { makeThumbnail } from './thumbnail.js';
import type { DeclaredFile } from './upload-request.js';

export interface Upload extends DeclaredFile {
  conversationId: string;
  uploaderId: string;
  clientId?: string | undefined;
  /** The request body: exactly `size` bytes, read once. */
  body: Readable;
}

export interface UploadContext {
  db: Db;
  storage: AttachmentStorage;
  log: FastifyBaseLogger;
  timeoutSeconds: number;
}

/** Passes `size` bytes through and fails on one byte more or less: what is stored is what was declared. */
function exactly(size: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(
        seen > size ? new AppError(400, 'length_mismatch', 'More bytes than Content-Length') : null,
        chunk,
      );
    },
    flush(done) {
      done(seen < size ? new AppError(400, 'upload_incomplete', 'The upload ended early') : null);
    },
  });
}

/** Thrown inside the commit transaction when the same client_id was stored before: nothing new is kept. */
class AlreadySent extends Error {
  constructor(readonly existing: Message) {
    super('already sent');
  }
}

/**
 * Stores an upload, makes its thumbnail, then creates its message, in that order: the message exists only
 * once every byte is stored. On any failure (a cut connection, the deadline, a repeat) the row and the
 * stored bytes go again; after a crash the sweep (sweep.ts) does that instead.
 */
export async function storeUpload(
  ctx: UploadContext,
  upload: Upload,
): Promise<{ message: Message; created: boolean }> {
  const row = await insertPending(ctx.db, upload, ctx.timeoutSeconds);
  const keys = storageKeys(upload.conversationId, row.id);
  const deadline = setTimeout(
    () => upload.body.destroy(new AppError(408, 'upload_timeout', 'The upload took too long')),
    ctx.timeoutSeconds * 1000,
  );
  try {
    const counted = pipeline(upload.body, exactly(upload.size), () => {});
    await ctx.storage.put(keys.file, counted, upload.size, upload.contentType);
    clearTimeout(deadline);
    const thumbnail = await makeThumbnail(ctx.storage, keys, upload.contentType, ctx.log);
    const attachment = toAttachment(row, thumbnail);
    return await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('attachments')
        .set({ state: 'stored', thumbnail_key: thumbnail ? keys.thumbnail : null })
        .where('id', '=', row.id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      // The sweep took it: the upload outlived its deadline.
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new AppError(408, 'upload_timeout', 'The upload took too long');
      const result = await insertMessage(trx, {
        conversationId: upload.conversationId,
        senderId: upload.uploaderId,
        body: upload.name,
        clientId: upload.clientId,
        attachment,
      });
      if (!result.created) throw new AlreadySent(result.message);
      await trx
        .updateTable('attachments')
        .set({ message_id: result.message.id })
        .where('id', '=', row.id)
        .execute();
      return result;
    });
  } catch (err) {
    clearTimeout(deadline);
    await Promise.allSettled([ctx.storage.delete(keys.file), ctx.storage.delete(keys.thumbnail)]);
    await deleteRow(ctx.db, row.id);
    if (err instanceof AlreadySent) return { message: err.existing, created: false };
    throw err;
  }
}
