import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../../backend/app.js';
import { loadConfig } from '../../backend/config.js';
import type { ClientEventName, ServerEventName } from '../../contract/event-names.js';
import type {
  Ack,
  ClientAck,
  ClientAckData,
  ClientPayload,
  ClientToServerEvents,
  ServerPayload,
  ServerToClientEvents,
} from '../../contract/events.js';
import { apiRequest } from '../../contract/route-url.js';
import type { ReplyOf, RequestOf, RouteName } from '../../contract/routes.js';

/** A socket.io-client typed by the event maps of contract/events.ts, as the web client has it. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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
  connect(token: string): Promise<TestSocket>;
  /**
   * A socket.io-client for `token` that is not connected yet: attach listeners (e.g. for
   * `presence_snapshot`), then call `.connect()`. `token: null` sends no auth at all.
   */
  socket(token: string | null): TestSocket;
  /**
   * A request to a route of contract/routes.ts, typed by it: the body of a success is the route's reply
   * (a failure's is the contract's error body, which the types do not claim).
   */
  call<R extends RouteName>(
    token: string | null,
    route: R,
    ...[input]: Record<never, never> extends RequestOf<R> ? [RequestOf<R>?] : [RequestOf<R>]
  ): Promise<{ status: number; body: ReplyOf<R> }>;
  /** Sends any JSON request through the listening server, also malformed ones: the body is not typed. */
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

const sockets = new Set<TestSocket>();

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
    // Uploads stay in the test's own folder (the default, ./data/attachments, is the real install's).
    ATTACHMENTS_DIR: join(dataDir, 'attachments'),
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

  const call: TestBackend['call'] = async (token, route, ...[input]) => {
    const { body, ...where } = (input ?? {}) as { body?: unknown; params?: Record<string, string> };
    const { method, url: path } = apiRequest(route, where);
    return api(token, method, path, body);
  };

  return {
    app,
    url,
    dataDir,
    databaseUrl,
    api,
    call,
    async close() {
      for (const s of sockets) s.disconnect();
      sockets.clear();
      await app.close();
      if (!reuseDataDir && !env.KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
    async register(username, displayName) {
      const res = await call(null, 'POST /auth/register', {
        body: { username, password: `pw-${username}-secret`, display_name: displayName ?? username },
      });
      if (res.status !== 201)
        throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: res.body.access_token, refresh: res.body.refresh_token, ...res.body.user };
    },
    socket(token) {
      const socket: TestSocket = io(url, {
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
      const socket: TestSocket = io(url, {
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
export function nextEvent<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
  match: (p: ServerPayload<E>) => boolean = () => true,
  ms = 5000,
): Promise<ServerPayload<E>> {
  // `as never`: socket.io's conditional listener type cannot follow a generic `E`; the signature is typed.
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (payload: ServerPayload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(payload);
    };
    socket.on(event, handler as never);
  });
}

/** Resolves once `socket` connects. */
export function connected(socket: TestSocket, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for connect')), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Collects every `event` payload on `socket` from now on. */
export function collect<E extends ServerEventName>(socket: TestSocket, event: E): ServerPayload<E>[] {
  const seen: ServerPayload<E>[] = [];
  const push = (p: ServerPayload<E>) => seen.push(p);
  socket.on(event, push as never);
  return seen;
}

/** Emits a client → server event with an acknowledgement and resolves with the ack. */
export function emitAck<E extends ClientEventName>(
  socket: TestSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<ClientAck<E>> {
  return emitRaw(socket, event, payload) as Promise<ClientAck<E>>;
}

/** Like {@link emitAck}, for a success the test relies on: resolves with what the ack adds to `ok: true`. */
export async function emitOk<E extends ClientEventName>(
  socket: TestSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<ClientAckData<E>> {
  const ack = await emitAck(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

/** Emits anything, e.g. a payload the contract forbids, and resolves with the server's ack. */
export function emitRaw(socket: TestSocket, event: string, payload: unknown): Promise<Ack> {
  const untyped = socket.timeout(5000) as unknown as {
    emitWithAck(e: string, p: unknown): Promise<Ack>;
  };
  return untyped.emitWithAck(event, payload);
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
