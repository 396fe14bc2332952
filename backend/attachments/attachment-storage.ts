import type { Readable } from 'node:stream';

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
