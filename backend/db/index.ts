import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { errorMessage } from '../lib/error-message.js';
import { GroupCommitSqliteDialect } from './group-commit.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type { Database } from './schema.js';
export type Db = Kysely<Database>;

/** How SQLite syncs a commit to disk: see SQLITE_SYNCHRONOUS in config.ts and docs/PERFORMANCE.md. */
export type SqliteSynchronous = 'full' | 'normal';

/** Opens the database named by DATABASE_URL (`sqlite:<path>` or `postgres://…`) and migrates it. */
export async function openDatabase(url: string, synchronous: SqliteSynchronous = 'full'): Promise<Db> {
  let db: Db | undefined;
  try {
    db = new Kysely<Database>({ dialect: dialectFor(url, synchronous) });
    const { error } = await new Migrator({
      db,
      provider: migrationProvider,
      ...(url.startsWith('sqlite:') ? {} : { migrationTableSchema: await currentSchema(db) }),
    }).migrateToLatest();
    if (error) throw error;
    return db;
  } catch (err) {
    await db?.destroy().catch(() => {});
    // One line naming the variable, as for any other bad configuration; never the URL (it may hold a password).
    throw new Error(`DATABASE_URL: cannot open the database (${errorMessage(err)})`);
  }
}

/**
 * The PostgreSQL schema new tables go to (the first of `search_path`). Kysely looks for its migration
 * tables in every schema unless told which, so another schema's copy would otherwise be mistaken for ours.
 */
async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}

function dialectFor(url: string, synchronous: SqliteSynchronous) {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    // FULL (default): a message is on disk before the client hears it was sent, even across a power loss;
    // NORMAL: a commit is in the WAL file (survives kill -9) but its disk sync waits for the checkpoint.
    // Either way concurrent writers share one commit through group commit (docs/PERFORMANCE.md).
    database.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    database.pragma('foreign_keys = ON');
    // A deleted message's text is overwritten in the file, not just unlinked (backend/chat/message-edits.ts).
    database.pragma('secure_delete = ON');
    database.pragma('busy_timeout = 5000');
    return new GroupCommitSqliteDialect(database);
  }
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}
