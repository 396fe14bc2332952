import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('message-edits-cluster.test: skipped, TEST_REDIS_URL is not set');

/** Edits, deletes and typing reach devices connected to another backend node. */
describe.skipIf(!redisUrl)('edits and typing across two nodes sharing Redis', () => {
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  beforeAll(async () => {
    nodeA = await startBackend({ REDIS_URL: redisUrl as string, SESSION_SECRET: 'e'.repeat(40) });
    nodeB = await startBackend({
      REDIS_URL: redisUrl as string,
      SESSION_SECRET: 'e'.repeat(40),
      DATABASE_URL: nodeA.databaseUrl,
    });
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  it('relays message_updated and typing to a socket on the other node', async () => {
    const alice = await nodeA.register('alice');
    const bob = await nodeA.register('bob');
    const conv = (
      await nodeA.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    const sent = (
      await nodeA.api(alice.token, 'POST', `/api/v1/conversations/${conv}/messages`, { body: 'x' })
    ).body;
    const bobOnB = await nodeB.connect(bob.token);
    const aliceOnA = await nodeA.connect(alice.token);

    const typing = nextEvent(bobOnB, 'typing');
    expect(await emitAck(aliceOnA, 'typing', { conversation_id: conv })).toEqual({ ok: true });
    expect(await typing).toEqual({ conversation_id: conv, user_id: alice.id });

    const edited = nextEvent(bobOnB, 'message_updated');
    await nodeA.api(alice.token, 'PATCH', `/api/v1/conversations/${conv}/messages/${sent.id}`, { body: 'y' });
    expect(await edited).toMatchObject({ id: sent.id, body: 'y', edited_at: expect.any(String) });
    const deleted = nextEvent(bobOnB, 'message_updated');
    await nodeA.api(alice.token, 'DELETE', `/api/v1/conversations/${conv}/messages/${sent.id}`);
    expect(await deleted).toMatchObject({ id: sent.id, body: '', deleted_at: expect.any(String) });
  });
});
