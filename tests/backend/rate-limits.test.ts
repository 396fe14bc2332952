import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';

/** Small budgets, so each limit is reached in a few requests; each test shows one of them biting. */
const BUDGETS = {
  AUTH_RATE_LIMIT_PER_MINUTE: '3',
  MESSAGES_PER_MINUTE: '3',
  CONVERSATIONS_PER_MINUTE: '2',
  ROOMS_PER_MINUTE: '2',
  CALL_INVITATIONS_PER_MINUTE: '2',
};

describe('abuse limits', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let conv: string;

  beforeAll(async () => {
    b = await startBackend({ ...TEST_JITSI_ENV, ...BUDGETS });
    alice = await b.register('alice');
    bob = await b.register('bob');
    conv = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id }))
      .body.id;
  });
  afterAll(async () => b?.close());

  /** A request whose answer keeps its headers (for Retry-After). */
  async function send(token: string | null, path: string, body: unknown = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(b.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: await res.json().catch(() => null),
    };
  }
  function expectLimited(res: Awaited<ReturnType<typeof send>>) {
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(Number(res.retryAfter)).toBeGreaterThan(0);
  }

  it('limits registrations per client address', async () => {
    const register = (name: string) =>
      send(null, '/api/v1/auth/register', { username: name, password: 'long enough', display_name: name });
    // alice and bob used two of the three.
    expect((await register('carol')).status).toBe(201);
    expectLimited(await register('mallory'));
    expect(
      (await b.api(null, 'POST', '/api/v1/auth/login', { username: 'mallory', password: 'long enough' }))
        .status,
    ).toBe(401);
  });

  it('limits messages per user, and keeps nothing of the refused one', async () => {
    const path = `/api/v1/conversations/${conv}/messages`;
    for (let i = 1; i <= 3; i++) expect((await send(alice.token, path, { body: `m${i}` })).status).toBe(201);
    expectLimited(await send(alice.token, path, { body: 'flood' }));
    // Per user: Bob in the same conversation still talks.
    expect((await send(bob.token, path, { body: 'still here' })).status).toBe(201);
    const stored = await b.call(alice.token, 'GET /conversations/:id/messages', {
      params: { id: conv },
      query: { limit: 50 },
    });
    expect(stored.body.map((m: { body: string }) => m.body)).toEqual(['m1', 'm2', 'm3', 'still here']);
  });

  it('limits opening conversations per user', async () => {
    const carol = (
      await b.api(null, 'POST', '/api/v1/auth/login', { username: 'carol', password: 'long enough' })
    ).body;
    const open = (token: string, body: unknown) => send(token, '/api/v1/conversations', body);
    expect((await open(bob.token, { type: 'direct', user_id: carol.user.id })).status).toBe(201);
    expect((await open(bob.token, { type: 'group', title: 'G1', member_ids: [alice.id] })).status).toBe(201);
    expectLimited(await open(bob.token, { type: 'group', title: 'G2', member_ids: [alice.id] }));
    const titles = (await b.call(bob.token, 'GET /conversations')).body.map((c) => c.title);
    expect(titles).not.toContain('G2');
  });

  it('limits creating and joining rooms per user', async () => {
    for (const id of ['room-one-1', 'room-two-2'])
      expect(
        (await send(alice.token, '/api/v1/rooms/create', { conversation_id: conv, room_id: id })).status,
      ).toBe(201);
    expectLimited(
      await send(alice.token, '/api/v1/rooms/create', { conversation_id: conv, room_id: 'room-three' }),
    );
    for (let i = 0; i < 2; i++)
      expect((await send(alice.token, '/api/v1/rooms/room-one-1/join')).status).toBe(200);
    expectLimited(await send(alice.token, '/api/v1/rooms/room-one-1/join'));
  });

  it('limits call invitations per caller (each one rings someone)', async () => {
    const socket = await b.connect(bob.token);
    const invite = () => emitAck(socket, 'call_invitation', { room_id: 'room-two-2' });
    const first = await invite();
    if (!first.ok) throw new Error(`first invitation refused: ${first.error.code}`);
    await emitAck(socket, 'call_cancel', { call_id: first.call_id });
    const second = await invite();
    expect(second).not.toMatchObject({ error: { code: 'rate_limited' } });
    const third = await invite();
    expect(third).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) },
    });
    socket.disconnect();
  });

  it('limits the public room leave endpoint per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await send(null, '/room/room-one-1/leave', { jwt: 'not-a-token' })).status);
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expectLimited(await send(null, '/room/room-one-1/leave', { jwt: 'not-a-token' }));
  });
});
