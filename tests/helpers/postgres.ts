import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** TEST_POSTGRES_URL, or undefined when PostgreSQL tests are to be skipped. */
export const postgresUrl = process.env.TEST_POSTGRES_URL;

/** The same database URL with every connection confined to `schema`. */
export function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Registers hooks that create a fresh PostgreSQL schema before the enclosing `describe` and drop it after,
 * so parallel runs never meet; `url` is a DATABASE_URL confined to it. Use under `describe.skipIf(!postgresUrl)`.
 */
export function usePostgresSchema(prefix = 'peace_test'): { readonly url: string } {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => admin(`create schema ${schema}`));
  afterAll(async () => admin(`drop schema if exists ${schema} cascade`));
  return {
    get url() {
      if (!postgresUrl) throw new Error('usePostgresSchema: TEST_POSTGRES_URL is not set');
      return inSchema(postgresUrl, schema);
    },
  };
}

/**
 * A fresh schema on TEST_POSTGRES_URL, created now, for tests that manage its lifetime themselves.
 * Returns the DATABASE_URL confined to it and a function that drops it.
 */
export async function freshPostgresSchema(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const schema = `peace_test_${randomBytes(6).toString('hex')}`;
  await admin(`create schema ${schema}`);
  return {
    databaseUrl: inSchema(postgresUrl, schema),
    drop: () => admin(`drop schema if exists ${schema} cascade`),
  };
}
