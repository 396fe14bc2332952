import { createAdapter } from '@socket.io/redis-adapter';
import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { errorMessage } from '../lib/error-message.js';

/**
 * The adapter publishes cross-node requests (fetchSockets…) without awaiting them, so a publish that
 * fails, e.g. on a client already closed during shutdown, would be an unhandled rejection that kills
 * the process. Route those failures to the log; the adapter's own request timeout still applies.
 */
function guardPublish(
  client: { publish: (...args: never[]) => Promise<unknown> },
  onError: (err: unknown) => void,
) {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.publish = ((...args: unknown[]) =>
    publish(...args).catch((err) => {
      onError(err);
      return 0;
    })) as typeof client.publish;
}

/**
 * With REDIS_URL set, Socket.IO rooms span every backend node: an event emitted on one node reaches
 * sockets connected to any other. Without it the backend is a single node and needs no Redis.
 */
export default fp(
  async (app) => {
    const url = app.config.REDIS_URL;
    if (!url) return;
    let connected = false;
    // Fail fast when Redis is unreachable at start-up; once connected, reconnect with backoff.
    const reconnectStrategy = (retries: number, cause: Error) =>
      connected ? Math.min(100 * 2 ** retries, 5000) : cause;
    const pub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 5000 } });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err) => app.log.error({ err }, 'redis error'));
    try {
      await Promise.all([pub.connect(), sub.connect()]);
      connected = true;
    } catch (err) {
      await Promise.allSettled([pub.destroy(), sub.destroy()]);
      throw new Error(`REDIS_URL: cannot connect to Redis (${errorMessage(err)})`);
    }
    guardPublish(pub, (err) => app.log.warn({ err }, 'redis publish failed'));
    app.realtime.io.adapter(createAdapter(pub, sub));
    app.log.info('socket.io events are shared through Redis');
    app.addHook('onClose', async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    });
  },
  { name: 'cluster', dependencies: ['config', 'realtime'] },
);
