import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../backend/app.js';
import {
  emitAck,
  emitOk,
  logCapture,
  nextEvent,
  startBackend,
  type TestBackend,
} from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';

describe('Jitsi tokens and logs', () => {
  let b: TestBackend;
  const { lines, stream } = logCapture();
  beforeAll(async () => {
    b = await startBackend({ ...TEST_JITSI_ENV, RING_TIMEOUT_SECONDS: '120' }, undefined, {
      logger: { ...loggerOptions('trace'), stream },
    });
  });
  afterAll(async () => b.close());

  it('no token appears in any log line, through join, calls, the room page and the leave endpoint', async () => {
    const { users, sockets, roomId } = await setUpCall(b, 2);
    const [alice, bob] = users;
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id, accepted: true });
    const tokens: string[] = [];
    for (const user of [alice!, bob!]) {
      const join = await b.api(user.token, 'POST', `/api/v1/rooms/${roomId}/join`);
      expect(join.status).toBe(200);
      tokens.push(join.body.jitsi_token);
      // The room page in its original query-string form must not leak the token into the access log.
      await fetch(`${b.url}/room/${roomId}?jwt=${encodeURIComponent(join.body.jitsi_token)}&server=x`);
    }
    for (const jwt of tokens) {
      await fetch(`${b.url}/room/${roomId}/leave`, { method: 'POST', body: JSON.stringify({ jwt }) });
    }
    await fetch(`${b.url}/room/${roomId}/leave`, { method: 'POST', body: `{"jwt":"${tokens[0]}x"}` });
    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('');
    for (const secret of [...tokens, alice!.token, bob!.token, TEST_JITSI_ENV.JITSI_APP_SECRET]) {
      expect(log).not.toContain(secret);
      // Nor its signature alone.
      expect(log).not.toContain(secret.split('.').pop());
    }
  });
});
