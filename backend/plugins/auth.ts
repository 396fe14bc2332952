import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { loadSessionSecret } from '../auth/session-secret.js';
import { createSession, sessionIsLive } from '../auth/sessions.js';
import { type AccessClaims, type AccessTokens, createAccessTokens } from '../auth/tokens.js';
import { unauthorized } from '../lib/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: AccessTokens;
    /** preHandler for routes that need a signed-in user; sets request.userId and request.sessionId. */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** The claims of a token that is validly signed and whose session is still live, else null. */
    checkAccessToken: (token: string) => Promise<AccessClaims | null>;
    /** Starts a new session for the user and returns its access token. */
    startSession: (userId: string) => Promise<string>;
  }
  interface FastifyRequest {
    userId: string;
    sessionId: string;
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
    const tokens = createAccessTokens(secret, app.config.ACCESS_TOKEN_TTL_SECONDS);
    app.decorate('tokens', tokens);
    app.decorateRequest('userId', '');
    app.decorateRequest('sessionId', '');
    app.decorate('checkAccessToken', async (token: string) => {
      const claims = tokens.claimsOf(token);
      // The session row is the revocable half: sign-out deletes it, and with it every copy of the token.
      if (!claims || !(await sessionIsLive(app.db, claims.sessionId, claims.userId))) return null;
      return claims;
    });
    app.decorate('startSession', async (userId: string) => {
      const sessionId = await createSession(app.db, userId, tokens.ttlSeconds);
      return tokens.issue(userId, sessionId);
    });
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      const claims = token ? await app.checkAccessToken(token) : null;
      if (!claims) throw unauthorized(token ? 'Your session has ended; sign in again' : 'Sign in first');
      request.userId = claims.userId;
      request.sessionId = claims.sessionId;
    });
  },
  { name: 'auth', dependencies: ['config', 'db'] },
);
