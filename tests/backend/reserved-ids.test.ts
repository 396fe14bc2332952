import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../backend/db/migrations.js';
import { emitAck, emitOk, nextEvent } from '../helpers/backend.js';
import { setUpCall, useCallBackend } from '../helpers/calls.js';

/** Identifiers the server mints for itself cannot be taken by a client first (backend/lib/reserved-ids.ts). */
describe('reserved identifiers', () => {
  const server = useCallBackend();

  it('a caller cannot hide the record of a call by taking its client_id first', async () => {
    const b = server.backend;
    const { users, sockets, roomId, conversationId } = await setUpCall(b, 2);
    const [alice] = users;
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    const squat = await b.api(alice!.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      body: 'nothing to see here',
      client_id: `call:${call_id}`,
    });
    expect(squat.status).toBe(400);
    expect(squat.body.error.code).toBe('reserved_client_id');

    const record = nextEvent(sockets[1]!, 'message_new', (m) => m.kind === 'call');
    await emitAck(sockets[0]!, 'call_cancel', { call_id });
    expect((await record).call).toEqual({ call_id, outcome: 'cancelled' });
    const history = await b.call(alice!.token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    expect(history.body.filter((m) => m.call?.call_id === call_id)).toHaveLength(1);
    expect(history.body.filter((m) => m.kind === 'text')).toHaveLength(0);
  });

  it('ordinary client ids (no colon) still make a send idempotent', async () => {
    const b = server.backend;
    const { users, conversationId } = await setUpCall(b, 2);
    const send = () =>
      b.api(users[0]!.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
        body: 'hi',
        client_id: 'a1b2c3-d4e5',
      });
    const first = await send();
    expect(first.status).toBe(201);
    expect((await send()).body.id).toBe(first.body.id);
  });

  it('a client cannot propose a room id of the form the server makes', async () => {
    const b = server.backend;
    const { users, conversationId } = await setUpCall(b, 2);
    const create = (room_id: string) =>
      b.api(users[0]!.token, 'POST', '/api/v1/rooms/create', { conversation_id: conversationId, room_id });
    const taken = await create('0123456789abcdef0123456789abcdef');
    expect(taken.status).toBe(400);
    expect(taken.body.error.code).toBe('reserved_room_id');
    expect((await create('0123456789abcdef0123456789abcde')).status).toBe(201);
    expect((await create('team-0123456789abcdef0123456789ab')).status).toBe(201);
  });

  it('the upgrade frees call client_ids that text messages took before they were reserved', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo('0004_call_ring_deadline')).error).toBeUndefined();
      const now = new Date().toISOString();
      await db
        .insertInto('users')
        .values({ id: 'u1', username: 'u1', display_name: 'U', password_hash: 'x', created_at: now })
        .execute();
      await db
        .insertInto('conversations')
        .values({ id: 'c1', type: 'group', title: 't', direct_key: null, created_by: 'u1', created_at: now })
        .execute();
      const message = (id: string, kind: string, client_id: string) => ({
        id,
        conversation_id: 'c1',
        sender_id: 'u1',
        kind,
        body: id,
        call_json: null,
        client_id,
        created_at: now,
      });
      await db
        .insertInto('messages')
        .values([
          message('m1', 'text', 'call:abc'),
          message('m2', 'text', 'plain-1'),
          message('m3', 'call', 'call:def'),
        ])
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'body', 'client_id'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'm1', body: 'm1', client_id: null },
        { id: 'm2', body: 'm2', client_id: 'plain-1' },
        { id: 'm3', body: 'm3', client_id: 'call:def' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
