import { beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, type TestBackend, type TestUser } from '../helpers/backend.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';

describe.each(ENGINES)('muting a conversation, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, {});
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let group: string;

  beforeAll(async () => {
    if (skip) return;
    b = server.backend;
    alice = await b.register('alice');
    bob = await b.register('bob');
    carol = await b.register('carol');
    const created = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Busy group',
      member_ids: [bob.id],
    });
    group = created.body.id;
  });

  const muteOf = async (who: TestUser) =>
    (await b.api(who.token, 'GET', '/api/v1/conversations')).body.find((c: { id: string }) => c.id === group)
      .mute;

  it.skipIf(skip)('an unmuted conversation lists mute: null', async () => {
    expect(await muteOf(alice)).toBeNull();
  });

  it.skipIf(skip)('mutes for a while, listed with its end, and only for the member who muted', async () => {
    const before = Date.now();
    const res = await b.api(alice.token, 'PUT', `/api/v1/conversations/${group}/mute`, { minutes: 60 });
    expect(res.status).toBe(200);
    expect(res.body.conversation_id).toBe(group);
    expect(res.body.mute.ring_calls).toBe(true);
    const until = Date.parse(res.body.mute.until);
    expect(until).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(until).toBeLessThan(Date.now() + 60 * 60_000 + 1000);
    expect(await muteOf(alice)).toEqual(res.body.mute);
    expect(await muteOf(bob)).toBeNull();
  });

  it.skipIf(skip)(
    'mutes until turned off, with calls silenced; a second PUT replaces the first',
    async () => {
      const res = await b.api(alice.token, 'PUT', `/api/v1/conversations/${group}/mute`, {
        ring_calls: false,
      });
      expect(res.status).toBe(200);
      expect(res.body.mute).toEqual({ until: null, ring_calls: false });
      expect(await muteOf(alice)).toEqual({ until: null, ring_calls: false });
    },
  );

  it.skipIf(skip)('without a body: until turned off, calls still ring', async () => {
    const res = await b.api(bob.token, 'PUT', `/api/v1/conversations/${group}/mute`);
    expect(res.status).toBe(200);
    expect(res.body.mute).toEqual({ until: null, ring_calls: true });
    await b.api(bob.token, 'DELETE', `/api/v1/conversations/${group}/mute`);
  });

  it.skipIf(skip)('unmutes, and unmuting again answers the same', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await b.api(alice.token, 'DELETE', `/api/v1/conversations/${group}/mute`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ conversation_id: group, mute: null });
    }
    expect(await muteOf(alice)).toBeNull();
  });

  it.skipIf(skip)('only a member may mute or unmute; an unknown conversation is 404', async () => {
    const put = await b.api(carol.token, 'PUT', `/api/v1/conversations/${group}/mute`, {});
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('not_a_member');
    const del = await b.api(carol.token, 'DELETE', `/api/v1/conversations/${group}/mute`);
    expect(del.status).toBe(403);
    const unknown = await b.api(alice.token, 'PUT', '/api/v1/conversations/nope/mute', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('conversation_not_found');
    const stored = await b.app.db.selectFrom('conversation_mutes').selectAll().execute();
    expect(stored.filter((row) => row.user_id === carol.id)).toEqual([]);
  });

  it.skipIf(skip)('refuses bad input with the field and rule, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: 7 * 24 * 60 + 1 }, 'minutes'],
      [{ minutes: 1.5 }, 'minutes'],
      [{ ring_calls: 'yes' }, 'ring_calls'],
    ];
    for (const [body, field] of cases) {
      const res = await b.api(bob.token, 'PUT', `/api/v1/conversations/${group}/mute`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await muteOf(bob)).toBeNull();
  });

  it.skipIf(skip)("reaches the user's other devices at once, and nobody else's", async () => {
    const otherDevice = await b.connect(alice.token);
    const bobSocket = await b.connect(bob.token);
    const bobHeard: unknown[] = [];
    bobSocket.on('conversation_mute', (e) => bobHeard.push(e));
    const muted = nextEvent(otherDevice, 'conversation_mute');
    await b.api(alice.token, 'PUT', `/api/v1/conversations/${group}/mute`, { minutes: 480 });
    expect((await muted).mute?.until).toEqual(expect.any(String));
    const unmuted = nextEvent(otherDevice, 'conversation_mute');
    await b.api(alice.token, 'DELETE', `/api/v1/conversations/${group}/mute`);
    expect(await unmuted).toEqual({ conversation_id: group, mute: null });
    // Bob's socket sees a later event of his own, so had Alice's reached him it would be there before it.
    const own = nextEvent(bobSocket, 'conversation_mute');
    await b.api(bob.token, 'PUT', `/api/v1/conversations/${group}/mute`, {});
    await own;
    expect(bobHeard).toHaveLength(1);
    await b.api(bob.token, 'DELETE', `/api/v1/conversations/${group}/mute`);
    otherDevice.disconnect();
    bobSocket.disconnect();
  });

  it.skipIf(skip)('a mute whose time has passed reads as not muted', async () => {
    await b.api(alice.token, 'PUT', `/api/v1/conversations/${group}/mute`, { minutes: 1 });
    expect(await muteOf(alice)).not.toBeNull();
    await b.app.db
      .updateTable('conversation_mutes')
      .set({ muted_until: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', alice.id)
      .execute();
    expect(await muteOf(alice)).toBeNull();
  });
});
