import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, emitOk, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';
import { postgresUrl, usePostgresSchema } from '../helpers/postgres.js';

if (!postgresUrl) console.warn('call-race-postgres.test: skipped, TEST_POSTGRES_URL is not set');

/**
 * "First answer wins" where the race is real: two nodes, each with its own connection pool, on one
 * PostgreSQL database. Only the optimistic version check in backend/calls/store.ts keeps two devices that
 * accept in the same instant from both being let in (SQLite runs one statement at a time and cannot tell).
 */
describe.skipIf(!postgresUrl)('two nodes on PostgreSQL, answers at the same instant', () => {
  const database = usePostgresSchema('peace_race');
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  beforeAll(async () => {
    const env = {
      ...TEST_JITSI_ENV,
      SESSION_SECRET: 'race-test-session-secret-0123456789abc',
      RING_TIMEOUT_SECONDS: '120',
      DATABASE_URL: database.url,
    };
    nodeA = await startBackend(env);
    nodeB = await startBackend(env);
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  it('of two devices accepting at once on two nodes, exactly one is let in, every round', async () => {
    const { users, sockets, roomId } = await setUpCall(nodeA, 2);
    const [alice, bobOnA] = sockets;
    const bobOnB = await nodeB.connect(users[1]!.token);
    for (let round = 0; round < 10; round++) {
      // No Redis: events reach the sockets of the node that emits them (A); the race is in the database.
      const rung = nextEvent(bobOnA!, 'call_invitation');
      const { call_id } = await emitOk(alice!, 'call_invitation', { room_id: roomId });
      await rung;
      const answers = await Promise.all([
        emitAck(bobOnA!, 'call_invitation_response', { call_id, accepted: true }),
        emitAck(bobOnB, 'call_invitation_response', { call_id, accepted: true }),
      ]);
      expect(
        answers.filter((a) => a.ok),
        `round ${round}`,
      ).toHaveLength(1);
      expect(answers.find((a) => !a.ok)?.error.code).toBe('call_not_ringing');
      const row = await nodeA.app.db
        .selectFrom('calls')
        .select(['state', 'version'])
        .where('id', '=', call_id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'active', version: 1 });
      await emitAck(alice!, 'call_leave', { call_id });
      await emitAck(bobOnA!, 'call_leave', { call_id });
    }
  });
});
