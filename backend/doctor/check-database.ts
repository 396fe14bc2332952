import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { errorMessage } from '../lib/error-message.js';
import { type CheckResult, fail, pass } from './check-result.js';

const NAME = 'the database is reachable';

/** DATABASE_URL with any password masked, for display. */
function maskDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/**
 * Connects and runs one query, changing nothing: a SQLite file is opened read-only (a missing one
 * only needs a writable folder, the backend creates it), PostgreSQL gets `select 1`.
 */
export async function checkDatabase(url: string, timeoutMs = 10_000): Promise<CheckResult> {
  if (url.startsWith('sqlite:')) return checkSqlite(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//i.test(url)) return checkPostgres(url, timeoutMs);
  return fail(
    NAME,
    `unknown scheme in DATABASE_URL "${maskDatabaseUrl(url)}"`,
    'Use sqlite:<path> or postgres://user:password@host/db.',
  );
}

function checkSqlite(path: string): CheckResult {
  if (path === ':memory:') return pass(NAME, 'in-memory SQLite (data is lost on restart)');
  const file = resolve(path);
  if (!existsSync(file)) {
    const folder = nearestExisting(dirname(file));
    try {
      accessSync(folder, constants.W_OK);
      return pass(NAME, `${file} does not exist yet; the backend creates it at start-up`);
    } catch {
      return fail(
        NAME,
        `${file} does not exist and ${folder} is not writable`,
        `Create ${dirname(file)} writable by the backend's user.`,
      );
    }
  }
  try {
    const db = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select count(*) as n from sqlite_master').get() as { n: number };
      return pass(NAME, `SQLite ${file} (${row.n} schema objects)`);
    } finally {
      db.close();
    }
  } catch (err) {
    return fail(
      NAME,
      `SQLite ${file}: ${errorMessage(err)}`,
      'Check the file is a Peace Messenger database and readable by this user.',
    );
  }
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

async function checkPostgres(url: string, timeoutMs: number): Promise<CheckResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A failed connection may also emit 'error'; without a listener that would crash the doctor.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return pass(NAME, `PostgreSQL ${maskDatabaseUrl(url)}`);
  } catch (err) {
    return fail(
      NAME,
      `PostgreSQL ${maskDatabaseUrl(url)}: ${errorMessage(err)}`,
      'Check host, port, user, password and database name in DATABASE_URL, and that PostgreSQL accepts connections from this machine.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
