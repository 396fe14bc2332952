import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../../backend/app.js';
import { loadConfig } from '../../backend/config.js';

export interface TestBackend {
  app: FastifyInstance;
  /** Origin of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  databaseUrl: string;
  close(): Promise<void>;
  /** Registers a user and returns its token and public fields. */
  register(username: string, displayName?: string): Promise<TestUser>;
  /** A real socket.io-client connected as `token`; resolves once connected. */
  connect(token: string): Promise<Socket>;
  /**
   * A socket.io-client for `token` that is not connected yet: attach listeners (e.g. for
   * `presence_snapshot`), then call `.connect()`. `token: null` sends no auth at all.
   */
  socket(token: string | null): Socket;
  /** Sends an authenticated JSON request through the listening server. */
  api(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
}

export interface TestUser {
  token: string;
  /** The session's first refresh token (POST /api/v1/auth/refresh). */
  refresh: string;
  id: string;
  username: string;
  display_name: string;
}

const sockets = new Set<Socket>();

/**
 * Starts the real backend on a fresh SQLite file (or `env.DATABASE_URL`) on a free port.
 * `env` overrides configuration exactly as environment variables would.
 */
export async function startBackend(
  env: Record<string, string> = {},
  reuseDataDir?: string,
  /** Extra Fastify options, e.g. `{ logger: { ...loggerOptions('info'), stream } }` to read the logs. */
  appOptions: FastifyServerOptions = {},
): Promise<TestBackend> {
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), 'peace-test-'));
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${join(dataDir, 'peace.db')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    PORT: '0',
    // Most tests open chats between strangers and expect calls and presence at once; the tests of
    // contact requests themselves turn this on (tests/backend/contact-requests.test.ts).
    CONTACT_REQUESTS: 'false',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const app = await buildApp(config, appOptions);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;

  const api: TestBackend['api'] = async (token, method, path, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    app,
    url,
    dataDir,
    databaseUrl,
    api,
    async close() {
      for (const s of sockets) s.disconnect();
      sockets.clear();
      await app.close();
      if (!reuseDataDir && !env.KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
    async register(username, displayName) {
      const res = await api(null, 'POST', '/api/v1/auth/register', {
        username,
        password: `pw-${username}-secret`,
        display_name: displayName ?? username,
      });
      if (res.status !== 201)
        throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: res.body.access_token, refresh: res.body.refresh_token, ...res.body.user };
    },
    socket(token) {
      const socket = io(url, {
        ...(token === null ? {} : { auth: { token } }),
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        autoConnect: false,
      });
      sockets.add(socket);
      return socket;
    },
    connect(token) {
      const socket = io(url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.add(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (err) => reject(err));
      });
    },
  };
}

/** Resolves with the next `event` payload on `socket` (optionally the first one matching `match`). */
export function nextEvent<T = any>(
  socket: Socket,
  event: string,
  match: (p: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Collects every `event` payload on `socket` from now on. */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

/** Emits with an acknowledgement and resolves with the ack. */
export function emitAck<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** A log destination that keeps every line the backend writes, for tests that read the logs. */
export function logCapture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}
