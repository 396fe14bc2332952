import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

const baseUrl = process.env.TEST_POSTGRES_URL;
if (!baseUrl) console.warn('postgres.test: skipped, TEST_POSTGRES_URL is not set (bash .ci/run sets it)');

/** The same database URL with every connection confined to `schema`. */
function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

describe.skipIf(!baseUrl)('the chat backend on PostgreSQL', () => {
  // A fresh schema per run: the migrations start from nothing and parallel runs never meet.
  const schema = `peace_test_${randomBytes(6).toString('hex')}`;
  // The describe body runs even when skipped, so nothing here may need the URL.
  const env = { DATABASE_URL: baseUrl ? inSchema(baseUrl, schema) : '' };
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let conversation: string;

  const admin = () => new pg.Client({ connectionString: baseUrl });
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    b = await startBackend(env);
  });
  afterAll(async () => {
    await b?.close();
    const client = admin();
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('migrates into the fresh schema', async () => {
    const client = admin();
    await client.connect();
    const { rows } = await client.query(
      'select table_name from information_schema.tables where table_schema = $1',
      [schema],
    );
    await client.end();
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['users', 'conversations', 'members', 'messages']),
    );
  });

  it('registers, signs in, answers /me and searches users', async () => {
    alice = await b.register('alice', 'Alice');
    bob = await b.register('bob_pg', '鲍勃');
    carol = await b.register('carol', 'Carol');
    const taken = await b.api(null, 'POST', '/api/v1/auth/register', {
      username: 'ALICE',
      password: 'whatever-pass',
      display_name: 'A',
    });
    expect(taken.status).toBe(409);
    const login = await b.api(null, 'POST', '/api/v1/auth/login', {
      username: 'Bob_PG',
      password: 'pw-bob_pg-secret',
    });
    expect(login.status).toBe(200);
    expect((await b.api(login.body.access_token, 'GET', '/api/v1/me')).body).toEqual({
      id: bob.id,
      username: 'bob_pg',
      display_name: '鲍勃',
    });
    const names = async (q: string) =>
      (await b.api(alice.token, 'GET', `/api/v1/users?q=${encodeURIComponent(q)}`)).body.map(
        (u: TestUser) => u.username,
      );
    expect(await names('B_P')).toEqual(['bob_pg']);
    expect(await names('_')).toEqual(['bob_pg']);
    expect(await names('%')).toEqual([]);
    expect(await names('鲍')).toEqual(['bob_pg']);
  });

  it('keeps one direct conversation per pair under concurrent requests', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2
          ? b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
          : b.api(bob.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: alice.id }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    conversation = results[0]?.body.id;
    const group = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Team',
      member_ids: [bob.id, carol.id],
    });
    expect(group.status).toBe(201);
    expect(group.body.members).toHaveLength(3);
  });

  it('delivers, pages, deduplicates and counts messages', async () => {
    const bobSocket = await b.connect(bob.token);
    const live = nextEvent(bobSocket, 'message_new');
    const first = await b.api(alice.token, 'POST', `/api/v1/conversations/${conversation}/messages`, {
      body: 'm1',
    });
    expect(await live).toEqual(first.body);

    const raced = await Promise.all(
      Array.from({ length: 6 }, () =>
        b.api(alice.token, 'POST', `/api/v1/conversations/${conversation}/messages`, {
          body: 'm2',
          client_id: 'once',
        }),
      ),
    );
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    for (let i = 3; i <= 12; i++) {
      await b.api(alice.token, 'POST', `/api/v1/conversations/${conversation}/messages`, { body: `m${i}` });
    }
    const path = `/api/v1/conversations/${conversation}/messages`;
    const newest = (await b.api(bob.token, 'GET', `${path}?limit=5`)).body;
    expect(newest.map((m: { body: string }) => m.body)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12']);
    const older = (await b.api(bob.token, 'GET', `${path}?limit=5&before=${newest[0].id}`)).body;
    expect(older.map((m: { body: string }) => m.body)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    const oldest = (await b.api(bob.token, 'GET', `${path}?limit=5&before=${older[0].id}`)).body;
    expect(oldest.map((m: { body: string }) => m.body)).toEqual(['m1', 'm2']);

    const unread = async () =>
      (await b.call(bob.token, 'GET /conversations')).body.find((c) => c.id === conversation)?.unread_count;
    expect(await unread()).toBe(12);
    const marker = await b.api(bob.token, 'POST', `/api/v1/conversations/${conversation}/read`, {
      message_id: older[4].id,
    });
    expect(marker.body).toMatchObject({ last_read_message_id: older[4].id, unread_count: 5 });
    expect(await unread()).toBe(5);

    const outsider = await b.api(carol.token, 'GET', path);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_a_member');
  });

  it('keeps everything, tokens included, across a restart', async () => {
    const before = (await b.call(bob.token, 'GET /conversations')).body;
    await b.close();
    b = await startBackend(env);
    expect((await b.call(bob.token, 'GET /conversations')).body).toEqual(before);
    expect((await b.api(alice.token, 'GET', '/api/v1/me')).status).toBe(200);
  });
});
