import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, emitOk, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';
import { usePostgresSchema } from '../helpers/postgres.js';

const SESSION_SECRET = 'cluster-call-session-secret-0123456789';
const redisUrl = process.env.TEST_REDIS_URL;
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!redisUrl)
  console.warn('call-cluster.test: Redis part skipped, TEST_REDIS_URL is not set (bash .ci/run sets it)');
if (!postgresUrl) console.warn('call-cluster.test: PostgreSQL part skipped, TEST_POSTGRES_URL is not set');

describe('two nodes on one database (no Redis)', () => {
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  beforeAll(async () => {
    const env = { ...TEST_JITSI_ENV, SESSION_SECRET, RING_TIMEOUT_SECONDS: '120' };
    nodeA = await startBackend(env);
    nodeB = await startBackend({ ...env, DATABASE_URL: nodeA.databaseUrl });
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  it('the first answer wins even when two devices on two nodes answer at once', async () => {
    const { users, sockets, roomId } = await setUpCall(nodeA, 2);
    const bobOnB = await nodeB.connect(users[1]!.token);
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    const answers = await Promise.all([
      emitAck(sockets[1]!, 'call_invitation_response', { call_id, accepted: true }),
      emitAck(bobOnB, 'call_invitation_response', { call_id, accepted: false }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'call_not_ringing' } });
    const row = await nodeA.app.db
      .selectFrom('calls')
      .selectAll()
      .where('id', '=', call_id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe(answers[0].ok ? 'active' : 'declined');
    expect(row.version).toBe(1);
  });
});

describe.skipIf(!redisUrl)('two nodes sharing Redis', () => {
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  const clients: Socket[] = [];
  beforeAll(async () => {
    const env = {
      ...TEST_JITSI_ENV,
      SESSION_SECRET,
      RING_TIMEOUT_SECONDS: '120',
      REDIS_URL: redisUrl as string,
    };
    nodeA = await startBackend(env);
    nodeB = await startBackend({ ...env, DATABASE_URL: nodeA.databaseUrl });
  });
  afterAll(async () => {
    for (const socket of clients) socket.disconnect();
    await nodeB?.close();
    await nodeA?.close();
  });

  it('rings a callee connected to the other node and stops the ringing on every device', async () => {
    const { users, sockets, roomId } = await setUpCall(nodeA, 2);
    const [aliceOnA, bobOnA] = sockets;
    const bobOnB = await nodeB.connect(users[1]!.token);
    clients.push(...sockets, bobOnB);
    const ringA = nextEvent(bobOnA!, 'call_invitation');
    const ringB = nextEvent(bobOnB, 'call_invitation');
    const { call_id } = await emitOk(aliceOnA!, 'call_invitation', { room_id: roomId });
    expect((await ringA).call_id).toBe(call_id);
    expect((await ringB).call_id).toBe(call_id);
    const stopsOnA = nextEvent(bobOnA!, 'call_state', (s) => s.state === 'active');
    const aliceHears = nextEvent(aliceOnA!, 'call_invitation_response');
    await emitAck(bobOnB, 'call_invitation_response', { call_id, accepted: true });
    expect((await stopsOnA).call_id).toBe(call_id);
    expect(await aliceHears).toEqual({ call_id, user_id: users[1]!.id, accepted: true });
  });
});

describe.skipIf(!postgresUrl)('calls on PostgreSQL', () => {
  // Its own schema: the shared one may hold other branches' migrations, which Kysely refuses to run past.
  const database = usePostgresSchema('peace_calls');
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({
      ...TEST_JITSI_ENV,
      SESSION_SECRET,
      RING_TIMEOUT_SECONDS: '120',
      DATABASE_URL: database.url,
    });
  });
  afterAll(async () => b?.close());

  it('runs a call from invitation to the `ended` message', async () => {
    const { sockets, roomId } = await setUpCall(b, 2);
    const [alice, bob] = sockets;
    const ring = nextEvent(bob!, 'call_invitation');
    const { call_id } = await emitOk(alice!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(bob!, 'call_invitation_response', { call_id, accepted: true });
    await emitAck(bob!, 'call_leave', { call_id });
    const message = nextEvent(bob!, 'message_new');
    await emitAck(alice!, 'call_leave', { call_id });
    expect((await message).call).toMatchObject({ call_id, outcome: 'ended' });
  });
});
