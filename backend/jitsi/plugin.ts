import fp from 'fastify-plugin';
import { jitsiConfigured } from '../config.js';
import { AppError } from '../lib/errors.js';
import {
  createJitsiTokenSigner,
  createJitsiTokenVerifier,
  type JitsiClaims,
  type JitsiUser,
} from './token.js';

declare module 'fastify' {
  interface FastifyInstance {
    jitsi: Jitsi;
  }
}

export interface Jitsi {
  /** False when JITSI_SERVER_URL, JITSI_APP_ID or JITSI_APP_SECRET is missing. */
  configured: boolean;
  /** The Jitsi origin; throws `jitsi_not_configured` (503) when unset. */
  serverUrl(): string;
  /** A JWT admitting `user` to `roomId` only; throws `jitsi_not_configured` (503) when unset. */
  sign(roomId: string, user: JitsiUser): string;
  /** The claims of a token this backend signed, or null (also when Jitsi is not configured). */
  verify(token: string): JitsiClaims | null;
}

/** 503 with a message that tells the operator exactly what to set. */
const jitsiNotConfigured = () =>
  new AppError(
    503,
    'jitsi_not_configured',
    'Video calls are not configured on this server: set JITSI_SERVER_URL, JITSI_APP_ID and JITSI_APP_SECRET',
  );

/** The Jitsi token signer and verifier, built once from the configuration. */
export default fp(
  async (app) => {
    const config = app.config;
    if (!jitsiConfigured(config)) {
      app.log.warn('Jitsi is not configured: rooms can be created but not joined');
      app.decorate('jitsi', {
        configured: false,
        serverUrl: () => {
          throw jitsiNotConfigured();
        },
        sign: () => {
          throw jitsiNotConfigured();
        },
        verify: () => null,
      } satisfies Jitsi);
      return;
    }
    const settings = {
      appId: config.JITSI_APP_ID,
      appSecret: config.JITSI_APP_SECRET,
      audience: config.JITSI_AUDIENCE,
      subject: config.JITSI_SUBJECT,
      ttlSeconds: config.JITSI_TOKEN_TTL_SECONDS,
    };
    const serverUrl = config.JITSI_SERVER_URL;
    app.decorate('jitsi', {
      configured: true,
      serverUrl: () => serverUrl,
      sign: createJitsiTokenSigner(settings),
      verify: createJitsiTokenVerifier(settings),
    } satisfies Jitsi);
  },
  { name: 'jitsi', dependencies: ['config'] },
);
