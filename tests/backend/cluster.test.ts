import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('cluster.test: skipped, TEST_REDIS_URL is not set (bash .ci/run sets it)');

describe.skipIf(!redisUrl)('two backend nodes sharing Redis', () => {
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  beforeAll(async () => {
    nodeA = await startBackend({ REDIS_URL: redisUrl as string, SESSION_SECRET: 's'.repeat(40) });
    // Node B uses node A's database, as two nodes behind one load balancer would.
    nodeB = await startBackend({
      REDIS_URL: redisUrl as string,
      SESSION_SECRET: 's'.repeat(40),
      DATABASE_URL: nodeA.databaseUrl,
    });
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  it('delivers a message posted on one node to a socket connected to the other', async () => {
    const alice = await nodeA.register('alice');
    const bob = await nodeA.register('bob');
    const bobOnB = await nodeB.connect(bob.token);
    const conv = await nodeA.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const arrived = nextEvent(bobOnB, 'message_new');
    await nodeA.api(alice.token, 'POST', `/api/v1/conversations/${conv.body.id}/messages`, {
      body: 'across nodes',
    });
    expect(await arrived).toMatchObject({ body: 'across nodes', sender_id: alice.id });
  });

  it('refuses to start with a clear error when Redis is unreachable', async () => {
    await expect(startBackend({ REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(
      /REDIS_URL: cannot connect/,
    );
  });
});
