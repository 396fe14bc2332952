import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, emitAck, emitOk, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';
import { setUpCall, statusOf, TEST_JITSI_ENV } from '../helpers/calls.js';

/** Guards of the call service that only a specific situation exercises; each test fails without its guard. */
describe('call guards', () => {
  const started: TestBackend[] = [];
  afterEach(async () => {
    for (const b of started.splice(0)) await b.close();
  });
  const start = async (env: Record<string, string>) => {
    const b = await startBackend({ ...TEST_JITSI_ENV, RING_TIMEOUT_SECONDS: '120', ...env });
    started.push(b);
    return b;
  };

  it('a target outside the conversation is refused, and nobody is rung', async () => {
    const b = await start({});
    const { users, sockets, roomId } = await setUpCall(b, 2);
    const eve = await b.register(`eve${Date.now() % 100000}`, 'Eve');
    const eveSocket = await b.connect(eve.token);
    const eveRung = collect(eveSocket, 'call_invitation');
    const bobRung = collect(sockets[1]!, 'call_invitation');
    const ack = await emitAck(sockets[0]!, 'call_invitation', { room_id: roomId, target_user_id: eve.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_target' } });
    const calls = await b.app.db.selectFrom('calls').select('id').where('room_id', '=', roomId).execute();
    expect(calls).toEqual([]);
    // A call that does go through afterwards reaches Bob; Eve heard of neither.
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    await emitAck(sockets[0]!, 'call_invitation', { room_id: roomId, target_user_id: users[1]!.id });
    await ring;
    expect(eveRung).toEqual([]);
    expect(bobRung).toHaveLength(1);
  });

  it('one of two devices going away past the grace period does not take its user out of the call', async () => {
    const graceMs = 300;
    const b = await start({ CALL_LEAVE_GRACE_SECONDS: String(graceMs / 1000) });
    const { users, sockets, roomId } = await setUpCall(b, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobPhone, carolSocket] = sockets;
    const bobLaptop = await b.connect(bob!.token);
    const states = collect(aliceSocket!, 'call_state');
    const rung = [nextEvent(bobPhone!, 'call_invitation'), nextEvent(carolSocket!, 'call_invitation')];
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await Promise.all(rung);
    await emitAck(bobPhone!, 'call_invitation_response', { call_id, accepted: true });
    await emitAck(carolSocket!, 'call_invitation_response', { call_id, accepted: true });

    bobLaptop.disconnect();
    // Bob's grace check runs at graceMs; give it ample time to finish before Carol's starts, so that the
    // event that proves Carol's ran also comes after Bob's.
    await sleep(graceMs * 4);
    const carolGone = nextEvent(aliceSocket!, 'call_state', (s) => statusOf(s, carol!.id) === 'left');
    carolSocket!.disconnect();
    const state = await carolGone;
    expect(statusOf(state, bob!.id)).toBe('accepted');
    expect(statusOf(state, alice!.id)).toBe('accepted');
    expect(states.some((s) => statusOf(s, bob!.id) === 'left')).toBe(false);
  });

  it('an invitation ends as missed by its own ring timer, not by the (much later) sweep', async () => {
    // The sweep runs every 120 s here: only the invitation's own timer can end it within the wait below.
    const b = await start({ RING_TIMEOUT_SECONDS: '2', CALL_SWEEP_SECONDS: '120' });
    const { sockets, roomId } = await setUpCall(b, 2);
    const invitation = nextEvent(sockets[1]!, 'call_invitation');
    const missed = nextEvent(sockets[1]!, 'call_state', (s) => s.state === 'missed', 20_000);
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    const ringingUntil = Date.parse((await invitation).ringing_until);
    const state = await missed;
    // Never before the deadline either.
    expect(Date.now()).toBeGreaterThanOrEqual(ringingUntil);
    expect(state).toMatchObject({ call_id, reason: 'timeout' });
  });
});
