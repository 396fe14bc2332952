import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

describe('conversations', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    b = await startBackend();
    alice = await b.register('alice', 'Alice');
    bob = await b.register('bob', 'Bob');
    carol = await b.register('carol', 'Carol');
  });
  afterAll(async () => b.close());

  const publicUser = (u: TestUser) => ({ id: u.id, username: u.username, display_name: u.display_name });
  const create = (token: string, body: unknown) => b.api(token, 'POST', '/api/v1/conversations', body);

  it('opens one direct conversation per pair: 201 the first time, 200 and the same id after, from either side', async () => {
    const first = await create(alice.token, { type: 'direct', user_id: bob.id });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      type: 'direct',
      title: null,
      members: expect.arrayContaining([publicUser(alice), publicUser(bob)]),
    });
    expect(first.body.members).toHaveLength(2);
    const again = await create(alice.token, { type: 'direct', user_id: bob.id });
    const otherSide = await create(bob.token, { type: 'direct', user_id: alice.id });
    for (const res of [again, otherSide]) {
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(first.body.id);
    }
  });

  it('stays one conversation when many requests race for the same new pair', async () => {
    const dave = await b.register('dave');
    const erin = await b.register('erin');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? create(dave.token, { type: 'direct', user_id: erin.id })
          : create(erin.token, { type: 'direct', user_id: dave.id }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(11);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const daves = await b.call(dave.token, 'GET /conversations');
    expect(daves.body).toHaveLength(1);
  });

  it('refuses a direct conversation with an unknown user (404) or with oneself (400)', async () => {
    const unknown = await create(alice.token, { type: 'direct', user_id: 'ffffffffffffffffffffffff' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('user_not_found');
    const self = await create(alice.token, { type: 'direct', user_id: alice.id });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('self_conversation');
  });

  it('creates a group of the creator and the members, every time a new one', async () => {
    const body = { type: 'group', title: '  Project 和平  ', member_ids: [bob.id, carol.id] };
    const group = await create(alice.token, body);
    expect(group.status).toBe(201);
    expect(group.body).toEqual({
      id: expect.any(String),
      type: 'group',
      title: 'Project 和平',
      members: [publicUser(alice), publicUser(bob), publicUser(carol)],
    });
    const second = await create(alice.token, body);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(group.body.id);
    // The creator comes first, whoever it is.
    const carols = await create(carol.token, {
      type: 'group',
      title: 'Mine',
      member_ids: [alice.id, bob.id],
    });
    expect(carols.body.members).toEqual([publicUser(carol), publicUser(alice), publicUser(bob)]);
    // The creator listed among the members is not added twice.
    const withSelf = await create(alice.token, {
      type: 'group',
      title: 'Pair',
      member_ids: [alice.id, bob.id],
    });
    expect(withSelf.body.members.map((m: TestUser) => m.id)).toEqual([alice.id, bob.id]);
  });

  it.each([
    [{ type: 'group', title: 'Ghosts', member_ids: ['ffffffffffffffffffffffff'] }, 404, 'user_not_found'],
    [{ type: 'group', title: 'Alone', member_ids: ['SELF'] }, 400, 'no_members'],
    [{ type: 'group', title: '   ', member_ids: ['BOB'] }, 400, 'empty_title'],
    [{ type: 'group', title: 'Twice', member_ids: ['BOB', 'BOB'] }, 400, 'invalid_request'],
    [{ type: 'group', title: 'Nobody', member_ids: [] }, 400, 'invalid_request'],
    [{ type: 'group', member_ids: ['BOB'] }, 400, 'invalid_request'],
    [{ type: 'direct' }, 400, 'invalid_request'],
    [{ type: 'channel', title: 'x' }, 400, 'invalid_request'],
  ])('refuses %j with %i %s', async (raw, status, code) => {
    const body = JSON.parse(JSON.stringify(raw).replaceAll('SELF', alice.id).replaceAll('BOB', bob.id));
    const res = await create(alice.token, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('says which field is wrong', async () => {
    const missing = await create(alice.token, { type: 'group', member_ids: [bob.id] });
    expect(missing.body.error.message).toBe('body/title is required');
    const kind = await create(alice.token, { type: 'channel' });
    expect(kind.body.error.message).toMatch(/^body\/type /);
  });

  it('lists only my conversations, most recently active first, with last_message and unread_count', async () => {
    const frank = await b.register('frank');
    const grace = await b.register('grace');
    const heidi = await b.register('heidi');
    const withGrace = (await create(frank.token, { type: 'direct', user_id: grace.id })).body;
    const withHeidi = (await create(frank.token, { type: 'direct', user_id: heidi.id })).body;
    // Grace and Heidi share nothing with each other.
    let list = await b.call(frank.token, 'GET /conversations');
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([withHeidi.id, withGrace.id]);
    expect(list.body[0]).toMatchObject({ last_message: null, unread_count: 0, members: expect.any(Array) });

    const sent = await b.api(grace.token, 'POST', `/api/v1/conversations/${withGrace.id}/messages`, {
      body: 'hello',
    });
    list = await b.call(frank.token, 'GET /conversations');
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([withGrace.id, withHeidi.id]);
    expect(list.body[0]).toMatchObject({ last_message: sent.body, unread_count: 1 });

    const heidis = await b.call(heidi.token, 'GET /conversations');
    expect(heidis.body.map((c: { id: string }) => c.id)).toEqual([withHeidi.id]);
  });
});
