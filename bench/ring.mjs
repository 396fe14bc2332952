// Ring latency and memory per idle socket, each beside a baseline started in the same run:
// a plain `ws` relay (latency floor, memory) and a bare Socket.IO server (memory).
import WebSocket from 'ws';
import { APP_ENV, connectIo, inBatches, percentile, progress, seed, startServer } from './lib.mjs';

const RINGS = Number(process.env.BENCH_RINGS ?? 200);
const WIDTH = 100;

const wsOpen = (url) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

/** Bytes of heap per idle connection: the server's heap after GC with and without them. */
async function perSocket(server, idle, connectOne) {
  const before = (await server.mem()).heap;
  const clients = await inBatches(idle, WIDTH, connectOne);
  const after = (await server.mem()).heap;
  return { clients, bytes: (after - before) / idle };
}

/** The plain relay: latency of one hop through a server holding `idle` other connections. */
export async function relay(idle) {
  const server = await startServer('relay');
  const ws = server.url.replace('http', 'ws');
  progress(`ring: ws relay, connecting ${idle} idle sockets`);
  const { clients, bytes } = await perSocket(server, idle, (i) => wsOpen(`${ws}/?id=idle${i}`));
  const [a, b] = await Promise.all([wsOpen(`${ws}/?id=a`), wsOpen(`${ws}/?id=b`)]);
  progress(`ring: ws relay, ${RINGS} rings`);
  const samples = [];
  for (let i = 0; i < RINGS; i++) {
    const got = new Promise((r) => b.once('message', r));
    const t0 = performance.now();
    a.send(JSON.stringify({ to: 'b', data: { i } }));
    await got;
    samples.push(performance.now() - t0);
  }
  for (const c of [...clients, a, b]) c.terminate();
  await server.stop();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), bytes };
}

/** A bare Socket.IO server: memory per idle socket, the floor our sockets are compared with. */
export async function bareSocketIo(idle) {
  const server = await startServer('socketio');
  progress(`memory: bare Socket.IO, connecting ${idle} idle sockets`);
  const { clients, bytes } = await perSocket(server, idle, () => connectIo(server.url));
  for (const c of clients) c.disconnect();
  await server.stop();
  return { bytes };
}

/** `call_invitation` → the callee's socket has it, then the caller cancels; `nodes` app servers. */
export async function appRing(idle, databaseUrl, extraEnv = {}, nodes = 1) {
  const env = { ...APP_ENV, ...extraEnv, DATABASE_URL: databaseUrl };
  const servers = [];
  // One after another: the first migrates the database.
  for (let i = 0; i < nodes; i++) servers.push(await startServer('app', env));
  const [first, last] = [servers[0], servers[servers.length - 1]];
  const { a, b, room } = await seed(first.url);
  const tokens = await first.tokens(idle);
  progress(`ring: app (${nodes} node${nodes > 1 ? 's' : ''}), connecting ${idle} idle sockets`);
  const before = await Promise.all(servers.map((s) => s.mem()));
  const clients = await inBatches(idle, WIDTH, (i) => connectIo(servers[i % nodes].url, tokens[i]));
  const after = await Promise.all(servers.map((s) => s.mem()));
  const bytes = after.reduce((sum, m, i) => sum + m.heap - before[i].heap, 0) / idle;
  const caller = await connectIo(first.url, a.access_token);
  const callee = await connectIo(last.url, b.access_token);
  progress(`ring: app (${nodes} node${nodes > 1 ? 's' : ''}), ${RINGS} rings`);
  const samples = [];
  for (let i = 0; i < RINGS; i++) {
    const rang = new Promise((r) => callee.once('call_invitation', () => r(performance.now())));
    const t0 = performance.now();
    const ack = await caller.emitWithAck('call_invitation', { room_id: room.room_id });
    samples.push((await rang) - t0);
    if (!ack.ok) throw new Error(`call_invitation: ${ack.error.message}`);
    const cancelled = await caller.emitWithAck('call_cancel', { call_id: ack.call_id });
    if (!cancelled.ok) throw new Error(`call_cancel: ${cancelled.error.message}`);
  }
  for (const c of [...clients, caller, callee]) c.disconnect();
  for (const s of servers) await s.stop();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), bytes };
}
