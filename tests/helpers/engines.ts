import { afterAll, beforeAll } from 'vitest';
import { startBackend, type TestBackend } from './backend.js';
import { freshPostgresSchema, postgresUrl } from './postgres.js';

/** The databases the backend runs on; the PostgreSQL case is skipped without TEST_POSTGRES_URL. */
export const ENGINES = [
  { name: 'SQLite', postgres: false, skip: false },
  { name: 'PostgreSQL', postgres: true, skip: !postgresUrl },
] as const;

export type Engine = (typeof ENGINES)[number];

/**
 * Registers hooks in the enclosing `describe` that start the backend (with `env`) on `engine`: a fresh
 * SQLite file, or a fresh PostgreSQL schema dropped afterwards. Nothing starts when the engine is
 * skipped. `backend` is usable inside tests and in `beforeAll` hooks registered after this call.
 */
export function useBackendOn(
  engine: Engine,
  env: Record<string, string> = {},
): { readonly backend: TestBackend } {
  let backend: TestBackend | undefined;
  let drop = async () => {};
  beforeAll(async () => {
    if (engine.skip) return;
    const databaseEnv: Record<string, string> = {};
    if (engine.postgres) {
      const schema = await freshPostgresSchema();
      databaseEnv.DATABASE_URL = schema.databaseUrl;
      drop = schema.drop;
    }
    backend = await startBackend({ ...env, ...databaseEnv });
  });
  afterAll(async () => {
    await backend?.close();
    await drop();
  });
  return {
    get backend() {
      if (!backend)
        throw new Error('useBackendOn: the backend is not started (skipped engine, or outside a test)');
      return backend;
    },
  };
}
