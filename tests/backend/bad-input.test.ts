import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

/**
 * One malformed request. `{conv}`, `{msg}` and `{user}` in the path or body stand for a real
 * conversation of Alice's, a message in it and Bob's id. `raw` is sent as-is instead of JSON.
 */
interface Case {
  name: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  path: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  /** Sent as Alice unless false. */
  signedIn?: boolean;
  authorization?: string;
  status: number;
  code: string;
}

const longId = 'a'.repeat(65);
const oversized = JSON.stringify({ username: 'big', password: 'x'.repeat(1_100_000), display_name: 'B' });

const cases: Case[] = [
  // Bodies that are not a JSON object, on every route that takes one.
  ...[
    '/api/v1/auth/register',
    '/api/v1/auth/login',
    '/api/v1/conversations',
    '/api/v1/conversations/{conv}/messages',
  ].flatMap((path): Case[] => [
    { name: 'no body', method: 'POST', path, status: 400, code: 'invalid_request' },
    { name: 'invalid JSON', method: 'POST', path, raw: '{"username":', status: 400, code: 'invalid_json' },
    {
      name: 'empty JSON',
      method: 'POST',
      path,
      raw: '',
      contentType: 'application/json',
      status: 400,
      code: 'empty_body',
    },
    { name: 'JSON null', method: 'POST', path, raw: 'null', status: 400, code: 'invalid_request' },
    { name: 'JSON array', method: 'POST', path, body: [1, 2], status: 400, code: 'invalid_request' },
    { name: 'JSON string', method: 'POST', path, body: 'hello', status: 400, code: 'invalid_request' },
    {
      name: 'plain text',
      method: 'POST',
      path,
      raw: 'hello',
      contentType: 'text/plain',
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'XML',
      method: 'POST',
      path,
      raw: '<a/>',
      contentType: 'application/xml',
      status: 415,
      code: 'unsupported_media_type',
    },
    { name: 'over 1 MiB', method: 'POST', path, raw: oversized, status: 413, code: 'body_too_large' },
  ]),
  // Register and login fields.
  ...(
    [
      [{ password: 'long enough', display_name: 'A' }, 'missing username'],
      [{ username: 'ab', password: 'long enough', display_name: 'A' }, 'username too short'],
      [{ username: 'a'.repeat(33), password: 'long enough', display_name: 'A' }, 'username too long'],
      [{ username: 'ali ce', password: 'long enough', display_name: 'A' }, 'username with a space'],
      [{ username: '爱丽丝', password: 'long enough', display_name: 'A' }, 'username not ASCII'],
      [{ username: { $gt: '' }, password: 'long enough', display_name: 'A' }, 'username an object'],
      [{ username: 'alice9', password: 1234567890, display_name: 'A' }, 'password a number'],
      [{ username: 'alice9', password: 'x'.repeat(201), display_name: 'A' }, 'password too long'],
      [{ username: 'alice9', password: 'long enough', display_name: '' }, 'empty display_name'],
      [
        { username: 'alice9', password: 'long enough', display_name: 'd'.repeat(65) },
        'display_name too long',
      ],
      [{ username: 'alice9', password: 'long enough', display_name: null }, 'display_name null'],
    ] as const
  ).map(
    ([body, name]): Case => ({
      name,
      method: 'POST',
      path: '/api/v1/auth/register',
      body,
      signedIn: false,
      status: 400,
      code: 'invalid_request',
    }),
  ),
  ...(
    [
      [{ username: 'alice' }, 'missing password'],
      [{ username: '', password: 'x' }, 'empty username'],
      [{ username: 'alice', password: '' }, 'empty password'],
      [{ username: ['alice'], password: 'x' }, 'username an array'],
      [{ username: 'alice', password: true }, 'password a boolean'],
    ] as const
  ).map(
    ([body, name]): Case => ({
      name,
      method: 'POST',
      path: '/api/v1/auth/login',
      body,
      signedIn: false,
      status: 400,
      code: 'invalid_request',
    }),
  ),
  // Users.
  {
    name: 'q too long',
    method: 'GET',
    path: `/api/v1/users?q=${'q'.repeat(65)}`,
    status: 400,
    code: 'invalid_request',
  },
  { name: 'q twice', method: 'GET', path: '/api/v1/users?q=a&q=b', status: 400, code: 'invalid_request' },
  {
    name: 'user id with spaces',
    method: 'GET',
    path: '/api/v1/users/a%20b',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'user id too long',
    method: 'GET',
    path: `/api/v1/users/${longId}`,
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'user id a traversal',
    method: 'GET',
    path: '/api/v1/users/..%2F..%2Fetc',
    status: 400,
    code: 'invalid_request',
  },
  // Creating conversations.
  ...(
    [
      [{}, 'no type'],
      [{ type: 7 }, 'type a number'],
      [{ type: 'channel' }, 'unknown type'],
      [{ type: 'direct', user_id: 42 }, 'user_id a number'],
      [{ type: 'direct', user_id: '' }, 'empty user_id'],
      [{ type: 'direct', user_id: '../x' }, 'user_id with a slash'],
      [{ type: 'direct', user_id: longId }, 'user_id too long'],
      [{ type: 'group', title: 'T', member_ids: '{user}' }, 'member_ids a string'],
      [{ type: 'group', title: 'T', member_ids: [1] }, 'member_ids of numbers'],
      [{ type: 'group', title: 'T', member_ids: [] }, 'no member_ids'],
      [{ type: 'group', title: 'T', member_ids: ['{user}', '{user}'] }, 'repeated member_ids'],
      [
        { type: 'group', title: 'T', member_ids: Array.from({ length: 257 }, (_, i) => `u${i}`) },
        '257 members',
      ],
      [{ type: 'group', title: 't'.repeat(101), member_ids: ['{user}'] }, 'title too long'],
      [{ type: 'group', title: ['T'], member_ids: ['{user}'] }, 'title an array'],
    ] as const
  ).map(
    ([body, name]): Case => ({
      name,
      method: 'POST',
      path: '/api/v1/conversations',
      body,
      status: 400,
      code: 'invalid_request',
    }),
  ),
  {
    name: 'blank group title',
    method: 'POST',
    path: '/api/v1/conversations',
    body: { type: 'group', title: ' ', member_ids: ['{user}'] },
    status: 400,
    code: 'empty_title',
  },
  {
    name: 'direct with oneself',
    method: 'POST',
    path: '/api/v1/conversations',
    body: { type: 'direct', user_id: '{alice}' },
    status: 400,
    code: 'self_conversation',
  },
  {
    name: 'group of oneself',
    method: 'POST',
    path: '/api/v1/conversations',
    body: { type: 'group', title: 'me', member_ids: ['{alice}'] },
    status: 400,
    code: 'no_members',
  },
  {
    name: 'direct with nobody',
    method: 'POST',
    path: '/api/v1/conversations',
    body: { type: 'direct', user_id: 'nobody' },
    status: 404,
    code: 'user_not_found',
  },
  // Reading messages.
  {
    name: 'conversation id with spaces',
    method: 'GET',
    path: '/api/v1/conversations/a%20b/messages',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'conversation id too long',
    method: 'GET',
    path: `/api/v1/conversations/${longId}/messages`,
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'unknown conversation',
    method: 'GET',
    path: '/api/v1/conversations/nope/messages',
    status: 404,
    code: 'conversation_not_found',
  },
  ...['0', '-1', '201', '1.5', 'ten', '', '1e9'].map(
    (limit): Case => ({
      name: `limit=${limit}`,
      method: 'GET',
      path: `/api/v1/conversations/{conv}/messages?limit=${limit}`,
      status: 400,
      code: 'invalid_request',
    }),
  ),
  {
    name: 'before with a quote',
    method: 'GET',
    path: "/api/v1/conversations/{conv}/messages?before=x'--",
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'before too long',
    method: 'GET',
    path: `/api/v1/conversations/{conv}/messages?before=${longId}`,
    status: 400,
    code: 'invalid_request',
  },
  // Sending messages.
  ...(
    [
      [{}, 'no body field'],
      [{ body: '' }, 'empty body'],
      [{ body: 12 }, 'body a number'],
      [{ body: ['hi'] }, 'body an array'],
      [{ body: { text: 'hi' } }, 'body an object'],
      [{ body: 'x'.repeat(10_001) }, 'body too long'],
      [{ body: 'hi', client_id: 5 }, 'client_id a number'],
      [{ body: 'hi', client_id: '' }, 'empty client_id'],
      [{ body: 'hi', client_id: 'c'.repeat(65) }, 'client_id too long'],
    ] as const
  ).map(
    ([body, name]): Case => ({
      name,
      method: 'POST',
      path: '/api/v1/conversations/{conv}/messages',
      body,
      status: 400,
      code: 'invalid_request',
    }),
  ),
  {
    name: 'whitespace message',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/messages',
    body: { body: ' \t\n' },
    status: 400,
    code: 'empty_message',
  },
  {
    name: 'message to an unknown conversation',
    method: 'POST',
    path: '/api/v1/conversations/nope/messages',
    body: { body: 'hi' },
    status: 404,
    code: 'conversation_not_found',
  },
  // Read markers.
  {
    name: 'message_id a number',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/read',
    body: { message_id: 1 },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'empty message_id',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/read',
    body: { message_id: '' },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'message_id of nothing',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/read',
    body: { message_id: 'zzzz' },
    status: 404,
    code: 'message_not_found',
  },
  {
    name: 'read marker as an array',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/read',
    body: ['{msg}'],
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'read marker, invalid JSON',
    method: 'POST',
    path: '/api/v1/conversations/{conv}/read',
    raw: '{',
    status: 400,
    code: 'invalid_json',
  },
  // Rooms (their own rules are tested in rooms.test.ts; here: malformed input never breaks them).
  {
    name: 'room without conversation',
    method: 'POST',
    path: '/api/v1/rooms/create',
    body: {},
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'room conversation_id a number',
    method: 'POST',
    path: '/api/v1/rooms/create',
    body: { conversation_id: 1 },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'room_id in capitals',
    method: 'POST',
    path: '/api/v1/rooms/create',
    body: { conversation_id: '{conv}', room_id: 'UPPERCASE-ROOM' },
    status: 400,
    code: 'invalid_room_id',
  },
  {
    name: 'room as plain text',
    method: 'POST',
    path: '/api/v1/rooms/create',
    raw: 'room',
    contentType: 'text/plain',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'join an unknown room',
    method: 'POST',
    path: '/api/v1/rooms/no-such-room-here/join',
    status: 404,
    code: 'room_not_found',
  },
  // Authentication and routing.
  {
    name: 'no token',
    method: 'GET',
    path: '/api/v1/conversations',
    signedIn: false,
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'huge token',
    method: 'GET',
    path: '/api/v1/me',
    signedIn: false,
    authorization: `Bearer ${'x'.repeat(8000)}`,
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'token without Bearer',
    method: 'GET',
    path: '/api/v1/me',
    signedIn: false,
    authorization: 'Token abc',
    status: 401,
    code: 'unauthorized',
  },
  { name: 'unknown route', method: 'GET', path: '/api/v1/nothing-here', status: 404, code: 'not_found' },
  { name: 'wrong method', method: 'DELETE', path: '/api/v1/me', status: 404, code: 'not_found' },
  {
    name: 'PUT a conversation',
    method: 'PUT',
    path: '/api/v1/conversations/{conv}',
    body: { title: 'x' },
    status: 404,
    code: 'not_found',
  },
];

