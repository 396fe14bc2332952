import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  conversationExists,
  createGroup,
  isMember,
  listConversations,
  memberIdsOf,
  openDirect,
} from '../chat/conversations.js';
import { insertMessage, listMessages, markRead } from '../chat/messages.js';
import { findUserById, findUsersByIds } from '../chat/users.js';
import type { Db } from '../db/index.js';
import { badRequest, forbidden, notFound } from '../lib/errors.js';
import {
  ConversationParams,
  ConversationSchema,
  ConversationSummarySchema,
  CreateConversationBody,
  MessageSchema,
  MessagesQuery,
  ReadBody,
  SendMessageBody,
} from '../schemas/chat.js';
import { errorResponses } from '../schemas/common.js';

/** 404 for an unknown conversation, 403 when the user is not in it. */
export async function assertMember(db: Db, conversationId: string, userId: string): Promise<void> {
  if (await isMember(db, conversationId, userId)) return;
  if (!(await conversationExists(db, conversationId))) {
    throw notFound('conversation_not_found', 'No such conversation');
  }
  throw forbidden('not_a_member', 'You are not a member of this conversation');
}

const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/conversations',
    {
      schema: {
        tags: ['conversations'],
        body: CreateConversationBody,
        response: { 200: ConversationSchema, 201: ConversationSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.type === 'direct') {
        if (!(await findUserById(app.db, body.user_id))) throw notFound('user_not_found', 'No such user');
        const { conversation, created } = await openDirect(app.db, request.userId, body.user_id);
        return reply.status(created ? 201 : 200).send(conversation);
      }
      const others = body.member_ids.filter((id) => id !== request.userId);
      if (others.length === 0) throw badRequest('no_members', 'A group needs at least one other member');
      const found = await findUsersByIds(app.db, others);
      if (found.length !== others.length) {
        const missing = others.filter((id) => !found.some((u) => u.id === id));
        throw notFound('user_not_found', `No such user: ${missing.join(', ')}`);
      }
      const conversation = await createGroup(app.db, request.userId, body.title.trim(), others);
      return reply.status(201).send(conversation);
    },
  );

  app.get(
    '/conversations',
    {
      schema: { tags: ['conversations'], response: { 200: Type.Array(ConversationSummarySchema), ...errorResponses(401) } },
    },
    async (request) => listConversations(app.db, request.userId),
  );

  app.get(
    '/conversations/:id/messages',
    {
      schema: {
        tags: ['messages'],
        params: ConversationParams,
        querystring: MessagesQuery,
        response: { 200: Type.Array(MessageSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await assertMember(app.db, request.params.id, request.userId);
      return listMessages(app.db, request.params.id, request.query.limit, request.query.before);
    },
  );

  app.post(
    '/conversations/:id/messages',
    {
      schema: {
        tags: ['messages'],
        params: ConversationParams,
        body: SendMessageBody,
        response: { 201: MessageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const conversationId = request.params.id;
      await assertMember(app.db, conversationId, request.userId);
      if (request.body.body.trim() === '') throw badRequest('empty_message', 'A message needs some text');
      const { message, created } = await insertMessage(app.db, {
        conversationId,
        senderId: request.userId,
        body: request.body.body,
        clientId: request.body.client_id,
      });
      if (created) {
        // The sender's own message counts as read by them.
        await markRead(app.db, conversationId, request.userId, message.id);
        app.realtime.toUsers(await memberIdsOf(app.db, conversationId), 'message_new', message);
      }
      return reply.status(201).send(message);
    },
  );

  app.post(
    '/conversations/:id/read',
    {
      schema: {
        tags: ['messages'],
        params: ConversationParams,
        body: Type.Optional(ReadBody),
        response: {
          200: Type.Object({ last_read_message_id: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      await assertMember(app.db, request.params.id, request.userId);
      const last = await markRead(app.db, request.params.id, request.userId, request.body?.message_id);
      return { last_read_message_id: last };
    },
  );
};

export default conversationRoutes;
