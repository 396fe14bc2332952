// Message delivery benchmark: what sending a chat message costs end to end (HTTP POST, commit,
// Socket.IO fan-out to two devices), reported as a ratio against a baseline measured in the same run:
// a bare Socket.IO round trip on the same machine. Run after `npm run build`: npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';

const { buildApp } = await import('../dist/backend/app.js').catch(() => {
  console.error('bench: build first (npm run build)');
  process.exit(1);
});
const { loadConfig } = await import('../dist/backend/config.js');

const N = Number(process.env.BENCH_MESSAGES ?? 300);
const connect = (url, token) =>
  new Promise((resolve, reject) => {
    const s = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

async function baseline() {
  const http = createServer();
  const server = new Server(http);
  server.on('connection', (s) => s.on('ping_me', (p, ack) => ack(p)));
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const client = await connect(`http://127.0.0.1:${http.address().port}`);
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await client.emitWithAck('ping_me', { i });
  const ms = (performance.now() - t0) / N;
  client.disconnect();
  server.close();
  return ms;
}

async function delivery(databaseUrl) {
  const app = await buildApp(
    loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: databaseUrl }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${app.server.address().port}`;
  const post = async (path, body, token) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const suffix = Date.now().toString(36);
  const a = await post('/api/v1/auth/register', {
    username: `a${suffix}`,
    password: 'bench-password',
    display_name: 'A',
  });
  const b = await post('/api/v1/auth/register', {
    username: `b${suffix}`,
    password: 'bench-password',
    display_name: 'B',
  });
  const conv = await post('/api/v1/conversations', { type: 'direct', user_id: b.user.id }, a.access_token);
  const devices = await Promise.all([connect(url, b.access_token), connect(url, b.access_token)]);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const arrived = devices.map((d) => new Promise((r) => d.once('message_new', r)));
    await post(`/api/v1/conversations/${conv.id}/messages`, { body: `message ${i}` }, a.access_token);
    await Promise.all(arrived);
  }
  const ms = (performance.now() - t0) / N;
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  for (const d of devices) d.disconnect();
  await app.close();
  return { ms, rssGrowthMb };
}

const dir = mkdtempSync(join(tmpdir(), 'peace-bench-'));
try {
  const base = await baseline();
  const rows = [['socket.io round trip (baseline)', base, 1, 0]];
  const sqlite = await delivery(`sqlite:${join(dir, 'bench.db')}`);
  rows.push(['send + deliver to 2 devices, SQLite', sqlite.ms, sqlite.ms / base, sqlite.rssGrowthMb]);
  if (process.env.TEST_POSTGRES_URL) {
    const pgResult = await delivery(process.env.TEST_POSTGRES_URL);
    rows.push([
      'send + deliver to 2 devices, PostgreSQL',
      pgResult.ms,
      pgResult.ms / base,
      pgResult.rssGrowthMb,
    ]);
  } else console.log('(PostgreSQL skipped: TEST_POSTGRES_URL is not set)');
  console.log(`\n${N} messages each\n`);
  console.log('| case | ms per message | × baseline | RSS growth MB |\n|---|---|---|---|');
  for (const [name, ms, ratio, rss] of rows)
    console.log(`| ${name} | ${ms.toFixed(2)} | ${ratio.toFixed(1)} | ${rss.toFixed(1)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
