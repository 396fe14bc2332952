import { createSigner } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import {
  createJitsiTokenSigner,
  createJitsiTokenVerifier,
  type JitsiTokenSettings,
} from '../../backend/jitsi/token.js';

const settings: JitsiTokenSettings = {
  appId: 'peace-app',
  appSecret: 'jitsi-unit-secret-0123456789abcdef',
  audience: 'jitsi',
  subject: 'meet.example.org',
  ttlSeconds: 600,
};
const NOW_MS = 1_900_000_000_000;
const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString());

describe('Jitsi tokens, without a server', () => {
  const sign = createJitsiTokenSigner(settings, () => NOW_MS);
  const verify = createJitsiTokenVerifier(settings);

  it('carries exactly the header and claims prosody checks', () => {
    const token = sign('room-abcdefgh', { id: 'u1', name: 'Alice', moderator: true });
    const [header, payload] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const now = NOW_MS / 1000;
    expect(decode(payload)).toEqual({
      iss: 'peace-app',
      aud: 'jitsi',
      sub: 'meet.example.org',
      room: 'room-abcdefgh',
      iat: now,
      nbf: now - 10,
      exp: now + 600,
      context: { user: { id: 'u1', name: 'Alice', moderator: true } },
    });
  });

  it('adds avatar and email only when given, and never a moderator flag that was not set', () => {
    const claims = decode(
      sign('r', { id: 'u2', name: 'Bob', moderator: false, avatar: 'https://a/b.png', email: 'b@x' }).split(
        '.',
      )[1],
    );
    expect(claims.context.user).toEqual({
      id: 'u2',
      name: 'Bob',
      moderator: false,
      avatar: 'https://a/b.png',
      email: 'b@x',
    });
  });

  it('verifies its own fresh tokens and returns the room and user', () => {
    const fresh = createJitsiTokenSigner(settings)('room-1', { id: 'u1', name: 'A', moderator: false });
    expect(verify(fresh)).toEqual({ room: 'room-1', context: { user: { id: 'u1' } } });
  });

  it('refuses expired tokens, other keys, audiences and issuers, alg none, and tokens without room or user', () => {
    const expired = createJitsiTokenSigner(settings, () => Date.now() - 3_600_000)('room-1', {
      id: 'u1',
      name: 'A',
      moderator: false,
    });
    const claims = { room: 'room-1', context: { user: { id: 'u1' } } };
    const base = { key: settings.appSecret, expiresIn: 60_000 };
    const forged = {
      expired,
      'other key': createSigner({ ...base, key: `${settings.appSecret}x`, aud: 'jitsi', iss: 'peace-app' })(
        claims,
      ),
      'other audience': createSigner({ ...base, aud: 'other', iss: 'peace-app' })(claims),
      'other issuer': createSigner({ ...base, aud: 'jitsi', iss: 'other' })(claims),
      'alg none': createSigner({ algorithm: 'none', aud: 'jitsi', iss: 'peace-app', expiresIn: 60_000 })(
        claims,
      ),
      'no room': createSigner({ ...base, aud: 'jitsi', iss: 'peace-app' })({ context: claims.context }),
      'no user id': createSigner({ ...base, aud: 'jitsi', iss: 'peace-app' })({
        room: 'room-1',
        context: {},
      }),
      'user id not a string': createSigner({ ...base, aud: 'jitsi', iss: 'peace-app' })({
        room: 'room-1',
        context: { user: { id: 7 } },
      }),
      'room not a string': createSigner({ ...base, aud: 'jitsi', iss: 'peace-app' })({ ...claims, room: 1 }),
      'no exp': createSigner({ key: settings.appSecret, aud: 'jitsi', iss: 'peace-app' })(claims),
      garbage: 'a.b.c',
    };
    for (const [name, token] of Object.entries(forged)) expect(verify(token), name).toBeNull();
  });
});
