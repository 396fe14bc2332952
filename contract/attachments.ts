import { type Static, Type } from 'typebox';
import { Id } from './common.js';

/** A stored file as messages carry it; the bytes are fetched from `GET /attachments/:id`. */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  /** The file name as the sender's device named it. */
  name: Type.String(),
  /** The type the sender declared (one of ATTACHMENT_ALLOWED_TYPES). */
  content_type: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  /** Images only: the server-made preview, `GET /attachments/:id/thumbnail` (WebP), and its size. */
  thumbnail: Type.Optional(
    Type.Object({ width: Type.Integer({ minimum: 1 }), height: Type.Integer({ minimum: 1 }) }),
  ),
});
export type Attachment = Static<typeof AttachmentSchema>;

export const AttachmentParams = Type.Object({ id: Id });

/**
 * `POST /conversations/:id/attachments`: the body is the file's bytes as they are (no multipart), its type
 * in `Content-Type`, its name percent-encoded (UTF-8) in `X-File-Name`.
 */
export const UploadHeaders = Type.Object({
  'content-length': Type.Integer({ minimum: 0, description: 'required: uploads are never chunked' }),
  'x-file-name': Type.String({ minLength: 1, maxLength: 1024, description: 'encodeURIComponent(name)' }),
  'x-client-id': Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'as for messages: a retry never stores twice' }),
  ),
});

/** `GET /attachments/limits`: what the server accepts, so a client can refuse a file before sending it. */
export const AttachmentLimitsSchema = Type.Object({
  max_bytes: Type.Integer({ minimum: 1 }),
  /** MIME types, or `type/*` for every subtype. */
  allowed_types: Type.Array(Type.String()),
});
export type AttachmentLimits = Static<typeof AttachmentLimitsSchema>;

/** A stored file or thumbnail, sent as bytes. */
export const Binary = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'the file' });
