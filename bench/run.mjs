// `npm run bench` (after `npm run build`): every row of docs/PERFORMANCE.md, each beside a baseline
// started in the same run, on loopback only. Knobs: BENCH_IDLE (idle sockets, default 5000),
// BENCH_RINGS (rings per case, 200), BENCH_SECONDS (per HTTP run, 3; each case runs twice beside hello world), BENCH_ONLY (http|ring|cluster).
// PostgreSQL + Redis rows need TEST_POSTGRES_URL and TEST_REDIS_URL.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { diskSync } from './disk.mjs';
import { httpRows } from './http.mjs';
import { progress } from './lib.mjs';
import { queryCost } from './query-cost.mjs';
import { appRing, bareSocketIo, relay } from './ring.mjs';
import { postgresFloor, redisFloor } from './services.mjs';

if (!existsSync(new URL('../dist/backend/app.js', import.meta.url))) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}
const IDLE = Number(process.env.BENCH_IDLE ?? 5000);
const only = process.env.BENCH_ONLY;
const want = (part) => !only || only.split(',').includes(part);

const ms = (x) => `${x.toFixed(2)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function ringRows(label, app, base, target) {
  return [50, 99].map((p) => {
    const ratio = app[`p${p}`] / base[`p${p}`];
    return {
      what: `ring p${p}, ${label}, ${IDLE} idle`,
      measured: ms(app[`p${p}`]),
      baseline: `ws relay ${ms(base[`p${p}`])}`,
      ratio,
      target: `≤ ${target}×`,
      met: ratio <= target,
    };
  });
}

/** A throwaway PostgreSQL schema for the two-node rows. */
async function pgSchema(baseUrl) {
  const schema = `peace_bench_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'peace-bench-'));
const rows = [];
try {
  const disk = diskSync();
  rows.push({
    what: 'one SQLite commit, synchronous=FULL (the disk sync floor)',
    measured: `p50 ${ms(disk.p50)}, p99 ${ms(disk.p99)}`,
    baseline: '—',
    ratio: Number.NaN,
    target: '—',
    met: null,
  });
  if (want('http')) {
    const q = await queryCost();
    rows.push({
      what: 'one Kysely select by primary key, SQLite (per-query floor)',
      measured: `${q.queryUs.toFixed(0)} µs, of which building + compiling the SQL ${q.compileUs.toFixed(0)} µs`,
      baseline: '—',
      ratio: Number.NaN,
      target: '—',
      met: null,
    });
    rows.push(...(await httpRows(`sqlite:${join(dir, 'http.db')}`)));
    rows.push(
      ...(await httpRows(`sqlite:${join(dir, 'http-normal.db')}`, {
        label: 'SQLite synchronous=normal',
        env: { SQLITE_SYNCHRONOUS: 'normal' },
        only: ['POST …/messages'],
      })),
    );
  }
  if (want('ring') || want('cluster')) {
    const base = await relay(IDLE);
    if (want('ring')) {
      const bare = await bareSocketIo(IDLE);
      const app = await appRing(IDLE, `sqlite:${join(dir, 'ring.db')}`);
      rows.push(...ringRows('SQLite, one node', app, base, 2));
      const normal = await appRing(IDLE, `sqlite:${join(dir, 'ring-normal.db')}`, {
        SQLITE_SYNCHRONOUS: 'normal',
      });
      rows.push(...ringRows('SQLite synchronous=normal, one node', normal, base, 2));
      rows.push({
        what: 'memory per idle authenticated socket',
        measured: kb(app.bytes),
        baseline: `bare Socket.IO ${kb(bare.bytes)} (ws ${kb(base.bytes)})`,
        ratio: app.bytes / bare.bytes,
        target: '≤ 1.2×',
        met: app.bytes / bare.bytes <= 1.2,
      });
    }
    const { TEST_POSTGRES_URL: pgUrl, TEST_REDIS_URL: redisUrl } = process.env;
    if (want('cluster') && pgUrl && redisUrl) {
      const schema = await pgSchema(pgUrl);
      try {
        const app = await appRing(IDLE, schema.url, { REDIS_URL: redisUrl }, 2);
        rows.push(...ringRows('PostgreSQL + Redis, two nodes', app, base, 3));
        const pgFloor = await postgresFloor(schema.url);
        const hop = await redisFloor(redisUrl);
        const floor = (what, f) => ({
          what,
          measured: `p50 ${ms(f.p50)}, p99 ${ms(f.p99)}`,
          baseline: '—',
          ratio: Number.NaN,
          target: '—',
          met: null,
        });
        rows.push(floor('PostgreSQL `select 1` round trip (floor)', pgFloor.roundTrip));
        rows.push(floor('PostgreSQL single-row commit (floor)', pgFloor.commit));
        rows.push(floor('Redis publish → subscriber hop (floor)', hop));
      } finally {
        await schema.drop();
      }
    } else if (want('cluster')) progress('cluster: skipped (set TEST_POSTGRES_URL and TEST_REDIS_URL)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nnode ${process.version}; ratios against baselines started in this run\n`);
console.log('| what | measured | baseline (same run) | ratio | target | met |\n|---|---|---|---|---|---|');
for (const r of rows) {
  // Floors (disk, PostgreSQL, Redis, one query) have no ratio and no target: they explain the others.
  const ratio = Number.isNaN(r.ratio)
    ? '—'
    : r.percent
      ? `${(r.ratio * 100).toFixed(0)}%`
      : `${r.ratio.toFixed(1)}×`;
  const met = r.met === null ? '—' : r.met ? 'yes' : 'no';
  console.log(`| ${r.what} | ${r.measured} | ${r.baseline} | ${ratio} | ${r.target} | ${met} |`);
}
