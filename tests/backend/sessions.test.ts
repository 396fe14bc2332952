import { createSigner } from 'fast-jwt';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

const SECRET = 'sessions-test-secret-long-enough-0123';

/** Resolves with the reason once the server drops `socket` (rejects if it never does). */
function dropped(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not disconnected')), 5000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('revocable sessions', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({ SESSION_SECRET: SECRET });
  });
  afterAll(async () => b?.close());

  const login = async (username: string, password = `pw-${username}-secret`) => {
    const res = await b.api(null, 'POST', '/api/v1/auth/login', { username, password });
    return res.body.access_token as string;
  };
  const meStatus = async (token: string) => (await b.api(token, 'GET', '/api/v1/me')).status;

  it('sign-out revokes that token at once, drops its sockets, and leaves other devices signed in', async () => {
    const alice: TestUser = await b.register('alice');
    const laptop = await login('alice');
    const phoneSocket = await b.connect(alice.token);
    const laptopSocket = await b.connect(laptop);
    const laptopGone = dropped(laptopSocket);

    const out = await b.api(laptop, 'POST', '/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(await laptopGone).toBe('io server disconnect');
    expect(await meStatus(laptop)).toBe(401);
    expect((await b.api(laptop, 'GET', '/api/v1/me')).body.error.code).toBe('unauthorized');
    await expect(b.connect(laptop)).rejects.toThrow('unauthorized');
    // The other device is untouched.
    expect(await meStatus(alice.token)).toBe(200);
    expect(phoneSocket.connected).toBe(true);
  });

  it('"sign out everywhere" revokes every token of the user and drops all their sockets', async () => {
    const bob = await b.register('bob');
    const carol = await b.register('carol');
    const second = await login('bob');
    const sockets = [await b.connect(bob.token), await b.connect(second)];
    const gone = sockets.map(dropped);
    const carolSocket = await b.connect(carol.token);

    expect((await b.api(second, 'POST', '/api/v1/auth/logout-all')).status).toBe(204);
    await Promise.all(gone);
    expect(await meStatus(bob.token)).toBe(401);
    expect(await meStatus(second)).toBe(401);
    // Someone else's session is not affected.
    expect(await meStatus(carol.token)).toBe(200);
    expect(carolSocket.connected).toBe(true);
    // Signing in again works.
    expect(await meStatus(await login('bob'))).toBe(200);
  });

  it('a password change retires every other session but keeps the one that changed it', async () => {
    const dave = await b.register('dave');
    const stolen = await login('dave');
    const stolenSocket = await b.connect(stolen);
    const ownSocket = await b.connect(dave.token);
    const stolenGone = dropped(stolenSocket);

    const wrong = await b.api(dave.token, 'POST', '/api/v1/auth/password', {
      current_password: 'not-it',
      new_password: 'a-brand-new-password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect(await meStatus(stolen)).toBe(200);

    const changed = await b.api(dave.token, 'POST', '/api/v1/auth/password', {
      current_password: 'pw-dave-secret',
      new_password: 'a-brand-new-password',
    });
    expect(changed.status).toBe(204);
    await stolenGone;
    expect(await meStatus(stolen)).toBe(401);
    expect(await meStatus(dave.token)).toBe(200);
    expect(ownSocket.connected).toBe(true);
    expect(await login('dave')).toBeUndefined();
    expect(await meStatus(await login('dave', 'a-brand-new-password'))).toBe(200);
  });

  it('refuses correctly signed tokens that lack exp, iss, aud or a session, and foreign token types', async () => {
    const erin = await b.register('erin');
    const [, payload] = erin.token.split('.');
    const { sid } = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const base = { key: SECRET, algorithm: 'HS256' as const };
    const good = { iss: 'peace-messenger', aud: 'peace-messenger/api', expiresIn: 60_000 };
    // The control: a hand-signed token with every claim is accepted, so each refusal below is the claim's.
    const control = createSigner({ ...base, ...good })({ sub: erin.id, sid });
    expect(await meStatus(control)).toBe(200);

    const { expiresIn: _e, ...noExp } = good;
    const { iss: _i, ...noIss } = good;
    const { aud: _a, ...noAud } = good;
    const forged = {
      'no exp': createSigner({ ...base, ...noExp })({ sub: erin.id, sid }),
      'no iss': createSigner({ ...base, ...noIss })({ sub: erin.id, sid }),
      'no aud': createSigner({ ...base, ...noAud })({ sub: erin.id, sid }),
      'no sid': createSigner({ ...base, ...good })({ sub: erin.id }),
      'unknown sid': createSigner({ ...base, ...good })({ sub: erin.id, sid: 'not-a-session' }),
      "someone else's sid": createSigner({ ...base, ...good })({ sub: 'other-user', sid }),
      'Jitsi audience': createSigner({ ...base, ...good, aud: 'jitsi' })({ sub: erin.id, sid }),
      'alg none': createSigner({ algorithm: 'none', ...good })({ sub: erin.id, sid }),
    };
    for (const [name, token] of Object.entries(forged)) {
      expect(await meStatus(token), name).toBe(401);
      await expect(b.connect(token), name).rejects.toThrow('unauthorized');
    }
  });

  it('drops an open socket when its token expires', async () => {
    const frank = await b.register('frank');
    const [, payload] = frank.token.split('.');
    const { sid } = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    // Valid for one more second: the session row itself lives on, only the token runs out.
    const shortLived = createSigner({
      key: SECRET,
      algorithm: 'HS256',
      iss: 'peace-messenger',
      aud: 'peace-messenger/api',
      expiresIn: 1500,
    })({ sub: frank.id, sid });
    const socket = await b.connect(shortLived);
    expect(await dropped(socket)).toBe('io server disconnect');
    // Expired, not revoked: the client is told to refresh (tests/backend/refresh-tokens.test.ts).
    await expect(b.connect(shortLived)).rejects.toThrow('token_expired');
  });
});
