// One server per child process, so its memory is measured apart from the benchmark's clients.
// `node --expose-gc bench/servers.mjs <kind>`: hello | relay | socketio | app (app reads its config from env).
// Tells the parent {port} over IPC; answers {cmd:'mem'} with the heap after GC and, for app,
// {cmd:'users', n} with n fresh users' tokens (made straight in the database: no password hashing).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';

const kind = process.argv[2];
let app;

async function start() {
  if (kind === 'hello') {
    const hello = Fastify();
    hello.get('/', async () => ({ hello: 'world' }));
    await hello.listen({ port: 0, host: '127.0.0.1' });
    return hello.server.address().port;
  }
  if (kind === 'relay') {
    // The floor for ring latency: a plain WebSocket relay that forwards {to, data} to the client named `to`.
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    const byId = new Map();
    wss.on('connection', (ws, req) => {
      const id = new URL(req.url, 'http://x').searchParams.get('id');
      byId.set(id, ws);
      ws.on('close', () => byId.delete(id));
      ws.on('message', (raw) => {
        const { to, data } = JSON.parse(raw);
        byId.get(to)?.send(JSON.stringify(data));
      });
    });
    await new Promise((r) => http.listen(0, '127.0.0.1', r));
    return http.address().port;
  }
  if (kind === 'socketio') {
    const http = createServer();
    new Server(http, { serveClient: false });
    await new Promise((r) => http.listen(0, '127.0.0.1', r));
    return http.address().port;
  }
  const { buildApp } = await import('../dist/backend/app.js');
  const { loadConfig } = await import('../dist/backend/config.js');
  app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: '0' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server.address().port;
}

async function makeUsers(n) {
  const tag = randomBytes(4).toString('hex');
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `idle${tag}${String(i).padStart(6, '0')}`,
    username: `idle_${tag}_${i}`,
    display_name: `Idle ${i}`,
    password_hash: 'x',
    created_at: new Date().toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await app.db
      .insertInto('users')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => app.tokens.issue(r.id));
}

function heap() {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

process.on('message', async (msg) => {
  if (msg.cmd === 'mem') process.send({ mem: heap() });
  if (msg.cmd === 'users') process.send({ tokens: await makeUsers(msg.n) });
  if (msg.cmd === 'exit') {
    await app?.close();
    process.exit(0);
  }
});
// The benchmark died (or was stopped): never linger as an orphan holding a port.
process.on('disconnect', () => process.exit(0));
process.send({ port: await start() });