describe('bad input gets a 4xx with a clear error.code, never a 500', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    b = await startBackend({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    alice = await b.register('alice');
    bob = await b.register('bob');
    ids.conv = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    ids.msg = (
      await b.api(alice.token, 'POST', `/api/v1/conversations/${ids.conv}/messages`, { body: 'hi' })
    ).body.id;
    ids.user = bob.id;
    ids.alice = alice.id;
  });
  afterAll(async () => b.close());

  const fill = (text: string) =>
    text.replace(/\{(conv|msg|user|alice)\}/g, (_, key: string) => ids[key] as string);

  it.each(cases.map((c) => [`${c.method} ${c.path} — ${c.name}`, c] as const))('%s', async (_title, c) => {
    const headers: Record<string, string> = {};
    if (c.signedIn !== false) headers.authorization = `Bearer ${alice.token}`;
    if (c.authorization) headers.authorization = c.authorization;
    let body: string | undefined;
    if (c.raw !== undefined) {
      body = c.raw;
      headers['content-type'] = c.contentType ?? 'application/json';
    } else if (c.body !== undefined) {
      body = fill(JSON.stringify(c.body));
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(b.url + fill(c.path), { method: c.method, headers, body });
    const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect({ status: res.status, code: json.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(json.error?.message).toEqual(expect.stringMatching(/\S/));
  });

  it('is still healthy and consistent afterwards', async () => {
    expect((await b.api(null, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    const messages = await b.call(bob.token, 'GET /conversations/:id/messages', {
      params: { id: ids.conv ?? '' },
      query: { limit: 50 },
    });
    expect(messages.body.map((m: { body: string }) => m.body)).toEqual(['hi']);
    expect((await b.call(alice.token, 'GET /conversations')).body).toHaveLength(1);
  });
});
