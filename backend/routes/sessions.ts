import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { revokeAllSessions, revokeSession } from '../auth/sessions.js';
import { forbidden } from '../lib/errors.js';

/**
 * Ending sessions (behind authentication). Each deletes session rows, so the tokens naming them stop
 * working at once, and disconnects their sockets on every node.
 */
const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], ...routes['POST /auth/logout'] } },
    async (request, reply) => {
      await revokeSession(app.db, request.userId, request.sessionId);
      app.realtime.disconnectSessions(request.userId, { sessionId: request.sessionId });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout-all',
    { schema: { tags: ['auth'], ...routes['POST /auth/logout-all'] } },
    async (request, reply) => {
      await revokeAllSessions(app.db, request.userId);
      app.realtime.disconnectSessions(request.userId, {});
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      // Each attempt costs two scrypt hashes and guesses the current password: limited per user.
      config: {
        rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (r) => r.userId },
      },
      schema: { tags: ['auth'], ...routes['POST /auth/password'] },
    },
    async (request, reply) => {
      const row = await app.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', request.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(request.body.current_password, row.password_hash))) {
        throw forbidden('wrong_password', 'The current password is wrong');
      }
      await app.db
        .updateTable('users')
        .set({ password_hash: await hashPassword(request.body.new_password) })
        .where('id', '=', request.userId)
        .execute();
      // Whoever knew the old password may hold a session: only the one that changed it survives.
      await revokeAllSessions(app.db, request.userId, request.sessionId);
      app.realtime.disconnectSessions(request.userId, { keepSessionId: request.sessionId });
      return reply.status(204).send();
    },
  );
};

export default sessionRoutes;
