import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import attachmentsPlugin from './attachments/plugin.js';
import callsPlugin from './calls/plugin.js';
import typingRelay from './chat/typing-relay.js';
import type { Config } from './config.js';
import jitsiPlugin from './jitsi/plugin.js';
import { installErrorHandler } from './lib/errors.js';
import { installInputHygiene } from './lib/input-hygiene.js';
import { redactUrl } from './lib/redact-url.js';
import { installValidation } from './lib/validation.js';
import authPlugin from './plugins/auth.js';
import clusterPlugin from './plugins/cluster.js';
import configPlugin from './plugins/config.js';
import dbPlugin from './plugins/db.js';
import realtimePlugin from './plugins/realtime.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import webClientPlugin from './plugins/web-client.js';
import roomLeaveRoutes from './rooms/leave-route.js';
import roomPageRoutes from './rooms/page-route.js';
import roomRoutes from './rooms/routes.js';
import attachmentRoutes from './routes/attachments.js';
import authRoutes from './routes/auth.js';
import blockRoutes from './routes/blocks.js';
import contactRequestRoutes from './routes/contact-requests.js';
import conversationRoutes from './routes/conversations.js';
import messageEditRoutes from './routes/message-edits.js';
import muteRoutes from './routes/mutes.js';
import refreshRoutes from './routes/refresh.js';
import sessionRoutes from './routes/sessions.js';
import userRoutes from './routes/users.js';

export { redactUrl };

/** Logger options: structured, and free of passwords, tokens and Authorization headers. */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: [
      'req.headers.authorization',
      'password',
      '*.password',
      'access_token',
      '*.access_token',
      'jitsi_token',
    ],
    serializers: {
      req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
    },
  };
}

/** The whole backend as one Fastify instance; `server.ts` only listens. */
export async function buildApp(config: Config, opts: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    ...opts,
  }).withTypeProvider<TypeBoxTypeProvider>();

  if (opts.disableRequestLogging === true) {
    // Fastify's two lines per request are off (a terminal, see terminal-logging.ts): one short line instead.
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        `${request.method} ${redactUrl(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`,
      );
    });
  }
  installErrorHandler(app);
  // Validation (Ajv instances and their options) is set up in one place: lib/validation.ts.
  installValidation(app);
  installInputHygiene(app);
  await app.register(configPlugin, { config });
  // Helmet's headers, computed once (they never vary); the room page overrides its CSP.
  installSecurityHeaders(app, {
    // Same-origin scripts only; socket.io and the API are same-origin too.
    contentSecurityPolicy: {
      directives: {
        'connect-src': ["'self'"],
        // Everything the client needs is bundled: no fonts or styles from any https: origin (helmet's default).
        'font-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        // blob:: attachments are fetched with the access token and shown from object URLs.
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'data:'],
        // Self-hosted installs may run on plain HTTP inside a LAN; do not rewrite their requests.
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Peace Messenger API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(dbPlugin);
  await app.register(authPlugin);
  await app.register(realtimePlugin);
  await app.register(clusterPlugin);
  await app.register(jitsiPlugin);
  await app.register(callsPlugin);
  await app.register(typingRelay);
  await app.register(attachmentsPlugin);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(refreshRoutes);
      // Everything else under /api/v1 needs a signed-in user.
      await api.register(async (secured) => {
        // onRequest: a stranger hears 401 before anything about the request itself is checked.
        secured.addHook('onRequest', secured.authenticate);
        await secured.register(sessionRoutes);
        await secured.register(userRoutes);
        await secured.register(blockRoutes);
        await secured.register(contactRequestRoutes);
        await secured.register(conversationRoutes);
        await secured.register(muteRoutes);
        await secured.register(messageEditRoutes);
        await secured.register(roomRoutes);
        await secured.register(attachmentRoutes);
      });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webClientPlugin);
  // Outside /api/v1: the room page proves itself with its Jitsi token.
  await app.register(roomLeaveRoutes);
  // The call room page: public, outside /api/v1, with its own CSP.
  await app.register(roomPageRoutes);
  return app;
}
