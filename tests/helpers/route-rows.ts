/**
 * One row per served route and per client → server socket event: who may use it, and a request that
 * is valid in every other respect, so a refusal can only come from authorization. The matrix test
 * fails when a route or event has no row here.
 */

import { expect } from 'vitest';
import { makePng, uploadFile } from './attachments.js';
import { emitOk, type TestBackend } from './backend.js';

/** Everything a row may point at: two members of a direct conversation with a room and a ringing call. */
export interface Fixture {
  alice: { id: string; token: string };
  bob: { id: string; token: string };
  /** A user with no conversation with anyone: the outsider. */
  carol: { id: string; token: string };
  conversationId: string;
  messageId: string;
  roomId: string;
  callId: string;
  /** A second user's room, for the "token of another room" case. */
  otherRoomId: string;
  /** A valid Jitsi token for `roomId`, issued to alice. */
  jitsiToken: string;
  /** An image alice sent in the conversation (it has a thumbnail). */
  attachmentId: string;
  png: Uint8Array;
  /** A refresh token of dave's, who appears in no other row. */
  refreshToken: string;
}

/** What a row sends: a JSON `body`, or `raw` bytes with their own headers (a file upload). */
export interface RowRequest {
  path: string;
  body?: unknown;
  raw?: { bytes: Uint8Array; headers: Record<string, string> };
}

/**
 * - `public`: no credentials needed (the page or the answer holds nothing private);
 * - `user`: any signed-in user; forged, expired, revoked and foreign tokens get 401;
 * - `member`: as `user`, and a signed-in outsider of the conversation or room is refused too;
 * - `jitsi`: proved by the Jitsi token of that very room, not by an access token.
 */
export type Access = 'public' | 'user' | 'member' | 'jitsi';

export interface RouteRow {
  access: Access;
  request(f: Fixture): RowRequest;
  /**
   * The control request (a member, valid token) changes the actor's own account (sign-out, password):
   * it runs as a throwaway user so the other rows keep their tokens.
   */
  ownAccount?: boolean;
  /** The control's status when it is not a success, e.g. 404 for answering a request nobody sent. */
  controlStatus?: number;
}

const conv = (f: Fixture) => `/api/v1/conversations/${f.conversationId}`;

export const routeRows: Record<string, RouteRow> = {
  'GET /': { access: 'public', request: () => ({ path: '/' }) },
  'GET /healthz': { access: 'public', request: () => ({ path: '/healthz' }) },
  'GET /api/openapi.json': { access: 'public', request: () => ({ path: '/api/openapi.json' }) },
  'POST /api/v1/auth/register': {
    access: 'public',
    request: () => ({
      path: '/api/v1/auth/register',
      body: { username: `reg${Date.now().toString(36)}`, password: 'a-long-password', display_name: 'Reg' },
    }),
  },
  'POST /api/v1/auth/login': {
    access: 'public',
    request: () => ({ path: '/api/v1/auth/login', body: { username: 'alice', password: 'pw-alice-secret' } }),
  },
  // The room page carries no data: the Jitsi token reaches it in the URL fragment, never the server.
  'GET /room/:room_id': { access: 'public', request: (f) => ({ path: `/room/${f.roomId}` }) },
  'POST /room/:room_id/leave': {
    access: 'jitsi',
    request: (f) => ({ path: `/room/${f.roomId}/leave`, body: { jwt: f.jitsiToken } }),
  },
  'POST /api/v1/auth/refresh': {
    access: 'public',
    request: (f) => ({ path: '/api/v1/auth/refresh', body: { refresh_token: f.refreshToken } }),
  },
  'GET /api/v1/contact-requests': { access: 'user', request: () => ({ path: '/api/v1/contact-requests' }) },
  'POST /api/v1/contact-requests/:id/accept': {
    access: 'user',
    controlStatus: 404,
    request: (f) => ({ path: `/api/v1/contact-requests/${f.carol.id}/accept` }),
  },
  'POST /api/v1/contact-requests/:id/decline': {
    access: 'user',
    controlStatus: 404,
    request: (f) => ({ path: `/api/v1/contact-requests/${f.carol.id}/decline` }),
  },
  'POST /api/v1/auth/logout': {
    access: 'user',
    ownAccount: true,
    request: () => ({ path: '/api/v1/auth/logout' }),
  },
  'POST /api/v1/auth/logout-all': {
    access: 'user',
    ownAccount: true,
    request: () => ({ path: '/api/v1/auth/logout-all' }),
  },
  'POST /api/v1/auth/password': {
    access: 'user',
    ownAccount: true,
    request: () => ({
      path: '/api/v1/auth/password',
      body: { current_password: 'throwaway-password', new_password: 'another-long-password' },
    }),
  },
  'GET /api/v1/me': { access: 'user', request: () => ({ path: '/api/v1/me' }) },
  'GET /api/v1/users': { access: 'user', request: () => ({ path: '/api/v1/users?q=bo' }) },
  'GET /api/v1/users/:id': { access: 'user', request: (f) => ({ path: `/api/v1/users/${f.bob.id}` }) },
  'GET /api/v1/blocks': { access: 'user', request: () => ({ path: '/api/v1/blocks' }) },
  'PUT /api/v1/blocks/:id': {
    access: 'user',
    ownAccount: true,
    request: (f) => ({ path: `/api/v1/blocks/${f.carol.id}` }),
  },
  'DELETE /api/v1/blocks/:id': { access: 'user', request: (f) => ({ path: `/api/v1/blocks/${f.carol.id}` }) },
  'GET /api/v1/conversations': { access: 'user', request: () => ({ path: '/api/v1/conversations' }) },
  'POST /api/v1/conversations': {
    access: 'user',
    request: (f) => ({ path: '/api/v1/conversations', body: { type: 'direct', user_id: f.bob.id } }),
  },
  'GET /api/v1/conversations/:id/messages': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/messages` }),
  },
  'POST /api/v1/conversations/:id/messages': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/messages`, body: { body: 'hello' } }),
  },
  'POST /api/v1/conversations/:id/read': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/read`, body: { message_id: f.messageId } }),
  },
  'PATCH /api/v1/conversations/:id/messages/:messageId': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/messages/${f.messageId}`, body: { body: 'first, edited' } }),
  },
  'DELETE /api/v1/conversations/:id/messages/:messageId': {
    // Runs after the edit row in the control pass, so both act on a live message.
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/messages/${f.messageId}` }),
  },
  'POST /api/v1/conversations/:id/attachments': {
    access: 'member',
    request: (f) => ({
      path: `${conv(f)}/attachments`,
      raw: { bytes: f.png, headers: { 'content-type': 'image/png', 'x-file-name': 'dot.png' } },
    }),
  },
  'GET /api/v1/attachments/limits': {
    access: 'user',
    request: () => ({ path: '/api/v1/attachments/limits' }),
  },
  'GET /api/v1/attachments/:id': {
    access: 'member',
    request: (f) => ({ path: `/api/v1/attachments/${f.attachmentId}` }),
  },
  'GET /api/v1/attachments/:id/thumbnail': {
    access: 'member',
    request: (f) => ({ path: `/api/v1/attachments/${f.attachmentId}/thumbnail` }),
  },
  'PUT /api/v1/conversations/:id/mute': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/mute`, body: { minutes: 60 } }),
  },
  'DELETE /api/v1/conversations/:id/mute': {
    access: 'member',
    request: (f) => ({ path: `${conv(f)}/mute` }),
  },
  'POST /api/v1/rooms/create': {
    access: 'member',
    request: (f) => ({ path: '/api/v1/rooms/create', body: { conversation_id: f.conversationId } }),
  },
  'POST /api/v1/rooms/:room_id/join': {
    access: 'member',
    request: (f) => ({ path: `/api/v1/rooms/${f.roomId}/join` }),
  },
};

