import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { emitAck, emitOk, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';

const SESSION_SECRET = 'timeout-test-session-secret-0123456789';

describe('calls that nobody ends by hand', () => {
  const started: TestBackend[] = [];
  afterEach(async () => {
    for (const b of started.splice(0)) await b.close();
  });
  const start = async (env: Record<string, string>, dataDir?: string) => {
    const b = await startBackend({ ...TEST_JITSI_ENV, SESSION_SECRET, ...env }, dataDir);
    started.push(b);
    return b;
  };

  it('an unanswered invitation becomes missed after RING_TIMEOUT_SECONDS, on every device, with a message', async () => {
    const b = await start({ RING_TIMEOUT_SECONDS: '1' });
    const { sockets, roomId } = await setUpCall(b, 2);
    const [aliceSocket, bobSocket] = sockets;
    const missedForBob = nextEvent(bobSocket!, 'call_state', (s) => s.state === 'missed');
    const missedForAlice = nextEvent(aliceSocket!, 'call_state', (s) => s.state === 'missed');
    const message = nextEvent(aliceSocket!, 'message_new');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    expect((await missedForBob).reason).toBe('timeout');
    expect((await missedForAlice).participants[1]?.status).toBe('missed');
    expect((await message).call).toEqual({ call_id, outcome: 'missed' });
    expect(await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true })).toMatchObject({
      ok: false,
      error: { code: 'call_not_ringing' },
    });
  });

  it('a restart while the call rings still ends it as missed (the deadline lives in the database)', async () => {
    const first = await start({ RING_TIMEOUT_SECONDS: '2', KEEP_DATA: '1' });
    onTestFinished(() => rmSync(first.dataDir, { recursive: true, force: true }));
    const { users, sockets, roomId, conversationId } = await setUpCall(first, 2);
    const invitation = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    const ringingUntil = Date.parse((await invitation).ringing_until);
    // The node goes away before the deadline, taking its timer with it.
    started.splice(started.indexOf(first), 1);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ringingUntil - Date.now()) + 50));

    // A new backend on the same database settles the call while starting up.
    const second = await start({ RING_TIMEOUT_SECONDS: '2' }, first.dataDir);
    const history = await second.call(users[0]!.token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    expect(history.status).toBe(200);
    expect(history.body.map((m) => m.call)).toContainEqual({ call_id, outcome: 'missed' });
    const row = await second.app.db
      .selectFrom('calls')
      .selectAll()
      .where('id', '=', call_id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('missed');
    expect(row.ring_deadline).toBeNull();
  });

  it('a restart well before the deadline keeps the timer: the call still rings, then is missed', async () => {
    const first = await start({ RING_TIMEOUT_SECONDS: '6', KEEP_DATA: '1' });
    onTestFinished(() => rmSync(first.dataDir, { recursive: true, force: true }));
    const { users, sockets, roomId } = await setUpCall(first, 2);
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    started.splice(started.indexOf(first), 1);
    await first.close();
    const second = await start({ RING_TIMEOUT_SECONDS: '6' }, first.dataDir);
    // Bob's app reconnects to the new node: it rings again, then stops as missed.
    const bob = second.socket(users[1]!.token);
    const ringing = nextEvent(bob, 'call_invitation');
    const missed = nextEvent(bob, 'call_state', (s) => s.state === 'missed', 10_000);
    bob.connect();
    expect((await ringing).call_id).toBe(call_id);
    expect((await missed).call_id).toBe(call_id);
  });

  it('a participant whose last socket goes away leaves after the grace period, ending the call', async () => {
    const b = await start({ RING_TIMEOUT_SECONDS: '60', CALL_LEAVE_GRACE_SECONDS: '0.2' });
    const { sockets, roomId } = await setUpCall(b, 2);
    const [aliceSocket, bobSocket] = sockets;
    const invitation = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await invitation;
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    const aliceGone = nextEvent(bobSocket!, 'call_state', (s) =>
      s.participants.some((p) => p.status === 'left'),
    );
    aliceSocket!.disconnect();
    expect((await aliceGone).state).toBe('active');
    const ended = nextEvent(bobSocket!, 'call_state', (s) => s.state === 'ended');
    const message = nextEvent(bobSocket!, 'message_new');
    await emitAck(bobSocket!, 'call_leave', { call_id });
    await ended;
    expect((await message).call).toMatchObject({ call_id, outcome: 'ended' });
  });

  it('the caller losing every socket while it rings cancels the call', async () => {
    const b = await start({ RING_TIMEOUT_SECONDS: '60', CALL_LEAVE_GRACE_SECONDS: '0.2' });
    const { sockets, roomId } = await setUpCall(b, 2);
    const invitation = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await invitation;
    const cancelled = nextEvent(sockets[1]!, 'call_state', (s) => s.state === 'cancelled');
    sockets[0]!.disconnect();
    expect((await cancelled).call_id).toBe(call_id);
  });
});
