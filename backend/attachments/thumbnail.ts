import { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { AttachmentStorage } from './attachment-storage.js';

/** Raster types sharp reads safely; SVG is never rendered on the server (nor inline on our origin). */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);
/** The longest side of a thumbnail, in pixels: twice the widest the chat shows, for sharp HiDPI screens. */
const THUMBNAIL_SIDE = 480;
/** A decompression bomb (a tiny file of a huge image) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Makes and stores the WebP thumbnail of a stored image; its size on success. An image sharp cannot read is
 * not an error: it is then offered as a plain file.
 */
export async function makeThumbnail(
  storage: AttachmentStorage,
  keys: { file: string; thumbnail: string },
  contentType: string,
  log: FastifyBaseLogger,
): Promise<{ width: number; height: number } | undefined> {
  if (!THUMBNAIL_TYPES.has(contentType)) return undefined;
  const stored = await storage.get(keys.file);
  if (!stored) return undefined;
  try {
    const { default: sharp } = await import('sharp');
    const transformer = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 });
    stored.body.once('error', (err) => transformer.destroy(err));
    stored.body.pipe(transformer);
    const { data, info } = await transformer.toBuffer({ resolveWithObject: true });
    await storage.put(keys.thumbnail, Readable.from([data]), data.length, 'image/webp');
    return { width: info.width, height: info.height };
  } catch (err) {
    stored.body.destroy();
    log.warn({ err: (err as Error).message }, 'no thumbnail for an uploaded image');
    return undefined;
  }
}
