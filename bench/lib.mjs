// Shared pieces of the benchmark: child servers, clients, percentiles, progress lines.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const serversFile = fileURLToPath(new URL('./servers.mjs', import.meta.url));
const started = performance.now();

/** One progress line per phase, with the seconds since the run began. */
export function progress(text) {
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
}

/** Starts `bench/servers.mjs <kind>` in a child process; resolves once it listens. */
export function startServer(kind, env = {}) {
  const child = fork(serversFile, [kind], {
    env: { ...process.env, ...env },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (msg, key) =>
    new Promise((resolve) => {
      const on = (reply) => {
        if (!(key in reply)) return;
        child.off('message', on);
        resolve(reply[key]);
      };
      child.on('message', on);
      child.send(msg);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server ${kind} exited (${code})`)));
    child.once('message', ({ port }) =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        /** Heap + external bytes after GC. */
        mem: () => ask({ cmd: 'mem' }, 'mem'),
        tokens: (n) => ask({ cmd: 'users', n }, 'tokens'),
        stop: () =>
          new Promise((r) => {
            child.removeAllListeners('exit');
            child.once('exit', r);
            child.send({ cmd: 'exit' });
          }),
      }),
    );
  });
}

/** A connected socket.io client (websocket only, no reconnection). */
export function connectIo(url, token) {
  return new Promise((resolve, reject) => {
    const s = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Runs `make(i)` for i < n, at most `width` at a time; resolves to every result. */
export async function inBatches(n, width, make) {
  const out = [];
  for (let i = 0; i < n; i += width) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + width); j++) batch.push(make(j));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** JSON request against a running server. */
export async function api(url, method, path, body, token) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Two users, their direct conversation and a room in it: what the call and join rows need. */
export async function seed(url) {
  const tag = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  const register = (name) =>
    api(url, 'POST', '/api/v1/auth/register', {
      username: `${name}${tag}`,
      password: 'bench-password',
      display_name: name,
    });
  const a = await register('a');
  const b = await register('b');
  const conv = await api(
    url,
    'POST',
    '/api/v1/conversations',
    { type: 'direct', user_id: b.user.id },
    a.access_token,
  );
  const room = await api(url, 'POST', '/api/v1/rooms/create', { conversation_id: conv.id }, a.access_token);
  return { a, b, conv, room };
}

/** Configuration every app server of the benchmark gets (Jitsi must be configured for calls and joins). */
export const APP_ENV = {
  NODE_ENV: 'production',
  JITSI_SERVER_URL: 'https://meet.bench.invalid',
  JITSI_APP_ID: 'bench',
  JITSI_APP_SECRET: 'bench-secret-bench-secret-bench-secret',
  RING_TIMEOUT_SECONDS: '60',
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
};
