import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

interface Message {
  id: string;
  conversation_id: string;
  sender_id: string;
  kind: string;
  body: string;
  client_id?: string;
  created_at: string;
}

describe('messages', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;
  let other: string;
  beforeAll(async () => {
    b = await startBackend();
    alice = await b.register('alice');
    bob = await b.register('bob');
    carol = await b.register('carol');
    direct = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id }))
      .body.id;
    other = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: carol.id }))
      .body.id;
  });
  afterAll(async () => b.close());

  const send = (token: string, conversation: string, body: unknown) =>
    b.api(token, 'POST', `/api/v1/conversations/${conversation}/messages`, body);
  const page = async (token: string, conversation: string, query = '') => {
    const res = await b.api(token, 'GET', `/api/v1/conversations/${conversation}/messages${query}`);
    expect(res.status).toBe(200);
    return res.body as Message[];
  };
  const summary = async (token: string, conversation: string) => {
    const found = (await b.call(token, 'GET /conversations')).body.find((c) => c.id === conversation);
    if (!found) throw new Error(`conversation ${conversation} is not listed`);
    return found;
  };

  it('stores a text message and answers 201 with it', async () => {
    const res = await send(alice.token, direct, { body: '你好, Bob' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      conversation_id: direct,
      sender_id: alice.id,
      kind: 'text',
      body: '你好, Bob',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await page(bob.token, direct)).at(-1)).toEqual(res.body);
  });

  it('refuses outsiders with 403 not_a_member and unknown conversations with 404', async () => {
    for (const res of [
      await send(carol.token, direct, { body: 'let me in' }),
      await b.call(carol.token, 'GET /conversations/:id/messages', {
        params: { id: direct },
        query: { limit: 50 },
      }),
      await b.api(carol.token, 'POST', `/api/v1/conversations/${direct}/read`, {}),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('not_a_member');
    }
    const unknown = 'ffffffffffffffffffffffff';
    for (const res of [
      await send(alice.token, unknown, { body: 'hello?' }),
      await b.call(alice.token, 'GET /conversations/:id/messages', {
        params: { id: unknown },
        query: { limit: 50 },
      }),
      await b.api(alice.token, 'POST', `/api/v1/conversations/${unknown}/read`, {}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('conversation_not_found');
    }
  });

  it.each([
    [{ body: '' }, 'invalid_request'],
    [{ body: '  \n ' }, 'empty_message'],
    [{ body: 'x'.repeat(10_001) }, 'invalid_request'],
    [{ body: 42 }, 'invalid_request'],
    [{ text: 'wrong field' }, 'invalid_request'],
    [{ body: 'hi', client_id: '' }, 'invalid_request'],
  ])('refuses %j with 400 %s', async (body, code) => {
    const res = await send(alice.token, direct, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('pages backwards with before= and limit=, each page oldest first, nothing lost or repeated', async () => {
    const pair = (
      await b.api(bob.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: 'p',
        member_ids: [carol.id],
      })
    ).body.id as string;
    const sent: string[] = [];
    for (let i = 1; i <= 25; i++)
      sent.push((await send(i % 2 ? bob.token : carol.token, pair, { body: `m${i}` })).body.id);

    const newest = await page(bob.token, pair, '?limit=10');
    expect(newest.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 16}`));
    const seen: Message[] = [...newest];
    let cursor = newest[0]?.id;
    for (;;) {
      const older = await page(bob.token, pair, `?limit=10&before=${cursor}`);
      if (older.length === 0) break;
      expect(older.length).toBeLessThanOrEqual(10);
      seen.unshift(...older);
      cursor = older[0]?.id;
    }
    expect(seen.map((m) => m.id)).toEqual(sent);
    expect((await page(carol.token, pair)).map((m) => m.id)).toEqual(sent);
    // The default page is the newest 50; limits outside 1..200 are refused.
    expect(await page(carol.token, pair, '?limit=3')).toEqual(seen.slice(-3));
    for (const limit of ['0', '201', 'ten']) {
      const res = await b.api(bob.token, 'GET', `/api/v1/conversations/${pair}/messages?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it('stores a message once per client_id: a retry answers the same message', async () => {
    const first = await send(alice.token, direct, { body: 'only once', client_id: 'c-1' });
    const retry = await send(alice.token, direct, { body: 'only once', client_id: 'c-1' });
    expect(first.status).toBe(201);
    expect(retry).toEqual({ status: 201, body: first.body });
    expect(first.body.client_id).toBe('c-1');
    const raced = await Promise.all(
      Array.from({ length: 8 }, () => send(alice.token, direct, { body: 'raced', client_id: 'c-2' })),
    );
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    const stored = await page(bob.token, direct, '?limit=200');
    expect(stored.filter((m) => m.client_id === 'c-1')).toHaveLength(1);
    expect(stored.filter((m) => m.client_id === 'c-2')).toHaveLength(1);
  });

  it('keeps client_ids apart per sender and per conversation', async () => {
    const mine = await send(alice.token, direct, { body: 'a', client_id: 'shared' });
    const bobs = await send(bob.token, direct, { body: 'b', client_id: 'shared' });
    const elsewhere = await send(alice.token, other, { body: 'c', client_id: 'shared' });
    expect(new Set([mine.body.id, bobs.body.id, elsewhere.body.id]).size).toBe(3);
  });

  it('counts unread messages of others and moves the read marker forward only', async () => {
    const dave = await b.register('dave');
    const erin = await b.register('erin');
    const conv = (
      await b.api(dave.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: erin.id })
    ).body.id;
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three'])
      ids.push((await send(dave.token, conv, { body: text })).body.id);

    expect(await summary(erin.token, conv)).toMatchObject({
      unread_count: 3,
      last_message: { body: 'three' },
    });
    // The sender's own messages are never unread for them.
    expect((await summary(dave.token, conv)).unread_count).toBe(0);

    const read = async (body?: unknown) =>
      b.api(erin.token, 'POST', `/api/v1/conversations/${conv}/read`, body);
    expect(await read({ message_id: ids[1] })).toEqual({
      status: 200,
      body: { conversation_id: conv, last_read_message_id: ids[1], unread_count: 1 },
    });
    expect((await summary(erin.token, conv)).unread_count).toBe(1);
    // An older message does not move the marker back.
    expect((await read({ message_id: ids[0] })).body).toMatchObject({
      last_read_message_id: ids[1],
      unread_count: 1,
    });
    // No body at all, or {}, reads up to the newest message.
    expect((await read()).body).toMatchObject({ last_read_message_id: ids[2], unread_count: 0 });
    expect((await summary(erin.token, conv)).unread_count).toBe(0);

    await send(dave.token, conv, { body: 'four' });
    expect((await summary(erin.token, conv)).unread_count).toBe(1);
    expect((await read({})).body.unread_count).toBe(0);
    // Replying counts as having read everything before.
    await send(dave.token, conv, { body: 'five' });
    await send(erin.token, conv, { body: 'reply' });
    expect((await summary(erin.token, conv)).unread_count).toBe(0);
  });

  it('refuses a read marker on a message of another conversation with 404 message_not_found', async () => {
    const elsewhere = (await send(alice.token, other, { body: 'for carol' })).body.id;
    const res = await b.api(bob.token, 'POST', `/api/v1/conversations/${direct}/read`, {
      message_id: elsewhere,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('message_not_found');
  });
});
