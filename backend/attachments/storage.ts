import type { Config } from '../config.js';
import type { AttachmentStorage } from './attachment-storage.js';
import { createDiskStorage } from './disk-storage.js';

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
