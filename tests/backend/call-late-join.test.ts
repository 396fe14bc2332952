import { describe, expect, it } from 'vitest';
import { emitAck, emitOk, nextEvent } from '../helpers/backend.js';
import { setUpCall, statusOf, useCallBackend } from '../helpers/calls.js';

/** Joining an ongoing call's room through `POST /rooms/{room_id}/join` makes a member a participant. */
describe('joining an ongoing call via /join', () => {
  const server = useCallBackend();

  it('a member who declined joins later: accepted for everyone, and the call lasts until they leave', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobSocket, carolSocket] = sockets;
    const rung = [nextEvent(bobSocket!, 'call_invitation'), nextEvent(carolSocket!, 'call_invitation')];
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await Promise.all(rung);
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    const carolDeclined = nextEvent(aliceSocket!, 'call_state', (s) => statusOf(s, carol!.id) === 'declined');
    await emitAck(carolSocket!, 'call_invitation_response', { call_id, accepted: false });
    expect((await carolDeclined).state).toBe('active');

    // Carol changes her mind and joins from the conversation ("join the ongoing call").
    const joinedSeen = sockets.map((s) =>
      nextEvent(s, 'call_state', (st) => st.call_id === call_id && statusOf(st, carol!.id) === 'accepted'),
    );
    const join = await server.backend.api(carol!.token, 'POST', `/api/v1/rooms/${roomId}/join`);
    expect(join.status).toBe(200);
    expect(join.body.jitsi_token).toEqual(expect.any(String));
    const [forAlice, forBob, forCarol] = await Promise.all(joinedSeen);
    expect(forCarol).toEqual({
      call_id,
      room_id: roomId,
      conversation_id: conversationId,
      caller_id: alice!.id,
      state: 'active',
      participants: [
        { user_id: alice!.id, status: 'accepted' },
        { user_id: bob!.id, status: 'accepted' },
        { user_id: carol!.id, status: 'accepted' },
      ],
      reason: 'joined',
    });
    expect(forAlice).toEqual(forCarol);
    expect(forBob).toEqual(forCarol);
    // Joining again (a reload of the room page) changes nothing and still answers a token.
    expect((await server.backend.api(carol!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);

    // Bob and Alice hang up: Carol is still talking, so the call goes on.
    await emitAck(bobSocket!, 'call_leave', { call_id });
    const aliceLeft = nextEvent(carolSocket!, 'call_state', (s) => statusOf(s, alice!.id) === 'left');
    expect(await emitAck(aliceSocket!, 'call_leave', { call_id })).toEqual({ ok: true, call_id });
    const stillOn = await aliceLeft;
    expect(stillOn.state).toBe('active');
    expect(stillOn.participants).toEqual([
      { user_id: alice!.id, status: 'left' },
      { user_id: bob!.id, status: 'left' },
      { user_id: carol!.id, status: 'accepted' },
    ]);

    // Her leaving is no longer a no-op: it ends the call, recorded once.
    const ended = nextEvent(aliceSocket!, 'call_state', (s) => s.call_id === call_id && s.state === 'ended');
    const message = nextEvent(aliceSocket!, 'message_new', (m) => m.kind === 'call');
    expect(await emitAck(carolSocket!, 'call_leave', { call_id })).toEqual({ ok: true, call_id });
    expect((await ended).participants.map((p) => p.status)).toEqual(['left', 'left', 'left']);
    expect((await message).call).toMatchObject({ call_id, outcome: 'ended' });
    const history = await server.backend.call(bob!.token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    const records = history.body.filter((m) => m.kind === 'call');
    expect(records).toHaveLength(1);
    expect(records[0]?.call).toMatchObject({
      call_id,
      outcome: 'ended',
      duration_seconds: expect.any(Number),
    });
  });

  it('a ringing invitee who joins has accepted: the caller hears it, their other device stops ringing', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobSocket, carolSocket] = sockets;
    const bobPhone = await server.backend.connect(bob!.token);
    const rung = [nextEvent(bobPhone, 'call_invitation'), nextEvent(carolSocket!, 'call_invitation')];
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await Promise.all(rung);

    const response = nextEvent(aliceSocket!, 'call_invitation_response');
    const phoneStops = nextEvent(
      bobPhone,
      'call_state',
      (s) => s.call_id === call_id && s.state !== 'ringing',
    );
    // Bob opens the room from a deep link on his desktop instead of answering the ring.
    expect((await server.backend.api(bob!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    expect(await response).toEqual({ call_id, user_id: bob!.id, accepted: true });
    const state = await phoneStops;
    expect(state.state).toBe('active');
    expect(statusOf(state, bob!.id)).toBe('accepted');
    expect(statusOf(state, carol!.id)).toBe('ringing');
    // First answer wins: the phone's late answer is refused.
    expect(await emitAck(bobPhone, 'call_invitation_response', { call_id, accepted: false })).toMatchObject({
      ok: false,
      error: { code: 'call_not_ringing' },
    });
    expect(await emitAck(bobSocket!, 'call_leave', { call_id })).toEqual({ ok: true, call_id });
    const ended = nextEvent(aliceSocket!, 'call_state', (s) => s.state === 'ended');
    await emitAck(aliceSocket!, 'call_leave', { call_id });
    expect(statusOf(await ended, alice!.id)).toBe('left');
    bobPhone.disconnect();
  });

  it('a member who was not rung (a 1:1 call inside a group) joins as a participant', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobSocket] = sockets;
    const rung = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', {
      room_id: roomId,
      target_user_id: bob!.id,
    });
    await rung;
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    const carolIn = nextEvent(aliceSocket!, 'call_state', (s) => statusOf(s, carol!.id) === 'accepted');
    expect((await server.backend.api(carol!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    expect((await carolIn).participants).toEqual([
      { user_id: alice!.id, status: 'accepted' },
      { user_id: bob!.id, status: 'accepted' },
      { user_id: carol!.id, status: 'accepted' },
    ]);
    for (const s of sockets)
      expect(await emitAck(s, 'call_leave', { call_id })).toEqual({ ok: true, call_id });
  });

  it('joining a room with no live call starts nothing: the next call rings as usual', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 3);
    const [, , carol] = users;
    const [aliceSocket, bobSocket] = sockets;
    expect((await server.backend.api(carol!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    // Had the join created a call, this would be `call_in_progress`.
    const rung = nextEvent(bobSocket!, 'call_invitation');
    const first = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await rung;
    const cancelled = nextEvent(bobSocket!, 'call_state', (s) => s.state === 'cancelled');
    await emitAck(aliceSocket!, 'call_cancel', { call_id: first.call_id });
    await cancelled;

    // Nor does a join after the call ended revive it.
    expect((await server.backend.api(carol!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    const second = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    expect(second).toEqual({ ok: true, call_id: expect.any(String) });
    expect(second.call_id).not.toBe(first.call_id);
    await emitAck(aliceSocket!, 'call_cancel', { call_id: second.call_id });
    const history = await server.backend.call(carol!.token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    expect(history.body.filter((m) => m.kind === 'call').map((m) => m.call?.outcome)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });
});
