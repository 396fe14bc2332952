// What one small Kysely query costs on SQLite and how much of it is building + compiling the SQL
// (paid on every query) rather than running it: the per-query floor of the HTTP routes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress } from './lib.mjs';

const N = 5000;

export async function queryCost() {
  progress(`query cost: ${N} compiles and ${N} queries (SQLite)`);
  const { openDatabase } = await import('../dist/backend/db/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'peace-bench-query-'));
  const db = await openDatabase(`sqlite:${join(dir, 'q.db')}`);
  try {
    const query = (i) => db.selectFrom('users').select('id').where('id', '=', `u${i}`);
    let t0 = performance.now();
    for (let i = 0; i < N; i++) query(i).compile();
    const compileUs = ((performance.now() - t0) / N) * 1000;
    t0 = performance.now();
    for (let i = 0; i < N; i++) await query(i).executeTakeFirst();
    const queryUs = ((performance.now() - t0) / N) * 1000;
    return { compileUs, queryUs };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
