import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSigner } from 'fast-jwt';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../backend/app.js';
import { loadConfig } from '../../backend/config.js';
import type { ErrorBody } from '../../contract/common.js';
import { startBackend, type TestBackend } from '../helpers/backend.js';

const SECRET = 'test-session-secret-that-is-long-enough';
const signer = (opts: Record<string, unknown> = {}) =>
  createSigner({ key: SECRET, algorithm: 'HS256', iss: 'peace-messenger', ...opts });

describe('auth through app.inject', () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peace-auth-'));
    app = await buildApp(
      loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'peace.db')}`,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        SESSION_SECRET: SECRET,
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as object });
  const me = (authorization?: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} });

  it('registers, signs in and answers /me', async () => {
    const reg = await post('/api/v1/auth/register', {
      username: 'Alice.W',
      password: 'correct horse',
      display_name: '爱丽丝',
    });
    expect(reg.statusCode).toBe(201);
    const { access_token, user } = reg.json();
    expect(user).toEqual({ id: expect.any(String), username: 'alice.w', display_name: '爱丽丝' });
    expect(Object.keys(reg.json()).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'user']);

    const login = await post('/api/v1/auth/login', { username: 'ALICE.w', password: 'correct horse' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toEqual(user);

    for (const token of [access_token, login.json().access_token]) {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(user);
    }
  });

  it('stores a salted scrypt hash, never the password', async () => {
    await post('/api/v1/auth/register', { username: 'twin1', password: 'same password', display_name: 'T1' });
    await post('/api/v1/auth/register', { username: 'twin2', password: 'same password', display_name: 'T2' });
    const rows = await app.db.selectFrom('users').select(['username', 'password_hash']).execute();
    const twins = rows.filter((r) => r.username.startsWith('twin'));
    expect(twins).toHaveLength(2);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain('same password');
    }
    expect(twins[0]?.password_hash).not.toBe(twins[1]?.password_hash);
  });

  it('refuses a taken username (in any letter case) with 409 username_taken', async () => {
    await post('/api/v1/auth/register', { username: 'bob', password: 'password-1', display_name: 'Bob' });
    const again = await post('/api/v1/auth/register', {
      username: 'BOB',
      password: 'password-2',
      display_name: 'B',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('username_taken');
  });

  it('answers a wrong password and an unknown user alike: 401 unauthorized', async () => {
    const wrong = await post('/api/v1/auth/login', { username: 'bob', password: 'not-the-password' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody', password: 'password-1' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'unauthorized', message: 'Wrong username or password' });
    }
  });

  it.each([
    [{ username: 'al', password: 'long enough', display_name: 'x' }, 'body/username'],
    [{ username: 'al ice', password: 'long enough', display_name: 'x' }, 'body/username'],
    [{ username: 'alice2', password: 'short', display_name: 'x' }, 'body/password'],
    [{ username: 'alice2', password: 'long enough' }, 'body/display_name'],
    [{ username: 'alice2', password: 12345678, display_name: 'x' }, 'body/password'],
  ])('refuses register %j with 400 invalid_request naming %s', async (body, field) => {
    const res = await post('/api/v1/auth/register', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.message).toContain(field);
  });

  it('refuses /me without a valid token: 401 unauthorized', async () => {
    const user = (await app.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const expired = signer({ expiresIn: 1000, clockTimestamp: Date.now() - 3_600_000 })({ sub: user });
    const foreign = createSigner({ key: 'x'.repeat(40), iss: 'peace-messenger' })({ sub: user });
    const ghost = signer({ expiresIn: 60_000 })({ sub: 'no-such-user' });
    const wrongIssuer = createSigner({ key: SECRET, iss: 'someone-else' })({ sub: user });
    for (const header of [
      undefined,
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer not-a-jwt',
      `Bearer ${expired}`,
      `Bearer ${foreign}`,
      `Bearer ${ghost}`,
      `Bearer ${wrongIssuer}`,
    ]) {
      const res = await me(header);
      expect(res.statusCode, String(header)).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });

  it('checks the token before the request: 401 even for a malformed body', async () => {
    const res = await post('/api/v1/conversations', { nonsense: true });
    expect(res.statusCode).toBe(401);
  });
});

/** Collects every log line the backend writes. */
function logSink(): { stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('auth through the listening server', () => {
  let b: TestBackend;
  const logs = logSink();
  beforeAll(async () => {
    b = await startBackend({}, undefined, { logger: { ...loggerOptions('trace'), stream: logs.stream } });
  });
  afterAll(async () => b.close());

  it('registers, signs in and answers /me over HTTP, with security headers', async () => {
    const reg = await b.api(null, 'POST', '/api/v1/auth/register', {
      username: 'carol',
      password: 'carol-password',
      display_name: 'Carol',
    });
    expect(reg.status).toBe(201);
    const login = await b.api(null, 'POST', '/api/v1/auth/login', {
      username: 'carol',
      password: 'carol-password',
    });
    expect(login.status).toBe(200);
    const me = await b.api(login.body.access_token, 'GET', '/api/v1/me');
    expect(me).toEqual({ status: 200, body: reg.body.user });

    const res = await fetch(`${b.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${login.body.access_token}` },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('publishes an OpenAPI document of every chat route', async () => {
    const res = await b.api(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/conversations',
        '/api/v1/conversations/{id}/messages',
        '/api/v1/conversations/{id}/read',
      ]),
    );
  });

  it('never writes a password or a token to the logs', async () => {
    const password = 'Sup3r-Secret-Passw0rd';
    const reg = await b.api(null, 'POST', '/api/v1/auth/register', {
      username: 'dave',
      password,
      display_name: 'Dave',
    });
    const login = await b.api(null, 'POST', '/api/v1/auth/login', { username: 'dave', password });
    const token: string = login.body.access_token;
    await b.api(null, 'POST', '/api/v1/auth/login', { username: 'dave', password: `${password}-wrong` });
    await b.api(null, 'POST', '/api/v1/auth/register', { username: 'd', password, display_name: 'D' });
    await b.api(token, 'GET', '/api/v1/me');
    await fetch(`${b.url}/api/v1/me?access_token=${token}&token=${token}`);
    const socket = await b.connect(token);
    socket.disconnect();

    const text = logs.text();
    expect(text).toContain('incoming request');
    expect(text).toContain('/api/v1/auth/login');
    for (const secret of [password, token, reg.body.access_token as string]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('rate limits on the auth routes', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => b.close());

  it('answers 429 rate_limited once an address exceeds its attempts, and only on auth routes', async () => {
    const erin = await b.register('erin');
    const statuses: number[] = [];
    let last: { status: number; body: ErrorBody } | undefined;
    for (let i = 0; i < 4; i++) {
      last = await b.api(null, 'POST', '/api/v1/auth/login', {
        username: 'erin',
        password: 'guess-number-i',
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last?.body.error.code).toBe('rate_limited');
    expect(last?.body.error.message).toMatch(/retry/i);
    // The correct password does not get through either while the address is limited.
    const right = await b.api(null, 'POST', '/api/v1/auth/login', {
      username: 'erin',
      password: 'pw-erin-secret',
    });
    expect(right.status).toBe(429);
    // Signed-in routes are not limited by it.
    expect((await b.api(erin.token, 'GET', '/api/v1/me')).status).toBe(200);
  });
});
