import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Conversation } from '../../contract/chat.js';
import { routes } from '../../contract/routes.js';
import { assertDirectNotBlocked, assertNotBlocked } from '../chat/blocks.js';
import { recordRequests, strangersAmong } from '../chat/contact-requests.js';
import { createGroup, listConversations, openDirect } from '../chat/conversations.js';
import { assertMember } from '../chat/membership.js';
import { listMessages, markRead, messageInConversation, unreadCount } from '../chat/messages.js';
import { postMessage } from '../chat/post-message.js';
import { findUserById, findUsersByIds } from '../chat/users.js';
import { badRequest, notFound } from '../lib/errors.js';
import { nowIso } from '../lib/ids.js';
import { isReservedClientId } from '../lib/reserved-ids.js';
import { perUserPerMinute } from '../lib/user-rate-limit.js';

/** Conversations, their messages and read markers; every route checks membership first. */
const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /**
   * A new conversation shows up at once on every device of every member, with their presence (except
   * between a stranger and the `strangers` they contacted first: those get a `contact_request`).
   */
  async function announce(conversation: Conversation, creatorId: string, strangers: string[]): Promise<void> {
    const ids = conversation.members.map((m) => m.id);
    await recordRequests(app.db, creatorId, strangers, conversation.id);
    app.realtime.toUsers(ids, 'conversation_new', conversation);
    const from = conversation.members.find((m) => m.id === creatorId);
    if (from && strangers.length > 0) {
      app.realtime.toUsers(strangers, 'contact_request', {
        from,
        conversation_id: conversation.id,
        created_at: nowIso(),
      });
    }
    await app.realtime.introduce(ids);
  }

  const strangersFor = (userId: string, others: string[]) =>
    app.config.CONTACT_REQUESTS ? strangersAmong(app.db, userId, others) : Promise.resolve([]);

  app.post(
    '/conversations',
    {
      config: { rateLimit: perUserPerMinute(app.config.CONVERSATIONS_PER_MINUTE) },
      schema: { tags: ['conversations'], ...routes['POST /conversations'] },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.type === 'direct') {
        if (body.user_id === request.userId) {
          throw badRequest('self_conversation', 'A direct conversation needs another user');
        }
        if (!(await findUserById(app.db, body.user_id))) throw notFound('user_not_found', 'No such user');
        await assertNotBlocked(app.db, request.userId, [body.user_id]);
        const strangers = await strangersFor(request.userId, [body.user_id]);
        const { conversation, created } = await openDirect(app.db, request.userId, body.user_id);
        if (created) await announce(conversation, request.userId, strangers);
        return reply.status(created ? 201 : 200).send(conversation);
      }
      const title = body.title.trim();
      if (title === '') throw badRequest('empty_title', 'A group needs a title');
      const others = body.member_ids.filter((id) => id !== request.userId);
      if (others.length === 0) throw badRequest('no_members', 'A group needs at least one other member');
      const found = await findUsersByIds(app.db, others);
      if (found.length !== others.length) {
        const missing = others.filter((id) => !found.some((u) => u.id === id));
        throw notFound('user_not_found', `No such user: ${missing.join(', ')}`);
      }
      await assertNotBlocked(app.db, request.userId, others);
      const strangers = await strangersFor(request.userId, others);
      const conversation = await createGroup(app.db, request.userId, title, others);
      await announce(conversation, request.userId, strangers);
      return reply.status(201).send(conversation);
    },
  );

  app.get(
    '/conversations',
    {
      schema: { tags: ['conversations'], ...routes['GET /conversations'] },
    },
    async (request) => listConversations(app.db, request.userId),
  );

  app.get(
    '/conversations/:id/messages',
    {
      schema: { tags: ['messages'], ...routes['GET /conversations/:id/messages'] },
    },
    async (request) => {
      await assertMember(app.db, request.params.id, request.userId);
      return listMessages(app.db, request.params.id, request.query.limit, request.query.before);
    },
  );

  app.post(
    '/conversations/:id/messages',
    {
      config: { rateLimit: perUserPerMinute(app.config.MESSAGES_PER_MINUTE) },
      schema: { tags: ['messages'], ...routes['POST /conversations/:id/messages'] },
    },
    async (request, reply) => {
      const conversationId = request.params.id;
      await assertMember(app.db, conversationId, request.userId);
      await assertDirectNotBlocked(app.db, conversationId, request.userId);
      if (request.body.body.trim() === '') throw badRequest('empty_message', 'A message needs some text');
      if (request.body.client_id !== undefined && isReservedClientId(request.body.client_id)) {
        throw badRequest('reserved_client_id', 'client_id: a ":" is reserved for ids the server makes');
      }
      const message = await postMessage(app.db, app.realtime, {
        conversationId,
        senderId: request.userId,
        body: request.body.body,
        clientId: request.body.client_id,
      });
      return reply.status(201).send(message);
    },
  );

  app.post(
    '/conversations/:id/read',
    {
      schema: { tags: ['messages'], ...routes['POST /conversations/:id/read'] },
      // The body is optional: without one (or with `{}`) everything up to the newest message is read.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const conversationId = request.params.id;
      await assertMember(app.db, conversationId, request.userId);
      const messageId = request.body.message_id;
      if (messageId && !(await messageInConversation(app.db, conversationId, messageId))) {
        throw notFound('message_not_found', 'No such message in this conversation');
      }
      const last = await markRead(app.db, conversationId, request.userId, messageId);
      const state = {
        conversation_id: conversationId,
        last_read_message_id: last,
        unread_count: await unreadCount(app.db, conversationId, request.userId),
      };
      // The user's other devices clear their unread badges too.
      app.realtime.toUsers([request.userId], 'conversation_read', state);
      return state;
    },
  );
};

export default conversationRoutes;
