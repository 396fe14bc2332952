import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { dummyHashPromise, hashPassword, verifyPassword } from '../auth/password.js';
import { conflict, unauthorized } from '../lib/errors.js';
import { newId, nowIso } from '../lib/ids.js';

/** Sign-up and sign-in. Rate limited per client address, since these are what password guessers hit. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.config.AUTH_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };

  app.post(
    '/auth/register',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], ...routes['POST /auth/register'] },
    },
    async (request, reply) => {
      const { password, display_name } = request.body;
      const username = request.body.username.toLowerCase();
      const taken = await app.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst();
      if (taken) throw conflict('username_taken', `The username "${username}" is taken`);
      const user = { id: newId(), username, display_name: display_name.trim() || username };
      const result = await app.db
        .insertInto('users')
        .values({ ...user, password_hash: await hashPassword(password), created_at: nowIso() })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
        throw conflict('username_taken', `The username "${username}" is taken`);
      }
      return reply.status(201).send({ ...(await app.startSession(user.id)), user });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], ...routes['POST /auth/login'] },
    },
    async (request) => {
      const { username, password } = request.body;
      const row = await app.db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'password_hash'])
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst();
      // Hash even for unknown users so response time does not tell which usernames exist.
      const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHashPromise));
      if (!row || !ok) throw unauthorized('Wrong username or password');
      const { password_hash: _hash, ...user } = row;
      return { ...(await app.startSession(user.id)), user };
    },
  );
};

export default authRoutes;
