import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

describe('users', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    b = await startBackend();
    alice = await b.register('alice', 'Alice Wang');
    bob = await b.register('bob_smith', '鲍勃');
    await b.register('bobby', 'Robert');
    await b.register('carol', 'Carol 100%');
    await b.register('dave', 'Dave');
  });
  afterAll(async () => b.close());

  const search = async (token: string, q: string) => {
    const res = await b.api(token, 'GET', `/api/v1/users?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body as TestUser[]).map((u) => u.username);
  };

  it('GET /me answers the signed-in user', async () => {
    const res = await b.api(bob.token, 'GET', '/api/v1/me');
    expect(res).toEqual({ status: 200, body: { id: bob.id, username: 'bob_smith', display_name: '鲍勃' } });
  });

  it('finds users by a part of their username or display name, in any letter case', async () => {
    expect(await search(alice.token, 'BOB')).toEqual(['bob_smith', 'bobby']);
    expect(await search(alice.token, 'robert')).toEqual(['bobby']);
    expect(await search(alice.token, '鲍')).toEqual(['bob_smith']);
  });

  it('leaves the searcher out and lists everyone else for an empty query', async () => {
    expect(await search(alice.token, 'alice')).toEqual([]);
    expect(await search(alice.token, '')).toEqual(['bob_smith', 'bobby', 'carol', 'dave']);
    expect(await search(alice.token, '   ')).toEqual(['bob_smith', 'bobby', 'carol', 'dave']);
  });

  it('takes % and _ literally, not as wildcards', async () => {
    expect(await search(alice.token, 'b_s')).toEqual(['bob_smith']);
    expect(await search(alice.token, '_')).toEqual(['bob_smith']);
    expect(await search(alice.token, '%')).toEqual(['carol']);
  });

  it('answers only public fields and whether the user is online right now', async () => {
    const res = await b.api(alice.token, 'GET', '/api/v1/users?q=dave');
    expect(res.body).toEqual([
      { id: expect.any(String), username: 'dave', display_name: 'Dave', online: false },
    ]);
  });

  it('shows real presence in search results: online while a device is connected, offline after', async () => {
    const online = async () =>
      (await b.api(alice.token, 'GET', '/api/v1/users?q=bobby')).body.map(
        (u: { online: boolean }) => u.online,
      );
    const bobby = await b.api(null, 'POST', '/api/v1/auth/login', {
      username: 'bobby',
      password: 'pw-bobby-secret',
    });
    const socket = await b.connect(bobby.body.access_token);
    expect(await online()).toEqual([true]);
    socket.disconnect();
    await expect.poll(online).toEqual([false]);
  });

  it('GET /users/{id} answers a user, 404 user_not_found for an unknown id', async () => {
    expect(await b.api(alice.token, 'GET', `/api/v1/users/${bob.id}`)).toEqual({
      status: 200,
      body: { id: bob.id, username: 'bob_smith', display_name: '鲍勃' },
    });
    const unknown = await b.api(alice.token, 'GET', '/api/v1/users/0000000000000000deadbeef');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('user_not_found');
  });

  it('refuses a query that is too long with 400 invalid_request', async () => {
    const res = await b.api(alice.token, 'GET', `/api/v1/users?q=${'x'.repeat(65)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain('querystring/q');
  });

  it('needs a signed-in user', async () => {
    for (const path of ['/api/v1/me', '/api/v1/users?q=a', `/api/v1/users/${bob.id}`]) {
      const res = await b.api(null, 'GET', path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });
});
