import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertMessage } from '../../backend/chat/messages.js';
import { collect, nextEvent, startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';

describe.each(ENGINES)('editing and deleting own messages, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, { AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
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
    group = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: 'edits',
        member_ids: [bob.id],
      })
    ).body.id;
  });

  const send = async (who: TestUser, text: string, conversation = group) =>
    (await b.api(who.token, 'POST', `/api/v1/conversations/${conversation}/messages`, { body: text })).body;
  const path = (messageId: string, conversation = group) =>
    `/api/v1/conversations/${conversation}/messages/${messageId}`;
  const edit = (who: TestUser, messageId: string, body: unknown, conversation = group) =>
    b.api(who.token, 'PATCH', path(messageId, conversation), body);
  const remove = (who: TestUser, messageId: string, conversation = group) =>
    b.api(who.token, 'DELETE', path(messageId, conversation));
  const stored = async (who: TestUser, messageId: string) =>
    (await b.api(who.token, 'GET', `/api/v1/conversations/${group}/messages?limit=200`)).body.find(
      (m: { id: string }) => m.id === messageId,
    );
  const preview = async (who: TestUser) =>
    (await b.api(who.token, 'GET', '/api/v1/conversations')).body.find((c: { id: string }) => c.id === group)
      .last_message;

  it.skipIf(skip)(
    'edits: marked edited, live on every device of every member, the list preview too',
    async () => {
      const sent = await send(alice, 'teh plan');
      const phone = await b.connect(alice.token);
      const laptop = await b.connect(alice.token);
      const bobs = await b.connect(bob.token);
      const seen = [phone, laptop, bobs].map((s) => nextEvent(s, 'message_updated', (m) => m.id === sent.id));
      const res = await edit(alice, sent.id, { body: 'the plan' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...sent, body: 'the plan', edited_at: expect.stringMatching(/^\d{4}-/) });
      for (const event of await Promise.all(seen)) expect(event).toEqual(res.body);
      expect(await stored(bob, sent.id)).toEqual(res.body);
      expect(await preview(bob)).toEqual(res.body);
    },
  );

  it.skipIf(skip)('is idempotent: the same edit twice answers the same and announces once', async () => {
    const sent = await send(alice, 'draft');
    const bobs = await b.connect(bob.token);
    const events = collect(bobs, 'message_updated');
    const first = await edit(alice, sent.id, { body: 'final' });
    const again = await edit(alice, sent.id, { body: 'final' });
    expect(again).toEqual(first);
    // A later event proves the earlier ones had time to arrive.
    const marker = nextEvent(bobs, 'message_new', (m) => m.body === 'marker');
    await send(alice, 'marker');
    await marker;
    expect(events.filter((m) => m.id === sent.id)).toHaveLength(1);
  });

  it.skipIf(skip)(
    'deletes: the text is gone, a trace stays, live everywhere, and again is the same',
    async () => {
      const sent = await send(alice, 'my secret password is hunter2');
      const laptop = await b.connect(alice.token);
      const bobs = await b.connect(bob.token);
      const seen = [laptop, bobs].map((s) => nextEvent(s, 'message_updated', (m) => m.id === sent.id));
      const res = await remove(alice, sent.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...sent, body: '', deleted_at: expect.stringMatching(/^\d{4}-/) });
      for (const event of await Promise.all(seen)) expect(event).toEqual(res.body);
      expect(await stored(bob, sent.id)).toEqual(res.body);
      expect(await preview(alice)).toEqual(res.body);
      expect(await remove(alice, sent.id)).toEqual(res);
      const raw = await b.app.db
        .selectFrom('messages')
        .select('body')
        .where('id', '=', sent.id)
        .executeTakeFirst();
      expect(raw?.body).toBe('');
      // Editing it now is refused with its own code, and changes nothing.
      const late = await edit(alice, sent.id, { body: 'back from the dead' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('message_deleted');
      expect(await stored(bob, sent.id)).toEqual(res.body);
    },
  );

  it.skipIf(skip)("refuses others' messages, call records, strangers and unknown ids", async () => {
    const bobs = await send(bob, 'bob wrote this');
    for (const res of [
      await edit(alice, bobs.id, { body: 'alice rewrote it' }),
      await remove(alice, bobs.id),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('not_own_message');
    }
    const { message: call } = await insertMessage(b.app.db, {
      conversationId: group,
      senderId: alice.id,
      body: '',
      clientId: 'call:test-call',
      call: { call_id: 'test-call', outcome: 'missed' },
    });
    for (const res of [await edit(alice, call.id, { body: 'no' }), await remove(alice, call.id)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('call_record_immutable');
    }
    const outsider = await remove(carol, bobs.id);
    expect([outsider.status, outsider.body.error.code]).toEqual([403, 'not_a_member']);
    const unknown = await remove(bob, 'ffffffffffffffffffffffff');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'message_not_found']);
    // A message id from another conversation is not found here.
    const direct = (
      await b.api(bob.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: carol.id })
    ).body.id;
    const elsewhere = await send(bob, 'to carol', direct);
    const mismatch = await edit(bob, elsewhere.id, { body: 'x' });
    expect([mismatch.status, mismatch.body.error.code]).toEqual([404, 'message_not_found']);
    expect(await stored(bob, bobs.id)).toEqual(bobs);
  });

  it.skipIf(skip)(
    'after a block, an edit is refused like a message but a delete still goes through',
    async () => {
      const direct = (
        await b.api(carol.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: alice.id })
      ).body.id;
      const sent = await send(carol, 'before the block', direct);
      expect((await b.api(alice.token, 'PUT', `/api/v1/blocks/${carol.id}`)).status).toBe(204);
      const refused = await edit(carol, sent.id, { body: 'after the block' }, direct);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'blocked']);
      const removed = await remove(carol, sent.id, direct);
      expect([removed.status, removed.body.body, typeof removed.body.deleted_at]).toEqual([
        200,
        '',
        'string',
      ]);
    },
  );

  it.skipIf(skip).each([
    ['empty', { body: '' }, 400, 'invalid_request'],
    ['blank', { body: ' \n ' }, 400, 'empty_message'],
    ['10 001 characters', { body: 'x'.repeat(10_001) }, 400, 'invalid_request'],
    ['a NUL', { body: 'nul \u0000 byte' }, 400, 'invalid_characters'],
    ['a wrong field', { text: 'wrong field' }, 400, 'invalid_request'],
  ])('refuses an edit with %s like a send (%i %s) and keeps the text', async (_, body, status, code) => {
    const sent = await send(alice, 'keep me');
    const res = await edit(alice, sent.id, body);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await stored(alice, sent.id)).toEqual(sent);
  });
});

