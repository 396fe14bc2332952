import fp from 'fastify-plugin';
import type { AttachmentStorage } from './attachment-storage.js';
import { openAttachmentStorage } from './storage.js';
import { sweepAbandonedUploads } from './sweep.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where attachment bytes live (ATTACHMENTS_DIR or the S3 bucket). */
    attachmentStorage: AttachmentStorage;
  }
}

/** The longest pause between two sweeps for abandoned uploads. */
const MAX_SWEEP_INTERVAL_MS = 60_000;

/**
 * Opens the attachment storage and sweeps abandoned uploads: once before the node serves anything (what a
 * crash left behind), then now and then (what a cut connection on any node left behind).
 */
export default fp(
  async (app) => {
    const storage = await openAttachmentStorage(app.config);
    app.decorate('attachmentStorage', storage);
    const sweep = async () => {
      try {
        const removed = await sweepAbandonedUploads(app.db, storage);
        if (removed > 0) app.log.info({ removed }, 'abandoned uploads removed');
      } catch (err) {
        app.log.warn({ err }, 'sweeping abandoned uploads failed; trying again later');
      }
    };
    await sweep();
    const every = Math.min(MAX_SWEEP_INTERVAL_MS, app.config.ATTACHMENT_UPLOAD_TIMEOUT_SECONDS * 1000);
    const timer = setInterval(() => void sweep(), every);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'attachments', dependencies: ['config', 'db'] },
);
