import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  emitAck,
  emitRaw,
  nextEvent,
  startBackend,
  type TestBackend,
  type TestUser,
} from '../helpers/backend.js';

describe('typing indicator relay', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let dave: TestUser;
  let group: string;
  beforeAll(async () => {
    b = await startBackend();
    alice = await b.register('alice');
    bob = await b.register('bob');
    carol = await b.register('carol');
    dave = await b.register('dave');
    group = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: 'typing',
        member_ids: [bob.id, carol.id],
      })
    ).body.id;
  });
  afterAll(async () => b.close());

  it("reaches the other members' sockets only, and stores nothing", async () => {
    const typist = await b.connect(alice.token);
    const typistsOtherDevice = await b.connect(alice.token);
    const bobs = await b.connect(bob.token);
    const carols = await b.connect(carol.token);
    const daves = await b.connect(dave.token);
    const echoes = [...collect(typist, 'typing'), ...collect(typistsOtherDevice, 'typing')];
    const outsider = collect(daves, 'typing');
    const expected = { conversation_id: group, user_id: alice.id };
    const heard = [nextEvent(bobs, 'typing'), nextEvent(carols, 'typing')];
    expect(await emitAck(typist, 'typing', { conversation_id: group })).toEqual({ ok: true });
    expect(await Promise.all(heard)).toEqual([expected, expected]);
    // A message sent afterwards reaches everyone; by then a stray typing event would have too.
    const markers = [typist, typistsOtherDevice].map((s) => nextEvent(s, 'message_new'));
    await b.api(bob.token, 'POST', `/api/v1/conversations/${group}/messages`, { body: 'marker' });
    await Promise.all(markers);
    expect(echoes).toEqual([]);
    expect(outsider).toEqual([]);
    const messages = await b.api(bob.token, 'GET', `/api/v1/conversations/${group}/messages`);
    expect(messages.body.map((m: { body: string }) => m.body)).toEqual(['marker']);
  });

  it('refuses non-members, unknown conversations and bad payloads in the ack', async () => {
    const daves = await b.connect(dave.token);
    const bobs = await b.connect(bob.token);
    const heard = collect(bobs, 'typing');
    expect(await emitAck(daves, 'typing', { conversation_id: group })).toMatchObject({
      ok: false,
      error: { code: 'not_a_member' },
    });
    expect(await emitAck(daves, 'typing', { conversation_id: 'ffffffffffffffffffffffff' })).toMatchObject({
      ok: false,
      error: { code: 'conversation_not_found' },
    });
    for (const bad of [{}, { conversation_id: 42 }, { conversation_id: group, extra: 1 }, null]) {
      expect(await emitRaw(daves, 'typing', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(heard).toEqual([]);
  });

  it('is refused in a direct conversation with a block, like a message', async () => {
    const direct = (
      await b.api(dave.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: alice.id })
    ).body.id;
    await b.api(alice.token, 'PUT', `/api/v1/blocks/${dave.id}`);
    const daves = await b.connect(dave.token);
    expect(await emitAck(daves, 'typing', { conversation_id: direct })).toMatchObject({
      ok: false,
      error: { code: 'blocked' },
    });
  });

  it('is rate-limited per user', async () => {
    const carols = await b.connect(carol.token);
    const acks = [];
    for (let i = 0; i < 61; i++) acks.push(await emitAck(carols, 'typing', { conversation_id: group }));
    expect(acks.slice(0, 60).every((a) => a.ok)).toBe(true);
    expect(acks[60]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
