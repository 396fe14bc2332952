import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AttachmentStorage } from './attachment-storage.js';

export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  forcePathStyle: boolean;
}

/**
 * Attachments as objects of an S3-compatible bucket. Each file is one PUT of known length, so a cut upload
 * never leaves a partial object (nor the unfinished multipart parts a streamed multipart upload would).
 */
export function createS3Storage(options: S3Options): AttachmentStorage {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // Checksums only where S3 requires them: the default (CRC32 over an aws-chunked body) is not
    // understood by every S3-compatible server, and the length is checked anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  return {
    kind: 's3',
    async put(key, body, size, contentType) {
      // The SDK pipes the body without watching it: a body that fails would leave the request hanging.
      const abort = new AbortController();
      let failure: unknown;
      const onError = (err: unknown) => {
        failure = err;
        abort.abort();
      };
      body.once('error', onError);
      try {
        const object = { Bucket, Key: key, Body: body, ContentLength: size, ContentType: contentType };
        await client.send(new PutObjectCommand(object), { abortSignal: abort.signal });
      } catch (err) {
        throw failure ?? err;
      } finally {
        body.off('error', onError);
      }
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return { body: object.Body as Readable, size: Number(object.ContentLength ?? 0) };
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
