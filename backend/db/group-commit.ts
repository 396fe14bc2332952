import type { Database as Sqlite, Statement } from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
} from 'kysely';

/** Prepared statements kept per SQL text; more distinct texts than this (e.g. long IN lists) start over. */
const STATEMENT_CACHE_SIZE = 500;

interface QueuedWrite {
  stmt: Statement;
  parameters: readonly unknown[];
  resolve: (result: QueryResult<unknown>) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for better-sqlite3. A write outside an explicit transaction is queued; once the event loop
 * has taken in everything that arrived with it (`setImmediate`), the queue runs in one `BEGIN IMMEDIATE` …
 * `COMMIT`, synchronously, and each write resolves only after that COMMIT returned: nothing is
 * acknowledged before it is as durable as `synchronous` makes a commit. Concurrent writers thus share one
 * disk sync instead of paying one each, and the write lock is never held across the event loop (another
 * connection to the same file, even in this process, waits for a synchronous flush at most).
 * Reads run at once and see committed data only. Statements are prepared once.
 */
class GroupCommitDriver implements Driver {
  readonly #db: Sqlite;
  readonly #statements = new Map<string, Statement>();
  #queue: QueuedWrite[] | null = null;
  /** Set while an explicit transaction owns the connection; everyone else waits for it. */
  #transaction: Promise<void> | null = null;
  #endTransaction: (() => void) | null = null;

  constructor(db: Sqlite) {
    this.#db = db;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GroupCommitConnection(this, false);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // Checked and taken in one synchronous step, so no other query slips in between.
    while (this.#transaction) await this.#transaction;
    this.#flush();
    this.#transaction = new Promise((resolve) => {
      this.#endTransaction = resolve;
    });
    (connection as GroupCommitConnection).inTransaction = true;
    this.#db.exec('BEGIN IMMEDIATE');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#finish(connection, 'COMMIT');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#finish(connection, 'ROLLBACK');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#flush();
    this.#db.close();
  }

  /** Runs a read (or a write inside a transaction) now; queues any other write for the next group commit. */
  async run(query: CompiledQuery, inTransaction: boolean): Promise<QueryResult<unknown>> {
    while (!inTransaction && this.#transaction) await this.#transaction;
    const stmt = this.#prepare(query.sql);
    if (inTransaction || stmt.readonly) return execute(stmt, query.parameters);
    return new Promise((resolve, reject) => {
      if (!this.#queue) {
        this.#queue = [];
        setImmediate(() => this.#flush());
      }
      this.#queue.push({ stmt, parameters: query.parameters, resolve, reject });
    });
  }

  #prepare(sql: string): Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs the queued writes in one transaction; each hears its result only once the COMMIT returned. */
  #flush(): void {
    const queue = this.#queue ?? [];
    this.#queue = null;
    if (queue.length === 0) return;
    const outcomes: Array<{ ok: true; result: QueryResult<unknown> } | { ok: false; error: unknown }> = [];
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const write of queue) {
        try {
          outcomes.push({ ok: true, result: execute(write.stmt, write.parameters) });
        } catch (error) {
          // Most errors undo one statement; some (disk full, I/O) roll the whole batch back: fail all of it.
          if (!this.#db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      this.#db.exec('COMMIT');
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      for (const write of queue) write.reject(err);
      return;
    }
    queue.forEach((write, i) => {
      const outcome = outcomes[i] as (typeof outcomes)[number];
      if (outcome.ok) write.resolve(outcome.result);
      else write.reject(outcome.error);
    });
  }

  #finish(connection: DatabaseConnection, command: 'COMMIT' | 'ROLLBACK'): void {
    (connection as GroupCommitConnection).inTransaction = false;
    const end = this.#endTransaction;
    this.#transaction = null;
    this.#endTransaction = null;
    try {
      // A failed COMMIT is rolled back here; Kysely's ROLLBACK after it then finds nothing to undo.
      if (this.#db.inTransaction) this.#db.exec(command);
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw err;
    } finally {
      end?.();
    }
  }
}

function execute(stmt: Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class GroupCommitConnection implements DatabaseConnection {
  constructor(
    private readonly driver: GroupCommitDriver,
    public inTransaction: boolean,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return (await this.driver.run(query, this.inTransaction)) as QueryResult<R>;
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; it would hold a statement open.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite here');
  }
}

/** Kysely's SQLite dialect with the group-commit driver above. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #db: Sqlite;

  constructor(database: Sqlite) {
    super({ database });
    this.#db = database;
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.#db);
  }
}
