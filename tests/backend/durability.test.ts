import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackend } from '../helpers/backend.js';

const SESSION_SECRET = 'durability-test-secret-durability-test-secret';
const root = join(import.meta.dirname, '../..');

/** The real server as its own process (so it can be killed outright); resolves with its origin. */
function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test', SESSION_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/listening at (http:\/\/[\d.:]+)/)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * Sends messages from 8 concurrent senders, kills the server with SIGKILL once 60 are acknowledged
 * (sends still in flight), restarts on the same database and returns what is missing.
 */
async function killMidTraffic(
  env: Record<string, string>,
  dataDir: string,
): Promise<{ acked: string[]; missing: string[] }> {
  const { child, url } = await spawnServer(env);
  const register = async (name: string) =>
    (
      await post(url, '/api/v1/auth/register', {
        username: name,
        password: 'pw-durable-1',
        display_name: name,
      })
    ).body;
  const tag = randomBytes(3).toString('hex');
  const alice = await register(`alice${tag}`);
  const bob = await register(`bob${tag}`);
  const conv = (
    await post(url, '/api/v1/conversations', { type: 'direct', user_id: bob.user.id }, alice.access_token)
  ).body;
  const acked: string[] = [];
  const exited = new Promise((r) => child.once('exit', r));
  const sender = async (n: number) => {
    for (let i = 0; ; i++) {
      try {
        const res = await post(
          url,
          `/api/v1/conversations/${conv.id}/messages`,
          { body: `${n}/${i}` },
          alice.access_token,
        );
        if (res.status !== 201) return;
        acked.push(res.body.id);
        if (acked.length === 60) child.kill('SIGKILL');
      } catch {
        return; // The connection died with the server: this send was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, n) => sender(n)));
  await exited;

  const again = await startBackend(env, dataDir);
  try {
    const rows = await again.app.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', conv.id)
      .execute();
    const stored = new Set(rows.map((r) => r.id));
    return { acked, missing: acked.filter((id) => !stored.has(id)) };
  } finally {
    await again.close();
  }
}

describe('acknowledged messages survive kill -9 of the backend', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const synchronous of ['full', 'normal']) {
    it(`on SQLite (synchronous=${synchronous}, group commit)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'peace-durable-'));
      dirs.push(dir);
      const env = { DATABASE_URL: `sqlite:${join(dir, 'peace.db')}`, SQLITE_SYNCHRONOUS: synchronous };
      const { acked, missing } = await killMidTraffic(env, dir);
      expect(acked.length).toBeGreaterThanOrEqual(60);
      expect(missing).toEqual([]);
    }, 120_000);
  }

  const pgUrl = process.env.TEST_POSTGRES_URL;
  it.skipIf(!pgUrl)(
    'on PostgreSQL',
    async () => {
      const schema = `peace_durable_${randomBytes(6).toString('hex')}`;
      const admin = async (query: string) => {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(query);
        await client.end();
      };
      await admin(`create schema ${schema}`);
      try {
        const url = new URL(pgUrl as string);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const dir = mkdtempSync(join(tmpdir(), 'peace-durable-'));
        dirs.push(dir);
        const { acked, missing } = await killMidTraffic({ DATABASE_URL: url.toString() }, dir);
        expect(acked.length).toBeGreaterThanOrEqual(60);
        expect(missing).toEqual([]);
      } finally {
        await admin(`drop schema if exists ${schema} cascade`);
      }
    },
    120_000,
  );
});
