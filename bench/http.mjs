// HTTP rows: req/s of our routes beside a Fastify hello world started in the same run.
import autocannon from 'autocannon';
import { APP_ENV, progress, seed, startServer } from './lib.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

async function load(name, opts) {
  progress(`http: ${name} (${CONNECTIONS} connections, ${DURATION} s)`);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const bad = result.non2xx + result.errors;
  if (bad > 0) progress(`http: ${name}: ${bad} failed requests`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Measures each route; returns summary rows. */
export async function httpRows(databaseUrl) {
  const hello = await startServer('hello');
  const base = await load('hello world', { url: `${hello.url}/` });
  await hello.stop();

  const app = await startServer('app', { ...APP_ENV, DATABASE_URL: databaseUrl });
  const { a, conv, room } = await seed(app.url);
  const auth = { authorization: `Bearer ${a.access_token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const cases = [
    ['GET /healthz', { url: `${app.url}/healthz` }, 0.7],
    ['GET /api/v1/me', { url: `${app.url}/api/v1/me`, headers: auth }, 0.5],
    [
      'POST /rooms/{id}/join',
      { url: `${app.url}/api/v1/rooms/${room.room_id}/join`, method: 'POST', headers: auth },
      0.5,
    ],
    [
      'POST …/messages',
      {
        url: `${app.url}/api/v1/conversations/${conv.id}/messages`,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ body: 'benchmark message' }),
      },
      0.25,
    ],
  ];
  const rows = [];
  for (const [name, opts, target] of cases) {
    const r = await load(name, opts);
    rows.push({
      what: `${name} req/s (p99 ms)`,
      measured: `${r.rps.toFixed(0)} (${r.p99})`,
      baseline: `hello world ${base.rps.toFixed(0)}`,
      ratio: r.rps / base.rps,
      target: `≥ ${target * 100}%`,
      met: r.rps / base.rps >= target,
      percent: true,
    });
  }
  await app.stop();
  return rows;
}
