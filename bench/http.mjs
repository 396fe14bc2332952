// HTTP rows: req/s of our routes, each right after a Fastify hello world run, so both see the same
// machine load (the machine may be shared): the ratio is taken within each pair.
import autocannon from 'autocannon';
import { APP_ENV, progress, seed, startServer } from './lib.mjs';

/** Seconds per run; each case and its baseline run twice. */
const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 50;

async function load(name, opts) {
  progress(`http: ${name} (${CONNECTIONS} connections, ${DURATION} s)`);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const bad = result.non2xx + result.errors;
  if (bad > 0) progress(`http: ${name}: ${bad} failed requests`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** The routes of the issue, with their targets as a share of hello world. */
function cases(url, { a, conv, room }) {
  const auth = { authorization: `Bearer ${a.access_token}` };
  const post = (path, body) => ({
    url: url + path,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return [
    ['GET /healthz', { url: `${url}/healthz` }, 0.7],
    ['GET /api/v1/me', { url: `${url}/api/v1/me`, headers: auth }, 0.5],
    ['POST /rooms/{id}/join', { ...post(`/api/v1/rooms/${room.room_id}/join`, {}) }, 0.5],
    [
      'POST …/messages',
      post(`/api/v1/conversations/${conv.id}/messages`, { body: 'benchmark message' }),
      0.25,
    ],
  ];
}

/** Measures each route against hello world; `label` names the setup, `env` configures the app. */
export async function httpRows(databaseUrl, { label = 'SQLite', env = {}, only } = {}) {
  const hello = await startServer('hello');
  const app = await startServer('app', { ...APP_ENV, ...env, DATABASE_URL: databaseUrl });
  const rows = [];
  for (const [name, opts, target] of cases(app.url, await seed(app.url))) {
    if (only && !only.includes(name)) continue;
    // Alternated twice (hello, case, hello, case), so a burst of load elsewhere hits both sides alike.
    const runs = [];
    for (let round = 0; round < 2; round++) {
      runs.push([await load('hello world', { url: `${hello.url}/` }), await load(`${name}, ${label}`, opts)]);
    }
    const base = { rps: (runs[0][0].rps + runs[1][0].rps) / 2 };
    const r = { rps: (runs[0][1].rps + runs[1][1].rps) / 2, p99: Math.max(runs[0][1].p99, runs[1][1].p99) };
    const ratio = r.rps / base.rps;
    rows.push({
      what: `${name} req/s (p99 ms), ${label}`,
      measured: `${r.rps.toFixed(0)} (${r.p99})`,
      baseline: `hello world ${base.rps.toFixed(0)}`,
      ratio,
      target: `≥ ${target * 100}%`,
      met: ratio >= target,
      percent: true,
    });
  }
  await Promise.all([hello.stop(), app.stop()]);
  return rows;
}
