import { createVerifier } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

const SECRET = 'jwt-test-secret-abcdefghijklmnop';
const TTL = 900;

function decodePart(part: string): any {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('the Jitsi JWT', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({
      JITSI_SERVER_URL: 'http://127.0.0.1:9',
      JITSI_APP_ID: 'peace-app-id',
      JITSI_APP_SECRET: SECRET,
      JITSI_AUDIENCE: 'jitsi-aud',
      JITSI_SUBJECT: 'meet.example.test',
      JITSI_TOKEN_TTL_SECONDS: String(TTL),
    });
  });
  afterAll(async () => b.close());

  it('carries exactly the claims prosody checks, and moderator only for the room creator', async () => {
    const alice = await b.register('alice', 'Alice A.');
    const bob = await b.register('bob', 'Bob 鲍勃');
    const conv = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const room = await b.api(alice.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conv.body.id,
      room_id: 'claims-check-room',
    });
    const before = Math.floor(Date.now() / 1000);
    const aliceJoin = await b.api(alice.token, 'POST', `/api/v1/rooms/${room.body.room_id}/join`);
    const bobJoin = await b.api(bob.token, 'POST', `/api/v1/rooms/${room.body.room_id}/join`);
    const after = Math.floor(Date.now() / 1000);

    const [headerPart, payloadPart, signature] = aliceJoin.body.jitsi_token.split('.');
    expect(decodePart(headerPart)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(signature.length).toBeGreaterThan(20);

    const claims = decodePart(payloadPart);
    expect(claims.iss).toBe('peace-app-id');
    expect(claims.aud).toBe('jitsi-aud');
    expect(claims.sub).toBe('meet.example.test');
    expect(claims.room).toBe('claims-check-room');
    expect(claims.nbf).toBeGreaterThanOrEqual(before - 10);
    expect(claims.nbf).toBeLessThanOrEqual(after - 10);
    expect(claims.exp - claims.nbf).toBe(TTL + 10);
    expect(claims.context.user).toEqual({ id: alice.id, name: 'Alice A.', moderator: true });
    expect(typeof claims.context.user.id).toBe('string');

    const bobClaims = decodePart(bobJoin.body.jitsi_token.split('.')[1]);
    expect(bobClaims.context.user).toEqual({ id: bob.id, name: 'Bob 鲍勃', moderator: false });
    expect(bobClaims.room).toBe('claims-check-room');

    // The signature holds with JITSI_APP_SECRET, and only with it.
    const verify = createVerifier({
      key: SECRET,
      algorithms: ['HS256'],
      allowedAud: 'jitsi-aud',
      allowedIss: 'peace-app-id',
    });
    expect(verify(aliceJoin.body.jitsi_token)).toMatchObject({ room: 'claims-check-room' });
    const wrongKey = createVerifier({ key: 'some-other-secret-0123456789', algorithms: ['HS256'] });
    expect(() => wrongKey(aliceJoin.body.jitsi_token)).toThrow();
  });
});
