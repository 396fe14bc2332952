import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { issueRefreshToken } from '../auth/refresh-tokens.js';
import { loadSessionSecret } from '../auth/session-secret.js';
import { createSession, sessionIsLive } from '../auth/sessions.js';
import { type AccessClaims, type AccessTokens, createAccessTokens } from '../auth/tokens.js';
import { AppError, unauthorized } from '../lib/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: AccessTokens;
    /** preHandler for routes that need a signed-in user; sets request.userId and request.sessionId. */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** The claims of a token that is validly signed and whose session is still live, else null. */
    checkAccessToken: (token: string) => Promise<AccessClaims | null>;
    /** Starts a new session for the user and returns its first access and refresh tokens. */
    startSession: (userId: string) => Promise<SessionTokens>;
    /** A new access token for a live session (after a refresh). */
    accessReply: (userId: string, sessionId: string, refreshToken: string) => SessionTokens;
  }
  interface FastifyRequest {
    userId: string;
    sessionId: string;
  }
}

/** What sign-in, sign-up and refresh hand out. */
export interface SessionTokens {
  access_token: string;
  refresh_token: string;
  /** Seconds the access token is valid for. */
  expires_in: number;
}

/** An access token past its `exp`: the client refreshes and retries (docs/API.md "Refresh"). */
export const tokenExpired = () =>
  new AppError(401, 'token_expired', 'The access token has expired; refresh it');

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
    const accessReply = (userId: string, sessionId: string, refreshToken: string): SessionTokens => ({
      access_token: tokens.issue(userId, sessionId),
      refresh_token: refreshToken,
      expires_in: tokens.ttlSeconds,
    });
    app.decorate('accessReply', accessReply);
    app.decorate('startSession', async (userId: string) => {
      // The session lives as long as its refresh token is used; access tokens only minutes.
      const sessionId = await createSession(app.db, userId, app.config.REFRESH_TOKEN_TTL_SECONDS);
      const refreshToken = await issueRefreshToken(app.db, sessionId);
      if (refreshToken === null) throw new Error('the new session vanished');
      return accessReply(userId, sessionId, refreshToken);
    });
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      const claims = token ? await app.checkAccessToken(token) : null;
      if (!claims && token && tokens.isExpired(token)) throw tokenExpired();
      if (!claims) throw unauthorized(token ? 'Your session has ended; sign in again' : 'Sign in first');
      request.userId = claims.userId;
      request.sessionId = claims.sessionId;
    });
  },
  { name: 'auth', dependencies: ['config', 'db'] },
);
