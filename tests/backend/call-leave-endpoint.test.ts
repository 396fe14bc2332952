import { createSigner } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import { emitAck, emitOk, nextEvent } from '../helpers/backend.js';
import { setUpCall, TEST_JITSI_ENV, useCallBackend } from '../helpers/calls.js';

/** Sends the body the way navigator.sendBeacon does with a string: text/plain. */
async function beacon(url: string, body: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body,
  });
  return res.status;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body?: ErrorBody }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('POST /room/{room_id}/leave', () => {
  const server = useCallBackend();

  async function activeCall() {
    const setup = await setUpCall(server.backend, 2);
    const [aliceSocket, bobSocket] = setup.sockets;
    const invitation = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: setup.roomId });
    await invitation;
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    const tokenOf = async (i: number) =>
      (await server.backend.api(setup.users[i]!.token, 'POST', `/api/v1/rooms/${setup.roomId}/join`)).body
        .jitsi_token as string;
    return { ...setup, call_id, aliceJwt: await tokenOf(0), bobJwt: await tokenOf(1) };
  }

  it('makes the token holder leave the call exactly like call_leave (JSON and sendBeacon text/plain)', async () => {
    const { sockets, roomId, call_id, aliceJwt, bobJwt, users } = await activeCall();
    const bobLeft = nextEvent(sockets[0]!, 'call_state', (s) =>
      s.participants.some((p) => p.user_id === users[1]!.id && p.status === 'left'),
    );
    const res = await postJson(`${server.backend.url}/room/${roomId}/leave`, { jwt: bobJwt });
    expect(res.status).toBe(204);
    expect((await bobLeft).state).toBe('active');
    const ended = nextEvent(sockets[1]!, 'call_state', (s) => s.state === 'ended');
    const message = nextEvent(sockets[1]!, 'message_new');
    expect(
      await beacon(`${server.backend.url}/room/${roomId}/leave`, JSON.stringify({ jwt: aliceJwt })),
    ).toBe(204);
    expect((await ended).call_id).toBe(call_id);
    expect((await message).call).toMatchObject({ call_id, outcome: 'ended' });
    // Leaving again (a second beacon) changes nothing and still answers 204.
    expect(
      await beacon(`${server.backend.url}/room/${roomId}/leave`, JSON.stringify({ jwt: aliceJwt })),
    ).toBe(204);
  });

  it('answers 401 for a missing, malformed, forged or other-room token, and 404 for an unknown room', async () => {
    const { roomId, bobJwt, users } = await activeCall();
    const other = await setUpCall(server.backend, 2);
    const url = `${server.backend.url}/room/${roomId}/leave`;
    expect((await postJson(url, {})).status).toBe(401);
    expect((await postJson(url, { jwt: 'not.a.jwt' })).status).toBe(401);
    expect(await beacon(url, 'not json')).toBe(401);
    const forged = createSigner({ key: 'someone-elses-secret-000000', algorithm: 'HS256' })({
      iss: TEST_JITSI_ENV.JITSI_APP_ID,
      aud: 'jitsi',
      sub: 'meet.jitsi',
      room: roomId,
      exp: Math.floor(Date.now() / 1000) + 600,
      context: { user: { id: users[1]!.id, name: 'x', moderator: true } },
    });
    expect((await postJson(url, { jwt: forged })).status).toBe(401);
    const expired = createSigner({ key: TEST_JITSI_ENV.JITSI_APP_SECRET, algorithm: 'HS256' })({
      iss: TEST_JITSI_ENV.JITSI_APP_ID,
      aud: 'jitsi',
      sub: 'meet.jitsi',
      room: roomId,
      iat: Math.floor(Date.now() / 1000) - 7200,
      exp: Math.floor(Date.now() / 1000) - 3600,
      context: { user: { id: users[1]!.id, name: 'x', moderator: false } },
    });
    expect((await postJson(url, { jwt: expired })).status).toBe(401);
    const wrongRoom = await postJson(`${server.backend.url}/room/${other.roomId}/leave`, { jwt: bobJwt });
    expect(wrongRoom.status).toBe(401);
    expect(wrongRoom.body?.error.code).toBe('unauthorized');

    const unknown = createSigner({ key: TEST_JITSI_ENV.JITSI_APP_SECRET, algorithm: 'HS256' })({
      iss: TEST_JITSI_ENV.JITSI_APP_ID,
      aud: 'jitsi',
      sub: 'meet.jitsi',
      room: 'no-such-room-x',
      exp: Math.floor(Date.now() / 1000) + 600,
      context: { user: { id: users[1]!.id, name: 'x', moderator: false } },
    });
    expect((await postJson(`${server.backend.url}/room/no-such-room-x/leave`, { jwt: unknown })).status).toBe(
      404,
    );
  });
});
