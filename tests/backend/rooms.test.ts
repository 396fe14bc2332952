import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

const JITSI = {
  JITSI_SERVER_URL: 'http://127.0.0.1:9',
  JITSI_APP_ID: 'peace-app',
  JITSI_APP_SECRET: 'room-test-secret-0123456789',
};

describe('rooms', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let eve: TestUser;
  let conversationId: string;
  beforeAll(async () => {
    b = await startBackend(JITSI);
    alice = await b.register('alice');
    bob = await b.register('bob');
    eve = await b.register('eve');
    const conv = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    conversationId = conv.body.id;
  });
  afterAll(async () => b.close());

  it('creates a room with an unguessable server-made id', async () => {
    const res = await b.api(alice.token, 'POST', '/api/v1/rooms/create', { conversation_id: conversationId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ conversation_id: conversationId, created_by: alice.id });
    expect(res.body.room_id).toMatch(/^[a-z0-9-]{32,64}$/);
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
    const again = await b.api(alice.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
    });
    expect(again.body.room_id).not.toBe(res.body.room_id);
  });

  it('accepts a valid proposed room_id once, then answers 409', async () => {
    const first = await b.api(bob.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
      room_id: 'team-standup-42',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ room_id: 'team-standup-42', created_by: bob.id });
    const taken = await b.api(alice.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
      room_id: 'team-standup-42',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('room_taken');
  });

  it.each(['short', 'UpperCase-room', 'with_underscore', 'a'.repeat(65), 'spaces in id', '*'])(
    'refuses the invalid room_id %j with 400',
    async (roomId) => {
      const res = await b.api(alice.token, 'POST', '/api/v1/rooms/create', {
        conversation_id: conversationId,
        room_id: roomId,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_room_id');
    },
  );

  it('refuses to create a room for a conversation the user is not in (403) or that does not exist (404)', async () => {
    const outsider = await b.api(eve.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_a_member');
    const unknown = await b.api(alice.token, 'POST', '/api/v1/rooms/create', { conversation_id: 'nope' });
    expect(unknown.status).toBe(404);
    const anonymous = await b.api(null, 'POST', '/api/v1/rooms/create', { conversation_id: conversationId });
    expect(anonymous.status).toBe(401);
  });

  it('joins members only: 200 for members, 403 for an outsider, 404 for an unknown room, 401 without a session', async () => {
    const room = await b.api(alice.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
    });
    const roomId = room.body.room_id;
    for (const member of [alice, bob]) {
      const res = await b.api(member.token, 'POST', `/api/v1/rooms/${roomId}/join`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ room_id: roomId, jitsi_server_url: 'http://127.0.0.1:9' });
      expect(res.body.jitsi_token.split('.')).toHaveLength(3);
      expect(res.body.room_url).toContain(`/room/${roomId}#jwt=${res.body.jitsi_token}&server=`);
    }
    const outsider = await b.api(eve.token, 'POST', `/api/v1/rooms/${roomId}/join`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_a_member');
    expect(JSON.stringify(outsider.body)).not.toContain('jitsi_token');
    const unknown = await b.api(alice.token, 'POST', '/api/v1/rooms/no-such-room-here/join');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('room_not_found');
    const anonymous = await b.api(null, 'POST', `/api/v1/rooms/${roomId}/join`);
    expect(anonymous.status).toBe(401);
  });
});

describe('rooms without Jitsi configured', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend();
  });
  afterAll(async () => b.close());

  it('still creates rooms but answers join with 503 jitsi_not_configured and a message naming what to set', async () => {
    const alice = await b.register('alice');
    const bob = await b.register('bob');
    const conv = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const room = await b.api(alice.token, 'POST', '/api/v1/rooms/create', { conversation_id: conv.body.id });
    expect(room.status).toBe(201);
    const join = await b.api(alice.token, 'POST', `/api/v1/rooms/${room.body.room_id}/join`);
    expect(join.status).toBe(503);
    expect(join.body.error.code).toBe('jitsi_not_configured');
    expect(join.body.error.message).toMatch(/JITSI_SERVER_URL/);
  });
});
