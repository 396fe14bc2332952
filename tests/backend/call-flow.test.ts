import { describe, expect, it } from 'vitest';
import { collect, emitAck, emitOk, emitRaw, nextEvent } from '../helpers/backend.js';
import { setUpCall, useCallBackend } from '../helpers/calls.js';

/** A long ring timeout: nothing in these tests may time out on its own. */
describe('calls over Socket.IO', () => {
  const server = useCallBackend();

  it('1:1: rings the callee, accept makes it active, leaving ends it with an `ended` message', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 2);
    const [alice, bob] = users;
    const [aliceSocket, bobSocket] = sockets;
    const invitation = nextEvent(bobSocket!, 'call_invitation');
    const sent = nextEvent(aliceSocket!, 'call_invitation_sent');
    const ack = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId, target_user_id: bob!.id });
    expect(ack).toEqual({ ok: true, call_id: expect.any(String) });
    const callId = ack.call_id;
    const inv = await invitation;
    expect(inv).toEqual({
      call_id: callId,
      room_id: roomId,
      conversation_id: conversationId,
      from: { id: alice!.id, display_name: alice!.display_name },
      ringing_until: expect.any(String),
    });
    expect(Date.parse(inv.ringing_until)).toBeGreaterThan(Date.now());
    expect(await sent).toEqual({
      call_id: callId,
      room_id: roomId,
      invitees: [bob!.id],
      ringing_until: inv.ringing_until,
    });

    const response = nextEvent(aliceSocket!, 'call_invitation_response');
    const active = nextEvent(aliceSocket!, 'call_state', (s) => s.state === 'active');
    expect(
      await emitAck(bobSocket!, 'call_invitation_response', { call_id: callId, accepted: true }),
    ).toEqual({
      ok: true,
      call_id: callId,
    });
    expect(await response).toEqual({ call_id: callId, user_id: bob!.id, accepted: true });
    expect(await active).toEqual({
      call_id: callId,
      room_id: roomId,
      conversation_id: conversationId,
      caller_id: alice!.id,
      state: 'active',
      participants: [
        { user_id: alice!.id, status: 'accepted' },
        { user_id: bob!.id, status: 'accepted' },
      ],
      reason: 'accepted',
    });

    // Both may now join the room; the caller is the moderator.
    const join = await server.backend.api(bob!.token, 'POST', `/api/v1/rooms/${roomId}/join`);
    const claims = JSON.parse(Buffer.from(join.body.jitsi_token.split('.')[1], 'base64url').toString());
    expect(claims.context.user.moderator).toBe(false);

    await emitAck(bobSocket!, 'call_leave', { call_id: callId });
    const ended = nextEvent(bobSocket!, 'call_state', (s) => s.state === 'ended');
    const message = nextEvent(bobSocket!, 'message_new', (m) => m.kind === 'call');
    expect(await emitAck(aliceSocket!, 'call_leave', { call_id: callId })).toEqual({
      ok: true,
      call_id: callId,
    });
    expect((await ended).participants).toEqual([
      { user_id: alice!.id, status: 'left' },
      { user_id: bob!.id, status: 'left' },
    ]);
    const m = await message;
    expect(m).toMatchObject({
      conversation_id: conversationId,
      sender_id: alice!.id,
      kind: 'call',
      call: { call_id: callId, outcome: 'ended', duration_seconds: expect.any(Number) },
    });
    const history = await server.backend.call(bob!.token, 'GET /conversations/:id/messages', {
      params: { id: conversationId },
      query: { limit: 50 },
    });
    expect(history.body.filter((x) => x.kind === 'call')).toHaveLength(1);
  });

  it('decline ends a 1:1 call as declined, stored as a `declined` message', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const [aliceSocket, bobSocket] = sockets;
    const invitation = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await invitation;
    const response = nextEvent(aliceSocket!, 'call_invitation_response');
    const state = nextEvent(aliceSocket!, 'call_state', (s) => s.state !== 'ringing');
    const message = nextEvent(aliceSocket!, 'message_new');
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: false });
    expect(await response).toEqual({ call_id, user_id: users[1]!.id, accepted: false });
    expect(await state).toMatchObject({ state: 'declined', reason: 'declined' });
    expect((await message).call).toEqual({ call_id, outcome: 'declined' });
    // Answering again is refused cleanly.
    expect(await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true })).toMatchObject({
      ok: false,
      error: { code: 'call_not_ringing' },
    });
  });

  it('cancel by the caller stops the ringing; the callee cannot cancel', async () => {
    const { sockets, roomId } = await setUpCall(server.backend, 2);
    const [aliceSocket, bobSocket] = sockets;
    const invitation = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await invitation;
    expect(await emitAck(bobSocket!, 'call_cancel', { call_id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const stopped = nextEvent(bobSocket!, 'call_state', (s) => s.state === 'cancelled');
    const message = nextEvent(bobSocket!, 'message_new');
    expect(await emitAck(aliceSocket!, 'call_cancel', { call_id })).toEqual({ ok: true, call_id });
    expect(await stopped).toMatchObject({ call_id, state: 'cancelled' });
    expect((await message).call).toEqual({ call_id, outcome: 'cancelled' });
    expect(await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true })).toMatchObject({
      ok: false,
      error: { code: 'call_not_ringing' },
    });
  });

  it('busy: an invitee already in an active call answers busy at once, without ringing', async () => {
    const first = await setUpCall(server.backend, 2);
    const [aliceSocket, bobSocket] = first.sockets;
    const bob = first.users[1]!;
    const inv = nextEvent(bobSocket!, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: first.roomId });
    await inv;
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });

    // Carol calls Bob while he is talking to Alice.
    const carol = await server.backend.register(`carol${Date.now()}`);
    const carolSocket = await server.backend.connect(carol.token);
    const conv = await server.backend.api(carol.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const room = await server.backend.api(carol.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conv.body.id,
    });
    const bobInvitations = collect(bobSocket!, 'call_invitation');
    const busy = nextEvent(carolSocket, 'call_state');
    const message = nextEvent(carolSocket, 'message_new');
    const ack = await emitOk(carolSocket, 'call_invitation', { room_id: room.body.room_id });
    expect(await busy).toMatchObject({
      call_id: ack.call_id,
      state: 'busy',
      participants: [
        { user_id: carol.id, status: 'accepted' },
        { user_id: bob.id, status: 'busy' },
      ],
    });
    expect((await message).call).toEqual({ call_id: ack.call_id, outcome: 'busy' });
    expect(bobInvitations).toEqual([]);
  });

  it('group: one accept, one decline; the call stays active until the last one leaves', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobSocket, carolSocket] = sockets;
    const bobInv = nextEvent(bobSocket!, 'call_invitation');
    const carolInv = nextEvent(carolSocket!, 'call_invitation');
    const sent = nextEvent(aliceSocket!, 'call_invitation_sent');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    expect((await bobInv).conversation_id).toBe(conversationId);
    expect((await carolInv).call_id).toBe(call_id);
    expect((await sent).invitees.sort()).toEqual([bob!.id, carol!.id].sort());

    const carolSeesBob = nextEvent(carolSocket!, 'call_invitation_response');
    const active = nextEvent(aliceSocket!, 'call_state', (s) => s.state === 'active');
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    expect(await carolSeesBob).toEqual({ call_id, user_id: bob!.id, accepted: true });
    await active;
    const declined = nextEvent(aliceSocket!, 'call_state', (s) =>
      s.participants.some((p) => p.user_id === carol!.id && p.status === 'declined'),
    );
    await emitAck(carolSocket!, 'call_invitation_response', { call_id, accepted: false });
    expect((await declined).state).toBe('active');

    const stillActive = nextEvent(bobSocket!, 'call_state', (s) =>
      s.participants.some((p) => p.user_id === alice!.id && p.status === 'left'),
    );
    await emitAck(aliceSocket!, 'call_leave', { call_id });
    expect((await stillActive).state).toBe('active');
    const ended = nextEvent(carolSocket!, 'call_state', (s) => s.state === 'ended');
    const message = nextEvent(carolSocket!, 'message_new');
    await emitAck(bobSocket!, 'call_leave', { call_id });
    await ended;
    expect((await message).call).toMatchObject({ call_id, outcome: 'ended' });
  });

  it('two devices of the callee: one answers, the other stops ringing; a late answer is refused', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const bob = users[1]!;
    const [aliceSocket, bobDesktop] = sockets;
    const bobLaptop = await server.backend.connect(bob.token);
    const desktopRings = nextEvent(bobDesktop!, 'call_invitation');
    const laptopRings = nextEvent(bobLaptop, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await Promise.all([desktopRings, laptopRings]);
    const laptopStops = nextEvent(bobLaptop, 'call_state', (s) => s.state === 'active');
    await emitAck(bobDesktop!, 'call_invitation_response', { call_id, accepted: true });
    const state = await laptopStops;
    expect(state.participants).toContainEqual({ user_id: bob.id, status: 'accepted' });
    expect(await emitAck(bobLaptop, 'call_invitation_response', { call_id, accepted: false })).toMatchObject({
      ok: false,
      error: { code: 'call_not_ringing' },
    });
  });

  it('first answer wins when two devices answer at the same moment', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const [aliceSocket, bobDesktop] = sockets;
    const bobLaptop = await server.backend.connect(users[1]!.token);
    const ring = nextEvent(bobLaptop, 'call_invitation');
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await ring;
    const answers = await Promise.all([
      emitAck(bobDesktop!, 'call_invitation_response', { call_id, accepted: true }),
      emitAck(bobLaptop, 'call_invitation_response', { call_id, accepted: false }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'call_not_ringing' } });
  });

  it('a device that connects while the call rings gets the invitation at once', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const bob = users[1]!;
    sockets[1]!.disconnect();
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    // Like the app, listen before connecting: the invitation may arrive together with the handshake.
    const late = server.backend.socket(bob.token);
    const invited = nextEvent(late, 'call_invitation', (i) => i.call_id === call_id);
    late.connect();
    const invitation = await invited;
    expect(invitation).toMatchObject({ call_id, room_id: roomId, from: { id: users[0]!.id } });
    // And it can answer from there.
    expect(await emitAck(late, 'call_invitation_response', { call_id, accepted: true })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an outsider at join and at every event', async () => {
    const { sockets, roomId } = await setUpCall(server.backend, 2);
    const eve = await server.backend.register(`eve${Date.now()}`);
    const eveSocket = await server.backend.connect(eve.token);
    expect((await server.backend.api(eve.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(403);
    expect(await emitAck(eveSocket, 'call_invitation', { room_id: roomId })).toMatchObject({
      ok: false,
      error: { code: 'not_a_member' },
    });
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    for (const [event, payload] of [
      ['call_invitation_response', { call_id, accepted: true }],
      ['call_cancel', { call_id }],
      ['call_leave', { call_id }],
    ] as const) {
      expect(await emitAck(eveSocket, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'not_a_participant' },
      });
    }
    // Her refusals changed nothing: the call still rings.
    const stateSeen = nextEvent(sockets[0]!, 'call_state');
    await emitAck(sockets[0]!, 'call_cancel', { call_id });
    expect((await stateSeen).state).toBe('cancelled');
  });

  it('moderator goes to whoever started the live call, not to the room creator', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const moderatorFlag = async (i: number) => {
      const join = await server.backend.api(users[i]!.token, 'POST', `/api/v1/rooms/${roomId}/join`);
      return JSON.parse(Buffer.from(join.body.jitsi_token.split('.')[1], 'base64url').toString()).context.user
        .moderator;
    };
    // No call yet: the room's creator (user 0) moderates.
    expect([await moderatorFlag(0), await moderatorFlag(1)]).toEqual([true, false]);
    const ring = nextEvent(sockets[0]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[1]!, 'call_invitation', { room_id: roomId });
    await ring;
    expect([await moderatorFlag(0), await moderatorFlag(1)]).toEqual([false, true]);
    // User 0 entered the room while it rang for them: that answered it, so both hang up.
    for (const s of sockets) expect(await emitAck(s, 'call_leave', { call_id })).toMatchObject({ ok: true });
  });

  it('a device that connects during a call hears its state; a new call leaves the old one', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const [alice, bob] = users;
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id, accepted: true });

    // Alice reloads her app mid-call: the new socket learns it is in an active call.
    const reloaded = server.backend.socket(alice!.token);
    const sync = nextEvent(reloaded, 'call_state');
    reloaded.connect();
    expect(await sync).toMatchObject({ call_id, state: 'active', reason: 'sync' });

    // Her call window died unnoticed; she calls Carol. The old call lets her go; Bob is still in it.
    const carol = await server.backend.register(`carol${Date.now()}`);
    const conv = await server.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: carol.id,
    });
    const room = await server.backend.api(alice!.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conv.body.id,
    });
    const aliceLeft = nextEvent(sockets[1]!, 'call_state', (st) =>
      st.participants.some((p) => p.user_id === alice!.id && p.status === 'left'),
    );
    const second = await emitOk(sockets[0]!, 'call_invitation', { room_id: room.body.room_id });
    expect(await aliceLeft).toMatchObject({ call_id, state: 'active' });
    expect((await server.backend.api(bob!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    await emitAck(sockets[0]!, 'call_cancel', { call_id: second.call_id });
    await emitAck(sockets[1]!, 'call_leave', { call_id });
  });

  it('calling again in a room whose call only the caller is still in starts a fresh call', async () => {
    const { sockets, roomId } = await setUpCall(server.backend, 2);
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const first = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id: first.call_id, accepted: true });
    // While Bob is in it, the room's call is in progress: join it rather than ring again.
    expect(await emitAck(sockets[0]!, 'call_invitation', { room_id: roomId })).toMatchObject({
      ok: false,
      error: { code: 'call_in_progress' },
    });
    await emitAck(sockets[1]!, 'call_leave', { call_id: first.call_id });
    // Bob left; Alice's window died without a word. Calling again ends the old call and rings anew.
    const ended = nextEvent(
      sockets[1]!,
      'call_state',
      (st) => st.call_id === first.call_id && st.state === 'ended',
    );
    const ringAgain = nextEvent(sockets[1]!, 'call_invitation');
    const second = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    expect(second.call_id).not.toBe(first.call_id);
    await ended;
    expect((await ringAgain).call_id).toBe(second.call_id);
    await emitAck(sockets[0]!, 'call_cancel', { call_id: second.call_id });
  });

  it('checks every payload and refuses unknown calls and rooms with clear codes', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const s = sockets[0]!;
    for (const [event, payload] of [
      ['call_invitation', {}],
      ['call_invitation', { room_id: 42 }],
      ['call_invitation', 'nope'],
      ['call_invitation_response', { call_id: 'x' }],
      ['call_invitation_response', { call_id: 'x', accepted: 'yes' }],
      ['call_cancel', { call_id: '' }],
      ['call_leave', null],
    ] as const) {
      expect(await emitRaw(s, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(await emitAck(s, 'call_invitation', { room_id: 'no-such-room-1' })).toMatchObject({
      ok: false,
      error: { code: 'room_not_found' },
    });
    expect(await emitAck(s, 'call_leave', { call_id: 'unknown-call' })).toMatchObject({
      ok: false,
      error: { code: 'call_not_found' },
    });
    expect(
      await emitAck(s, 'call_invitation', { room_id: roomId, target_user_id: users[0]!.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_target' },
    });
  });
});
