import type { FastifyReply } from 'fastify';
import { notFound } from '../lib/errors.js';
import type { AttachmentStorage } from './attachment-storage.js';
import type { AttachmentRow } from './records.js';
import { THUMBNAIL_TYPES } from './thumbnail.js';

/** `filename*` of RFC 6266/5987: UTF-8, percent-encoded, with the characters encodeURIComponent leaves alone. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Content-Disposition naming the file, for every browser: an ASCII fallback, then the real name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

export interface ServedFile {
  name: string;
  contentType: string;
  /** The server decoded it as an image (it made its thumbnail): only then may it be shown inline. */
  decodedImage: boolean;
}

/** How a stored attachment is served: inline only when its bytes proved to be the raster image declared. */
export function originalFile(row: AttachmentRow): ServedFile {
  return { name: row.name, contentType: row.content_type, decodedImage: row.thumbnail_key !== null };
}

/**
 * Sends stored bytes so they can never run as a page of our origin: only raster images the server decoded
 * are shown inline under their own type; everything else (HTML, SVG, a "PNG" that is none, …) is a
 * download of type application/octet-stream.
 * nosniff, and a CSP that forbids everything, cover a browser that would guess otherwise.
 */
export async function sendStored(
  reply: FastifyReply,
  storage: AttachmentStorage,
  key: string,
  file: ServedFile,
): Promise<FastifyReply> {
  const stored = await storage.get(key);
  if (!stored) throw notFound('attachment_not_found', 'No such attachment');
  const inline = file.decodedImage && THUMBNAIL_TYPES.has(file.contentType);
  return (
    reply
      .header('content-type', inline ? file.contentType : 'application/octet-stream')
      .header('content-length', stored.size)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      // The bytes under an id never change; only this user's browser may keep them.
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(stored.body)
  );
}

/** The file and thumbnail names a download gets. */
export function thumbnailFile(row: AttachmentRow): ServedFile {
  return { name: `${row.name.replace(/\.[^.]*$/, '')}.webp`, contentType: 'image/webp', decodedImage: true };
}
