import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { findStored } from '../attachments/records.js';
import { originalFile, sendStored, thumbnailFile } from '../attachments/serve.js';
import { storeUpload } from '../attachments/upload.js';
import { checkDeclaredFile, type UploadLimits } from '../attachments/upload-request.js';
import { assertDirectNotBlocked } from '../chat/blocks.js';
import { isMember } from '../chat/conversations.js';
import { assertMember } from '../chat/membership.js';
import { announceSentMessage } from '../chat/post-message.js';
import { allowedTypes } from '../config.js';
import { badRequest, forbidden, notFound } from '../lib/errors.js';
import { isReservedClientId } from '../lib/reserved-ids.js';
import { perUserPerMinute } from '../lib/user-rate-limit.js';

/** Uploading files to a conversation and fetching them (members only); docs/API.md#attachments. */
const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limits: UploadLimits = {
    maxBytes: app.config.ATTACHMENT_MAX_BYTES,
    allowedTypes: allowedTypes(app.config),
  };
  // An upload's body is the file itself, of any type: it is left unread here and streamed to storage by
  // the handler, never buffered (only in this plugin: JSON routes keep their parsers).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.get(
    '/attachments/limits',
    { schema: { tags: ['attachments'], ...routes['GET /attachments/limits'] } },
    async () => ({ max_bytes: limits.maxBytes, allowed_types: [...limits.allowedTypes] }),
  );

  app.post(
    '/conversations/:id/attachments',
    {
      config: { rateLimit: perUserPerMinute(app.config.MESSAGES_PER_MINUTE) },
      schema: { tags: ['attachments'], ...routes['POST /conversations/:id/attachments'] },
    },
    async (request, reply) => {
      const conversationId = request.params.id;
      // A refusal before the body is read closes the connection: the rest of the file is not wanted.
      reply.header('connection', 'close');
      await assertMember(app.db, conversationId, request.userId);
      await assertDirectNotBlocked(app.db, conversationId, request.userId);
      const clientId = request.headers['x-client-id'];
      if (clientId !== undefined && isReservedClientId(clientId)) {
        throw badRequest('reserved_client_id', 'x-client-id: a ":" is reserved for ids the server makes');
      }
      const declared = checkDeclaredFile(request.headers, limits);
      reply.removeHeader('connection');
      const { message, created } = await storeUpload(
        {
          db: app.db,
          storage: app.attachmentStorage,
          log: request.log,
          timeoutSeconds: app.config.ATTACHMENT_UPLOAD_TIMEOUT_SECONDS,
        },
        { ...declared, conversationId, uploaderId: request.userId, clientId, body: request.raw },
      );
      if (created) await announceSentMessage(app.db, app.realtime, message);
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  /** The stored attachment, once the caller is known to be a member of its conversation. */
  async function readable(id: string, userId: string) {
    const row = await findStored(app.db, id);
    if (!row) throw notFound('attachment_not_found', 'No such attachment');
    if (!(await isMember(app.db, row.conversation_id, userId))) {
      throw forbidden('not_a_member', 'You are not a member of this conversation');
    }
    return row;
  }

  app.get(
    '/attachments/:id',
    { schema: { tags: ['attachments'], ...routes['GET /attachments/:id'] } },
    async (request, reply) => {
      const row = await readable(request.params.id, request.userId);
      return sendStored(reply, app.attachmentStorage, row.storage_key, originalFile(row));
    },
  );

  app.get(
    '/attachments/:id/thumbnail',
    { schema: { tags: ['attachments'], ...routes['GET /attachments/:id/thumbnail'] } },
    async (request, reply) => {
      const row = await readable(request.params.id, request.userId);
      if (!row.thumbnail_key) throw notFound('thumbnail_not_found', 'This attachment has no thumbnail');
      return sendStored(reply, app.attachmentStorage, row.thumbnail_key, thumbnailFile(row));
    },
  );
};

export default attachmentRoutes;
