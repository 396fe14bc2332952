import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  emitAck,
  emitOk,
  nextEvent,
  startBackend,
  type TestBackend,
  type TestUser,
} from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { postgresUrl, usePostgresSchema } from '../helpers/postgres.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl || !postgresUrl)
  console.warn('call-node-loss.test: skipped, needs TEST_REDIS_URL and TEST_POSTGRES_URL');

/** Generous next to the grace period and sweep below; only a missing liveness check comes near it. */
const SETTLE_MS = 20_000;

/**
 * Two nodes on PostgreSQL and Redis; the caller's node is killed (SIGKILL, no shutdown hook). The node that
 * survives must settle the call on its own: the grace timers and disconnect events died with the other.
 */
describe.skipIf(!redisUrl || !postgresUrl)('a call whose caller’s node dies', () => {
  const database = usePostgresSchema('peace_nodeloss');
  const env = () => ({
    ...TEST_JITSI_ENV,
    SESSION_SECRET: 'node-loss-session-secret-0123456789abcd',
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl as string,
    RING_TIMEOUT_SECONDS: '120',
    CALL_LEAVE_GRACE_SECONDS: '1',
    CALL_SWEEP_SECONDS: '0.5',
  });
  let survivor: TestBackend;
  let doomed: ServerProcess | undefined;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    survivor = await startBackend(env());
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    doomed?.kill();
    await doomed?.exited;
    doomed = undefined;
  });
  afterAll(async () => survivor?.close());

  /**
   * Alice (the caller) on the node about to die, Bob on the survivor. Alice never connects to the survivor:
   * a disconnect there would start a grace timer on the survivor, the very thing a dead node lacks.
   */
  async function callerOnDoomedNode() {
    doomed = await startServerProcess(env());
    const tag = randomBytes(3).toString('hex');
    const users = [await survivor.register(`alice${tag}`), await survivor.register(`bob${tag}`)];
    const [alice, bobUser] = users as [TestUser, TestUser];
    const conversation = await survivor.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bobUser.id,
    });
    const room = await survivor.api(alice.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversation.body.id,
    });
    const bob = await survivor.connect(bobUser.token);
    const aliceOnDoomed = io(doomed.url, {
      auth: { token: alice.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(aliceOnDoomed);
    await new Promise((resolve, reject) => {
      aliceOnDoomed.once('connect', () => resolve(undefined));
      aliceOnDoomed.once('connect_error', reject);
    });
    const rung = nextEvent(bob, 'call_invitation');
    const { call_id } = await emitOk(aliceOnDoomed, 'call_invitation', { room_id: room.body.room_id });
    await rung;
    return {
      users,
      bob,
      callId: call_id as string,
      conversationId: conversation.body.id as string,
      roomId: room.body.room_id as string,
    };
  }

  /** The records of `callId` in the conversation's history, as the survivor serves it. */
  async function recordsOf(token: string, conversationId: string, callId: string) {
    const history = await survivor.call(token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    return history.body.filter((m) => m.call?.call_id === callId).map((m) => m.call);
  }

  /** Nobody is left busy: Bob can call Alice (reconnected to the survivor) and it rings. */
  async function expectNobodyBusy(users: TestUser[], roomId: string, bob: Socket) {
    const aliceAgain = await survivor.connect(users[0]!.token);
    const ring = nextEvent(aliceAgain, 'call_invitation');
    const { call_id } = await emitOk(bob, 'call_invitation', { room_id: roomId });
    expect((await ring).call_id).toBe(call_id);
    await emitAck(bob, 'call_cancel', { call_id });
  }

  it('while ringing: the call is cancelled for the callee (not left to ring out as missed)', async () => {
    const { users, bob, callId, conversationId, roomId } = await callerOnDoomedNode();
    const cancelled = nextEvent(bob, 'call_state', (s) => s.state === 'cancelled', SETTLE_MS);
    const record = nextEvent(bob, 'message_new', (m) => m.call?.call_id === callId, SETTLE_MS);
    doomed!.kill();
    expect((await cancelled).call_id).toBe(callId);
    expect((await record).call).toEqual({ call_id: callId, outcome: 'cancelled' });
    expect(await recordsOf(users[0]!.token, conversationId, callId)).toEqual([
      { call_id: callId, outcome: 'cancelled' },
    ]);
    await expectNobodyBusy(users, roomId, bob);
  }, 90_000);

  it('while active: the caller leaves, the callee stays, and the call ends once when they leave', async () => {
    const { users, bob, callId, conversationId, roomId } = await callerOnDoomedNode();
    await emitAck(bob, 'call_invitation_response', { call_id: callId, accepted: true });
    const states = collect(bob, 'call_state');
    const aliceLeft = nextEvent(
      bob,
      'call_state',
      (s) => s.participants.some((p) => p.user_id === users[0]!.id && p.status === 'left'),
      SETTLE_MS,
    );
    doomed!.kill();
    expect((await aliceLeft).state).toBe('active');
    const record = nextEvent(bob, 'message_new', (m) => m.call?.call_id === callId);
    await emitAck(bob, 'call_leave', { call_id: callId });
    expect((await record).call).toMatchObject({ call_id: callId, outcome: 'ended' });
    expect(await recordsOf(users[0]!.token, conversationId, callId)).toHaveLength(1);
    expect(states.filter((s) => s.state === 'ended')).toHaveLength(1);
    await expectNobodyBusy(users, roomId, bob);
  }, 90_000);
});
