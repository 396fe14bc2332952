import { createSigner } from 'fast-jwt';
import type { Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';

const SECRET = 'refresh-test-secret-long-enough-012345';

/** Resolves once the server drops `socket`. */
function dropped(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not disconnected')), 5000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe.each(ENGINES)('short-lived access tokens with rotating refresh tokens, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, { SESSION_SECRET: SECRET, ACCESS_TOKEN_TTL_SECONDS: '120' });
  let b: TestBackend;
  beforeAll(() => {
    if (!skip) b = server.backend;
  });

  const refresh = (token: string) => b.api(null, 'POST', '/api/v1/auth/refresh', { refresh_token: token });
  const meStatus = async (token: string) => (await b.api(token, 'GET', '/api/v1/me')).status;
  const login = async (who: TestUser) =>
    (
      await b.api(null, 'POST', '/api/v1/auth/login', {
        username: who.username,
        password: `pw-${who.username}-secret`,
      })
    ).body as { access_token: string; refresh_token: string };
  const sidOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sid as string;

  it.skipIf(skip)(
    'sign-in hands out an access token of ACCESS_TOKEN_TTL_SECONDS and a refresh token',
    async () => {
      const res = await b.api(null, 'POST', '/api/v1/auth/register', {
        username: 'amy',
        password: 'pw-amy-secret',
        display_name: 'Amy',
      });
      expect(res.status).toBe(201);
      expect(res.body.expires_in).toBe(120);
      const { exp, iat } = JSON.parse(
        Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString(),
      );
      expect(exp - iat).toBe(120);
      expect(res.body.refresh_token).toMatch(/^[\w-]{43}$/);
    },
  );

  it.skipIf(skip)(
    'a refresh rotates: new tokens for the same session, the old refresh token spent',
    async () => {
      const ann = await b.register('ann');
      const first = await refresh(ann.refresh);
      expect(first.status).toBe(200);
      expect(first.body.refresh_token).not.toBe(ann.refresh);
      expect(sidOf(first.body.access_token)).toBe(sidOf(ann.token));
      expect(await meStatus(first.body.access_token)).toBe(200);
      const second = await refresh(first.body.refresh_token);
      expect(second.status).toBe(200);
      expect(await meStatus(second.body.access_token)).toBe(200);
    },
  );

  it.skipIf(skip)('keeps refresh tokens only as hashes', async () => {
    const abe = await b.register('abe');
    const rows = await b.app.db.selectFrom('refresh_tokens').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(abe.refresh);
  });

  it.skipIf(skip)('reusing a rotated refresh token ends the whole session: theft detection', async () => {
    const ava = await b.register('ava');
    const other = await login(ava);
    const rotated = await refresh(ava.refresh);
    const socket = await b.connect(rotated.body.access_token);
    const gone = dropped(socket);

    // The thief (or the user, whoever comes second) presents the spent token.
    const reuse = await refresh(ava.refresh);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('refresh_token_reused');
    expect(await gone).toBe('io server disconnect');
    expect(await meStatus(rotated.body.access_token)).toBe(401);
    expect((await refresh(rotated.body.refresh_token)).body.error.code).toBe('refresh_token_invalid');
    // Another device of the same user is a different session and stays signed in.
    expect(await meStatus(other.access_token)).toBe(200);
    expect((await refresh(other.refresh_token)).status).toBe(200);
  });

  it.skipIf(skip)(
    'two exchanges of one refresh token at once: one wins, the session still ends',
    async () => {
      const alf = await b.register('alf');
      const answers = await Promise.all([refresh(alf.refresh), refresh(alf.refresh)]);
      const statuses = answers.map((a) => a.status);
      // Whether the winner finished before the loser ended the session is a race; never two winners.
      expect(statuses).toContain(401);
      expect(statuses.every((s) => s === 200 || s === 401)).toBe(true);
      for (const won of answers.filter((a) => a.status === 200)) {
        expect(await meStatus(won.body.access_token)).toBe(401);
      }
      expect(await meStatus(alf.token)).toBe(401);
    },
  );

  it.skipIf(skip)(
    'sign-out, sign out everywhere and a password change revoke refresh tokens too',
    async () => {
      const bob = await b.register('bob');
      const laptop = await login(bob);
      expect((await b.api(laptop.access_token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
      expect((await refresh(laptop.refresh_token)).body.error.code).toBe('refresh_token_invalid');
      expect((await refresh(bob.refresh)).status).toBe(200);

      const cyd = await b.register('cyd');
      const phone = await login(cyd);
      expect((await b.api(cyd.token, 'POST', '/api/v1/auth/logout-all')).status).toBe(204);
      expect((await refresh(cyd.refresh)).status).toBe(401);
      expect((await refresh(phone.refresh_token)).status).toBe(401);

      const dia = await b.register('dia');
      const stolen = await login(dia);
      const changed = await b.api(dia.token, 'POST', '/api/v1/auth/password', {
        current_password: 'pw-dia-secret',
        new_password: 'a-brand-new-password',
      });
      expect(changed.status).toBe(204);
      expect((await refresh(stolen.refresh_token)).body.error.code).toBe('refresh_token_invalid');
      expect((await refresh(dia.refresh)).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    'an expired access token answers token_expired on HTTP and the socket; a refresh cures it',
    async () => {
      const eddy = await b.register('eddy');
      const expired = createSigner({
        key: SECRET,
        algorithm: 'HS256',
        iss: 'peace-messenger',
        aud: 'peace-messenger/api',
        expiresIn: 1,
      })({ sub: eddy.id, sid: sidOf(eddy.token) });
      await new Promise((r) => setTimeout(r, 1100));
      const res = await b.api(expired, 'GET', '/api/v1/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('token_expired');
      await expect(b.connect(expired)).rejects.toThrow('token_expired');
      // A forgeddy.token is not "expired": it is refused outright, so clients do not try to refresh it.
      const forged = `${expired.slice(0, -4)}AAAA`;
      expect((await b.api(forged, 'GET', '/api/v1/me')).body.error.code).toBe('unauthorized');
      const renewed = await refresh(eddy.refresh);
      expect(await meStatus(renewed.body.access_token)).toBe(200);
    },
  );

  it.skipIf(skip)('refuses unknown and malformed refresh tokens', async () => {
    expect((await refresh('not-a-token')).body.error.code).toBe('refresh_token_invalid');
    const empty = await refresh('');
    expect(empty.status).toBe(400);
  });
});

describe('the refresh rate limit', () => {
  it('answers 429 with Retry-After beyond REFRESH_RATE_LIMIT_PER_MINUTE per address', async () => {
    const b = await startBackend({ REFRESH_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${b.url}/api/v1/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refresh_token: 'unknown' }),
        });
        statuses.push(res.status);
        retryAfter = res.headers.get('retry-after');
      }
      expect(statuses).toEqual([401, 401, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await b.close();
    }
  });
});
