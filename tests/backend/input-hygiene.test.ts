import { beforeAll, describe, expect, it } from 'vitest';
import { emitAck, type TestBackend, type TestUser } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';
import { postgresUrl } from '../helpers/postgres.js';

if (!postgresUrl) console.warn('input-hygiene.test: PostgreSQL part skipped, TEST_POSTGRES_URL is not set');

/**
 * One request carrying a character the databases cannot store alike. `route` is the OpenAPI route it
 * covers; `{conv}` and `{bob}` in path or body stand for Alice's conversation with Bob and Bob's id.
 */
interface Case {
  route: string;
  path: string;
  body?: unknown;
  signedIn?: false;
  field: string;
}

const NUL = '\u0000';
const cases: Case[] = [
  {
    route: 'POST /api/v1/auth/register',
    path: '/api/v1/auth/register',
    signedIn: false,
    field: 'body/display_name',
    body: { username: 'nul_user', password: 'long enough', display_name: `A${NUL}B` },
  },
  {
    route: 'POST /api/v1/auth/login',
    path: '/api/v1/auth/login',
    signedIn: false,
    field: 'body/username',
    body: { username: `ali${NUL}ce`, password: 'whatever' },
  },
  {
    route: 'POST /api/v1/auth/login',
    path: '/api/v1/auth/login',
    signedIn: false,
    field: 'body/password',
    body: { username: 'alice', password: `x${NUL}` },
  },
  {
    route: 'POST /api/v1/auth/password',
    path: '/api/v1/auth/password',
    field: 'body/current_password',
    body: { current_password: NUL, new_password: 'long enough' },
  },
  {
    route: 'POST /api/v1/auth/refresh',
    path: '/api/v1/auth/refresh',
    signedIn: false,
    field: 'body/refresh_token',
    body: { refresh_token: `r${NUL}` },
  },
  { route: 'GET /api/v1/users', path: '/api/v1/users?q=%00', field: 'querystring/q' },
  { route: 'GET /api/v1/users/{id}', path: '/api/v1/users/a%00b', field: 'params/id' },
  {
    route: 'POST /api/v1/conversations',
    path: '/api/v1/conversations',
    field: 'body/title',
    body: { type: 'group', title: `T${NUL}`, member_ids: ['{bob}'] },
  },
  {
    route: 'POST /api/v1/conversations',
    path: '/api/v1/conversations',
    field: 'body/user_id',
    body: { type: 'direct', user_id: NUL },
  },
  {
    route: 'GET /api/v1/conversations/{id}/messages',
    path: '/api/v1/conversations/{conv}/messages?before=%00',
    field: 'querystring/before',
  },
  {
    route: 'POST /api/v1/conversations/{id}/messages',
    path: '/api/v1/conversations/{conv}/messages',
    field: 'body/body',
    body: { body: `hi${NUL}` },
  },
  {
    route: 'POST /api/v1/conversations/{id}/messages',
    path: '/api/v1/conversations/{conv}/messages',
    field: 'body/client_id',
    body: { body: 'hi', client_id: `c${NUL}` },
  },
  {
    route: 'POST /api/v1/conversations/{id}/messages',
    path: '/api/v1/conversations/{conv}/messages',
    field: 'body/body',
    body: { body: 'lone \ud800 surrogate' },
  },
  {
    route: 'PATCH /api/v1/conversations/{id}/messages/{messageId}',
    path: '/api/v1/conversations/{conv}/messages/m1',
    field: 'body/body',
    body: { body: `edit${NUL}` },
  },
  {
    route: 'DELETE /api/v1/conversations/{id}/messages/{messageId}',
    path: '/api/v1/conversations/{conv}/messages/a%00b',
    field: 'params/messageId',
  },
  {
    route: 'POST /api/v1/conversations/{id}/read',
    path: '/api/v1/conversations/{conv}/read',
    field: 'body/message_id',
    body: { message_id: NUL },
  },
  {
    route: 'POST /api/v1/rooms/create',
    path: '/api/v1/rooms/create',
    field: 'body/room_id',
    body: { conversation_id: '{conv}', room_id: `room-${NUL}-abc` },
  },
  {
    route: 'POST /api/v1/conversations/{id}/attachments',
    path: '/api/v1/conversations/a%00b/attachments',
    field: 'params/id',
  },
  { route: 'GET /api/v1/attachments/{id}', path: '/api/v1/attachments/a%00b', field: 'params/id' },
  {
    route: 'GET /api/v1/attachments/{id}/thumbnail',
    path: '/api/v1/attachments/a%00b/thumbnail',
    field: 'params/id',
  },
  {
    route: 'POST /api/v1/contact-requests/{id}/accept',
    path: '/api/v1/contact-requests/a%00b/accept',
    field: 'params/id',
  },
  {
    route: 'POST /api/v1/contact-requests/{id}/decline',
    path: '/api/v1/contact-requests/a%00b/decline',
    field: 'params/id',
  },
  { route: 'PUT /api/v1/blocks/{id}', path: '/api/v1/blocks/a%00b', field: 'params/id' },
  { route: 'DELETE /api/v1/blocks/{id}', path: '/api/v1/blocks/a%00b', field: 'params/id' },
  {
    route: 'PUT /api/v1/conversations/{id}/mute',
    path: '/api/v1/conversations/a%00b/mute',
    field: 'params/id',
    body: {},
  },
  {
    route: 'DELETE /api/v1/conversations/{id}/mute',
    path: '/api/v1/conversations/a%00b/mute',
    field: 'params/id',
  },
  {
    route: 'POST /api/v1/rooms/{room_id}/join',
    path: '/api/v1/rooms/room%00abcdef/join',
    field: 'params/room_id',
  },
  {
    route: 'POST /room/{room_id}/leave',
    path: '/room/room%00abcdef/leave',
    signedIn: false,
    field: 'params/room_id',
    body: { jwt: 'x' },
  },
];

