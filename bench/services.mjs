// The floors set by PostgreSQL and Redis themselves, measured in the same run: one `select 1` round trip,
// one committed single-row insert, and one Redis publish → subscriber hop (what the adapter does per emit).
import pg from 'pg';
import { createClient } from 'redis';
import { percentile, progress } from './lib.mjs';

const N = 200;
const stats = (samples) => ({ p50: percentile(samples, 50), p99: percentile(samples, 99) });

async function timed(run) {
  const samples = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export async function postgresFloor(url) {
  progress(`floors: PostgreSQL, ${N} round trips and ${N} commits`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const roundTrip = await timed(() => client.query('select 1'));
    // A real table (a temporary one would skip the WAL), dropped after.
    await client.query('create table if not exists bench_floor_commit (id int)');
    const commit = await timed((i) => client.query('insert into bench_floor_commit values ($1)', [i]));
    await client.query('drop table bench_floor_commit');
    return { roundTrip, commit };
  } finally {
    await client.end();
  }
}

export async function redisFloor(url) {
  progress(`floors: Redis, ${N} publish → subscriber hops`);
  const pub = createClient({ url });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  let arrived = () => {};
  await sub.subscribe('bench-floor', () => arrived());
  try {
    return await timed(
      () =>
        new Promise((resolve) => {
          arrived = resolve;
          pub.publish('bench-floor', 'x');
        }),
    );
  } finally {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  }
}
