import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests may use, or undefined (those tests then skip and say so). */
export const postgresUrl = process.env.TEST_POSTGRES_URL;

/** The same database URL with every connection confined to `schema`. */
function inSchema(url: string, schema: string): string {
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
 * A fresh schema on TEST_POSTGRES_URL, so migrations start from nothing and parallel runs never meet.
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
