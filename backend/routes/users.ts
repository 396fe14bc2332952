import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findUserById, searchUsers } from '../chat/users.js';
import { unauthorized } from '../lib/errors.js';
import { UserSchema, UserSearchQuery } from '../schemas/chat.js';
import { errorResponses } from '../schemas/common.js';

const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    { schema: { tags: ['users'], response: { 200: UserSchema, ...errorResponses(401) } } },
    async (request) => {
      const user = await findUserById(app.db, request.userId);
      if (!user) throw unauthorized('This account no longer exists');
      return user;
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        querystring: UserSearchQuery,
        response: { 200: Type.Array(UserSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => searchUsers(app.db, request.query.q.trim(), request.userId),
  );
};

export default userRoutes;
