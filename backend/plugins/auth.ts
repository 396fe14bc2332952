import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { loadSessionSecret } from '../auth/session-secret.js';
import { type AccessTokens, createAccessTokens } from '../auth/tokens.js';
import { unauthorized } from '../lib/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: AccessTokens;
    /** preHandler for routes that need a signed-in user; sets request.userId. */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    userId: string;
  }
}

/** Extracts the token of `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

export default fp(
  async (app) => {
    const secret = await loadSessionSecret(app.db, app.config.SESSION_SECRET);
    app.decorate('tokens', createAccessTokens(secret, app.config.ACCESS_TOKEN_TTL_SECONDS));
    app.decorateRequest('userId', '');
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      const userId = token ? app.tokens.userIdOf(token) : null;
      if (!userId) throw unauthorized(token ? 'Your session has expired; sign in again' : 'Sign in first');
      const exists = await app.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!exists) throw unauthorized('This account no longer exists');
      request.userId = userId;
    });
  },
  { name: 'auth', dependencies: ['config', 'db'] },
);