/** Client → server socket events: every one acts on a conversation, room or call of its sender's own. */
export const socketEventRows: Record<string, (f: Fixture) => unknown> = {
  call_invitation: (f) => ({ room_id: f.roomId }),
  call_invitation_response: (f) => ({ call_id: f.callId, accepted: true }),
  call_cancel: (f) => ({ call_id: f.callId }),
  call_leave: (f) => ({ call_id: f.callId }),
  typing: (f) => ({ conversation_id: f.conversationId }),
};

/**
 * Registers alice, bob, carol and dave (on a fresh database), gives alice and bob a direct conversation
 * with one message, a room with a Jitsi token and a ringing call, and carol and dave a room of their own.
 */
export async function makeFixture(b: TestBackend): Promise<Fixture> {
  const [alice, bob, carol, dave] = await Promise.all(
    ['alice', 'bob', 'carol', 'dave'].map((n) => b.register(n)),
  );
  const direct = (a: { token: string }, other: { id: string }) =>
    b.api(a.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: other.id });
  const conversation = await direct(alice!, bob!);
  const message = await b.api(
    alice!.token,
    'POST',
    `/api/v1/conversations/${conversation.body.id}/messages`,
    {
      body: 'first',
    },
  );
  const room = await b.api(alice!.token, 'POST', '/api/v1/rooms/create', {
    conversation_id: conversation.body.id,
  });
  const join = await b.api(alice!.token, 'POST', `/api/v1/rooms/${room.body.room_id}/join`);
  const carolAndDave = await direct(carol!, dave!);
  const otherRoom = await b.api(carol!.token, 'POST', '/api/v1/rooms/create', {
    conversation_id: carolAndDave.body.id,
  });
  const call = await emitOk(await b.connect(alice!.token), 'call_invitation', { room_id: room.body.room_id });
  const png = await makePng(4, 4);
  const upload = await uploadFile(b, alice!.token, conversation.body.id, png, { name: 'dot.png' });
  expect(upload.status).toBe(201);
  return {
    attachmentId: upload.body.attachment.id,
    refreshToken: dave!.refresh,
    png,
    alice: alice!,
    bob: bob!,
    carol: carol!,
    conversationId: conversation.body.id,
    messageId: message.body.id,
    roomId: room.body.room_id,
    callId: call.call_id,
    otherRoomId: otherRoom.body.room_id,
    jitsiToken: join.body.jitsi_token,
  };
}
