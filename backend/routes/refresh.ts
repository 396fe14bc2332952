import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { rotateRefreshToken } from '../auth/refresh-tokens.js';
import { AppError } from '../lib/errors.js';

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). Public: the
 * access token it replaces has usually expired. A refresh token is 256 random bits, so the limit per
 * address only keeps the database from being hammered, not guessing.
 */
const refreshRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: { max: app.config.REFRESH_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], ...routes['POST /auth/refresh'] },
    },
    async (request) => {
      const outcome = await rotateRefreshToken(
        app.db,
        request.body.refresh_token,
        app.config.REFRESH_TOKEN_TTL_SECONDS,
      );
      if (outcome.kind === 'rotated') {
        return app.accessReply(outcome.userId, outcome.sessionId, outcome.refreshToken);
      }
      if (outcome.kind === 'reused') {
        // Someone else holds this session's tokens: the session is gone, and so are its sockets.
        app.realtime.disconnectSessions(outcome.userId, { sessionId: outcome.sessionId });
        request.log.warn({ sessionId: outcome.sessionId }, 'refresh token reused; session ended');
        throw new AppError(401, 'refresh_token_reused', 'This sign-in was used elsewhere; sign in again');
      }
      throw new AppError(401, 'refresh_token_invalid', 'Your session has ended; sign in again');
    },
  );
};

export default refreshRoutes;