describe('deleted text on disk (SQLite)', () => {
  it('is overwritten in the database file, not only unlinked', async () => {
    const b = await startBackend({ KEEP_DATA: '1' });
    const alice = await b.register('alice');
    const bob = await b.register('bob');
    const conv = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    // Long enough to spill onto overflow pages, which a delete frees without wiping unless told to.
    const secret = `zebra-quartz-4417 ${'nobody may keep this. '.repeat(400)}`;
    const sent = await b.api(alice.token, 'POST', `/api/v1/conversations/${conv}/messages`, { body: secret });
    await b.api(alice.token, 'POST', `/api/v1/conversations/${conv}/messages`, { body: 'after it' });
    await b.api(alice.token, 'DELETE', `/api/v1/conversations/${conv}/messages/${sent.body.id}`);
    await b.close();
    // Whatever is on disk: the database file and any write-ahead log left beside it.
    const files = readdirSync(b.dataDir).map((name) => readFileSync(join(b.dataDir, name)));
    const onDisk = (text: string) => files.some((bytes) => bytes.includes(Buffer.from(text)));
    rmSync(b.dataDir, { recursive: true, force: true });
    expect(onDisk('after it')).toBe(true);
    expect(onDisk('zebra-quartz-4417')).toBe(false);
  });
});
