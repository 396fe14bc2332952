import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { emitAck, emitOk, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';

const env = {
  ...TEST_JITSI_ENV,
  SESSION_SECRET: 'repair-test-session-secret-0123456789ab',
  RING_TIMEOUT_SECONDS: '120',
};

/**
 * Calls settled before state and record were committed together may lack their `call` message for good;
 * a node gives it to them at start-up, once.
 */
describe('settled calls without their record', () => {
  const started: TestBackend[] = [];
  afterEach(async () => {
    for (const b of started.splice(0)) await b.close();
  });

  it('get it when a node starts, exactly once however often it starts', async () => {
    const first = await startBackend({ ...env, KEEP_DATA: '1' });
    started.push(first);
    onTestFinished(() => rmSync(first.dataDir, { recursive: true, force: true }));
    const { users, sockets, roomId, conversationId } = await setUpCall(first, 2);
    const [alice, bob] = sockets;
    // One call cancelled, one talked through.
    let ring = nextEvent(bob!, 'call_invitation');
    const cancelled = (await emitOk(alice!, 'call_invitation', { room_id: roomId })).call_id;
    await ring;
    await emitAck(alice!, 'call_cancel', { call_id: cancelled });
    ring = nextEvent(bob!, 'call_invitation');
    const ended = (await emitOk(alice!, 'call_invitation', { room_id: roomId })).call_id;
    await ring;
    await emitAck(bob!, 'call_invitation_response', { call_id: ended, accepted: true });
    await emitAck(bob!, 'call_leave', { call_id: ended });
    const last = nextEvent(bob!, 'message_new', (m) => m.call?.call_id === ended);
    await emitAck(alice!, 'call_leave', { call_id: ended });
    await last;
    // What a crash between the two writes used to leave behind.
    await first.app.db.deleteFrom('messages').where('kind', '=', 'call').execute();
    started.splice(0);
    await first.close();

    const records = async (b: TestBackend) =>
      (
        await b.call(users[0]!.token, 'GET /conversations/:id/messages', {
          params: { id: conversationId },
          query: { limit: 50 },
        })
      ).body
        .filter((m) => m.kind === 'call')
        .map((m) => m.call);
    for (let restart = 0; restart < 2; restart++) {
      const b = await startBackend(env, first.dataDir);
      started.push(b);
      const found = await records(b);
      expect(found).toHaveLength(2);
      expect(found).toContainEqual({ call_id: cancelled, outcome: 'cancelled' });
      expect(found).toContainEqual({
        call_id: ended,
        outcome: 'ended',
        duration_seconds: expect.any(Number),
      });
      await b.close();
      started.splice(0);
    }
  });
});
