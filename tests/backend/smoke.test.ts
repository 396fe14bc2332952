import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, startBackend, type TestBackend } from '../helpers/backend.js';

describe('smoke', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend();
  });
  afterAll(async () => b.close());

  it('registers, opens a direct chat and delivers a message live', async () => {
    const alice = await b.register('alice');
    const bob = await b.register('bob');
    const bobSocket = await b.connect(bob.token);
    const conv = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    expect(conv.status).toBe(201);
    const arrived = nextEvent(bobSocket, 'message_new');
    const sent = await b.api(alice.token, 'POST', `/api/v1/conversations/${conv.body.id}/messages`, {
      body: 'hi',
    });
    expect(sent.status).toBe(201);
    expect(await arrived).toMatchObject({ body: 'hi', sender_id: alice.id });
    const list = await b.api(bob.token, 'GET', '/api/v1/conversations');
    expect(list.body[0].unread_count).toBe(1);
  });
});
