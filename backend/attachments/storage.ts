import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import { createDiskStorage } from './disk-storage.js';

/**
 * Where attachment bytes live: a local folder (one node) or an S3-compatible bucket (every node shares it).
 * Keys are `<conversation id>/<attachment id>[.thumb]`; the database says which keys are in use.
 */
export interface AttachmentStorage {
  readonly kind: 'disk' | 's3';
  /** Stores `size` bytes read from `body` under `key`. Rejects when `body` fails; a partial write is then removed. */
  put(key: string, body: Readable, size: number, contentType: string): Promise<void>;
  /** The stored bytes, or null when there are none under `key`. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** S3 when S3_BUCKET is set, else the ATTACHMENTS_DIR folder. The S3 SDK is loaded only when needed. */
export async function openAttachmentStorage(config: Config): Promise<AttachmentStorage> {
  if (!config.S3_BUCKET) return createDiskStorage(config.ATTACHMENTS_DIR);
  const { createS3Storage } = await import('./s3-storage.js');
  return createS3Storage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
  });
}
