import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { block, blockedBy, unblock } from '../chat/blocks.js';
import { findUserById } from '../chat/users.js';
import { badRequest, notFound } from '../lib/errors.js';

/**
 * Blocking another user: no new direct chat, no messages in the direct chat, no calls and no presence
 * between the two, whichever of them blocked (backend/chat/blocks.ts).
 */
const blockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/blocks', { schema: { tags: ['users'], ...routes['GET /blocks'] } }, async (request) =>
    blockedBy(app.db, request.userId),
  );

  app.put(
    '/blocks/:id',
    { schema: { tags: ['users'], ...routes['PUT /blocks/:id'] } },
    async (request, reply) => {
      const other = request.params.id;
      if (other === request.userId) throw badRequest('self_block', 'You cannot block yourself');
      if (!(await findUserById(app.db, other))) throw notFound('user_not_found', 'No such user');
      await block(app.db, request.userId, other);
      // Each disappears from the other's presence at once, as if gone offline.
      app.realtime.toUsers([other], 'presence', { user_id: request.userId, online: false });
      app.realtime.toUsers([request.userId], 'presence', { user_id: other, online: false });
      return reply.status(204).send();
    },
  );

  app.delete(
    '/blocks/:id',
    { schema: { tags: ['users'], ...routes['DELETE /blocks/:id'] } },
    async (request, reply) => {
      await unblock(app.db, request.userId, request.params.id);
      return reply.status(204).send();
    },
  );
};

export default blockRoutes;
