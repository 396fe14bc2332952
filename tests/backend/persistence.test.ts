import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';

describe('restarting the backend on the same SQLite file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peace-persist-'));
  let current: TestBackend | undefined;
  afterAll(async () => {
    await current?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps users, conversations, messages, read markers and signed-in sessions', async () => {
    // No SESSION_SECRET: the generated one must be kept in the database for tokens to survive.
    const first = await startBackend({}, dataDir);
    current = first;
    const alice = await first.register('alice', 'Alice');
    const bob = await first.register('bob', '鲍勃');
    const direct = (
      await first.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body;
    const group = (
      await first.api(alice.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: '小组',
        member_ids: [bob.id],
      })
    ).body;
    const sent = [];
    for (const text of ['one', 'two', 'three']) {
      sent.push(
        (
          await first.api(alice.token, 'POST', `/api/v1/conversations/${direct.id}/messages`, {
            body: text,
            client_id: text,
          })
        ).body,
      );
    }
    await first.api(bob.token, 'POST', `/api/v1/conversations/${direct.id}/read`, { message_id: sent[0].id });
    const before = {
      aliceList: (await first.call(alice.token, 'GET /conversations')).body,
      bobList: (await first.call(bob.token, 'GET /conversations')).body,
      messages: (
        await first.call(bob.token, 'GET /conversations/:id/messages', {
          params: { id: direct.id },
          query: { limit: 50 },
        })
      ).body,
    };
    expect(before.bobList.find((c) => c.id === direct.id)?.unread_count).toBe(2);
    await first.close();
    current = undefined;

    const second = await startBackend({}, dataDir);
    current = second;
    // The old tokens still work, over HTTP and Socket.IO.
    expect(await second.api(alice.token, 'GET', '/api/v1/me')).toEqual({
      status: 200,
      body: { id: alice.id, username: 'alice', display_name: 'Alice' },
    });
    expect((await second.call(alice.token, 'GET /conversations')).body).toEqual(before.aliceList);
    expect((await second.call(bob.token, 'GET /conversations')).body).toEqual(before.bobList);
    expect(
      (
        await second.call(bob.token, 'GET /conversations/:id/messages', {
          params: { id: direct.id },
          query: { limit: 50 },
        })
      ).body,
    ).toEqual(before.messages);
    // Passwords, the pair's one direct conversation and client_id deduplication survive too.
    const login = await second.api(null, 'POST', '/api/v1/auth/login', {
      username: 'bob',
      password: 'pw-bob-secret',
    });
    expect(login.status).toBe(200);
    const reopened = await second.api(bob.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: alice.id,
    });
    expect(reopened).toMatchObject({ status: 200, body: { id: direct.id } });
    const retry = await second.api(alice.token, 'POST', `/api/v1/conversations/${direct.id}/messages`, {
      body: 'three',
      client_id: 'three',
    });
    expect(retry.body).toEqual(sent[2]);

    const bobSocket = await second.connect(bob.token);
    const arrived = nextEvent(bobSocket, 'message_new');
    const after = await second.api(alice.token, 'POST', `/api/v1/conversations/${group.id}/messages`, {
      body: 'after',
    });
    expect(await arrived).toEqual(after.body);
    // New ids still sort after the old ones, so paging and unread counts keep working.
    expect(after.body.id > sent[2].id).toBe(true);
  });
});