describe.each(ENGINES)('characters a database cannot store, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, { ...TEST_JITSI_ENV });
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let conv: string;

  beforeAll(async () => {
    if (skip) return;
    b = server.backend;
    alice = await b.register('alice');
    bob = await b.register('bob');
    conv = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id }))
      .body.id;
  });
  const fill = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('{conv}', conv).replaceAll('{bob}', bob.id));

  it.skipIf(skip).each(cases)('$route refuses $field with 400 invalid_characters naming it', async (c) => {
    const res = await b.api(
      c.signedIn === false ? null : alice.token,
      c.route.split(' ')[0] as string,
      fill(c.path),
      c.body === undefined ? undefined : fill(c.body),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_characters');
    expect(res.body.error.message).toContain(c.field);
  });

  it.skipIf(skip)('keeps nothing of a refused request and stays healthy', async () => {
    const messages = await b.call(alice.token, 'GET /conversations/:id/messages', {
      params: { id: conv },
      query: { limit: 50 },
    });
    expect(messages.body).toEqual([]);
    const list = await b.call(alice.token, 'GET /conversations');
    expect(list.body.map((c: { type: string }) => c.type)).toEqual(['direct']);
    expect(
      (await b.api(null, 'POST', '/api/v1/auth/login', { username: 'nul_user', password: 'long enough' }))
        .status,
    ).toBe(401);
    const sent = await b.api(alice.token, 'POST', `/api/v1/conversations/${conv}/messages`, {
      body: 'hi 你好 👋',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.body).toBe('hi 你好 👋');
  });

  it.skipIf(skip)('refuses them in socket events with invalid_characters', async () => {
    const socket = await b.connect(alice.token);
    const ack = await emitAck(socket, 'call_invitation', { room_id: `room${NUL}abcdef` });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'invalid_characters', message: expect.stringContaining('call_invitation/room_id') },
    });
    socket.disconnect();
  });

  it.skipIf(engine.postgres)(
    'has a case for every route that takes input (a new route needs a row here)',
    async () => {
      const spec = b.app.swagger() as {
        paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown }>>;
      };
      const withInput = Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(withInput.length).toBeGreaterThan(8);
      const covered = new Set(cases.map((c) => c.route));
      expect(withInput.filter((r) => !covered.has(r))).toEqual([]);
    },
  );
});
