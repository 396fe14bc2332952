import { beforeAll, describe, expect, it } from 'vitest';
import { emitAck, nextEvent, type TestBackend, type TestUser } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';

describe.each(ENGINES)('blocking a user, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, { ...TEST_JITSI_ENV });
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;

  beforeAll(async () => {
    if (skip) return;
    b = server.backend;
    alice = await b.register('alice');
    bob = await b.register('bob');
    carol = await b.register('carol');
    direct = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id }))
      .body.id;
  });
  const say = (who: TestUser, text: string) =>
    b.api(who.token, 'POST', `/api/v1/conversations/${direct}/messages`, { body: text });

  it.skipIf(skip)('a block hides presence both ways, at once and on the next connection', async () => {
    const aliceSocket = await b.connect(alice.token);
    const bobSocket = await b.connect(bob.token);
    const gone = nextEvent(aliceSocket, 'presence', (p) => p.user_id === bob.id && p.online === false);
    expect((await b.api(bob.token, 'PUT', `/api/v1/blocks/${alice.id}`)).status).toBe(204);
    await gone;
    const second = b.socket(bob.token);
    const snapshot = nextEvent(second, 'presence_snapshot');
    second.connect();
    // Alice is online, but Bob no longer sees her.
    expect((await snapshot).online).toEqual([]);
    for (const s of [aliceSocket, bobSocket, second]) s.disconnect();
  });

  it.skipIf(skip)('lists whom the user blocked', async () => {
    const list = await b.api(bob.token, 'GET', '/api/v1/blocks');
    expect(list.body).toEqual([{ id: alice.id, username: 'alice', display_name: 'alice' }]);
    expect((await b.api(alice.token, 'GET', '/api/v1/blocks')).body).toEqual([]);
  });

  it.skipIf(skip)('no messages in the direct chat, from either side, and nothing stored', async () => {
    for (const who of [alice, bob]) {
      const res = await say(who, 'hello?');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('blocked');
    }
    expect(
      (
        await b.call(bob.token, 'GET /conversations/:id/messages', {
          params: { id: direct },
          query: { limit: 50 },
        })
      ).body,
    ).toEqual([]);
  });

  it.skipIf(skip)('no new chats or groups across the block', async () => {
    const reopen = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    expect(reopen.status).toBe(403);
    expect(reopen.body.error.code).toBe('blocked');
    const group = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Sneaky',
      member_ids: [bob.id, carol.id],
    });
    expect(group.status).toBe(403);
    // Others are not affected: Carol may still put both in a group.
    const carolsGroup = await b.api(carol.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Book club',
      member_ids: [alice.id, bob.id],
    });
    expect(carolsGroup.status).toBe(201);
  });

  it.skipIf(skip)('no calls across the block', async () => {
    const room = await b.api(alice.token, 'POST', '/api/v1/rooms/create', { conversation_id: direct });
    const socket = await b.connect(alice.token);
    const ack = await emitAck(socket, 'call_invitation', { room_id: room.body.room_id });
    expect(ack).toEqual({ ok: false, error: { code: 'blocked', message: 'You cannot contact this user' } });
    socket.disconnect();
  });

  it.skipIf(skip)('unblocking restores the chat', async () => {
    expect((await b.api(bob.token, 'DELETE', `/api/v1/blocks/${alice.id}`)).status).toBe(204);
    expect((await say(alice, 'friends again')).status).toBe(201);
  });

  it.skipIf(skip)('refuses blocking oneself or a user who does not exist', async () => {
    expect((await b.api(bob.token, 'PUT', `/api/v1/blocks/${bob.id}`)).body.error.code).toBe('self_block');
    expect((await b.api(bob.token, 'PUT', '/api/v1/blocks/nobody')).status).toBe(404);
  });
});
