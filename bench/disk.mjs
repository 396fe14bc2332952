// The disk's floor: what one SQLite commit costs with synchronous=FULL (one WAL fsync) on this machine,
// measured in the same run. No write acknowledged under FULL can come back faster than this.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { percentile, progress } from './lib.mjs';

export function diskSync(commits = 200) {
  progress(`disk: ${commits} single-row commits, synchronous=FULL`);
  const dir = mkdtempSync(join(tmpdir(), 'peace-bench-disk-'));
  try {
    const db = new SQLite(join(dir, 'probe.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (v) values (?)');
    const samples = [];
    for (let i = 0; i < commits; i++) {
      const t0 = performance.now();
      insert.run('x');
      samples.push(performance.now() - t0);
    }
    db.close();
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
