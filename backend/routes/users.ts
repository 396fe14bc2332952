import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { findUserById, searchUsers } from '../chat/users.js';
import { notFound, unauthorized } from '../lib/errors.js';

/** The signed-in user, user search and user lookup (all behind authentication). */
const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { tags: ['users'], ...routes['GET /me'] } }, async (request) => {
    const user = await findUserById(app.db, request.userId);
    if (!user) throw unauthorized('This account no longer exists');
    return user;
  });

  app.get(
    '/users',
    {
      schema: { tags: ['users'], ...routes['GET /users'] },
    },
    async (request) => {
      const users = await searchUsers(app.db, request.query.q.trim(), request.userId);
      // Real presence, so the people one is about to call show whether they could pick up.
      const online = await app.realtime.onlineAmong(users.map((u) => u.id));
      return users.map((u) => ({ ...u, online: online.has(u.id) }));
    },
  );

  app.get(
    '/users/:id',
    {
      schema: { tags: ['users'], ...routes['GET /users/:id'] },
    },
    async (request) => {
      const user = await findUserById(app.db, request.params.id);
      if (!user) throw notFound('user_not_found', 'No such user');
      return user;
    },
  );
};

export default userRoutes;
