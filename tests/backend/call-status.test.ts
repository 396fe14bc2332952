import { describe, expect, it } from 'vitest';
import type { CallSummary } from '../../contract/calls.js';
import { collect, emitAck, emitOk, nextEvent, type TestSocket, type TestUser } from '../helpers/backend.js';
import { setUpCall, statusOf, useCallBackend } from '../helpers/calls.js';

/**
 * Call status as every member sees it: the connect-time `calls_snapshot`, `call_updated` to the whole
 * conversation, busy only for a callee in another conversation's call, and one call at a time per user.
 */
describe('call status', () => {
  const server = useCallBackend();

  /** A connected socket whose `calls_snapshot` was registered before connecting (it comes at once). */
  async function connectWithSnapshot(user: TestUser): Promise<{ socket: TestSocket; calls: CallSummary[] }> {
    const socket = server.backend.socket(user.token);
    const snapshot = nextEvent(socket, 'calls_snapshot');
    socket.connect();
    return { socket, calls: (await snapshot).calls };
  }

  /** A new direct conversation of `a` and `b` with a room, as the call button makes. */
  async function directRoom(a: TestUser, b: TestUser): Promise<{ conversationId: string; roomId: string }> {
    const conv = await server.backend.api(a.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: b.id,
    });
    const room = await server.backend.api(a.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conv.body.id,
    });
    return { conversationId: conv.body.id, roomId: room.body.room_id };
  }

  it('a connecting device gets every live call of its conversations, whoever is in it', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = users;
    const [aliceSocket, bobSocket, carolSocket] = sockets;
    const rung = [nextEvent(bobSocket!, 'call_invitation'), nextEvent(carolSocket!, 'call_invitation')];
    const { call_id } = await emitOk(aliceSocket!, 'call_invitation', { room_id: roomId });
    await Promise.all(rung);

    // Alice reloads mid-ring: the new page knows her outgoing call and may cancel it.
    const ringing = await connectWithSnapshot(alice!);
    expect(ringing.calls).toEqual([
      {
        call_id,
        room_id: roomId,
        conversation_id: conversationId,
        caller_id: alice!.id,
        state: 'ringing',
        participants: [
          { user_id: alice!.id, status: 'accepted' },
          { user_id: bob!.id, status: 'ringing' },
          { user_id: carol!.id, status: 'ringing' },
        ],
        ringing_until: expect.any(String),
        started_at: null,
      },
    ]);

    // Bob accepts, Carol declines: Carol (not in the call) still hears of it, as does her new device.
    const carolSeesActive = nextEvent(carolSocket!, 'call_updated', (c) => c.state === 'active');
    await emitAck(bobSocket!, 'call_invitation_response', { call_id, accepted: true });
    expect(await carolSeesActive).toMatchObject({ call_id, started_at: expect.any(String) });
    const carolSeesDecline = nextEvent(
      carolSocket!,
      'call_updated',
      (c) => statusOf(c, carol!.id) === 'declined',
    );
    await emitAck(carolSocket!, 'call_invitation_response', { call_id, accepted: false });
    await carolSeesDecline;
    const carolPhone = await connectWithSnapshot(carol!);
    expect(carolPhone.calls).toHaveLength(1);
    expect(carolPhone.calls[0]).toMatchObject({ call_id, state: 'active', started_at: expect.any(String) });
    expect(statusOf(carolPhone.calls[0], carol!.id)).toBe('declined');

    // An outsider hears nothing of it.
    const outsider = await server.backend.register(`out${Date.now()}`);
    expect((await connectWithSnapshot(outsider)).calls).toEqual([]);

    // The call ends: every member hears `call_updated` with its end state, and nothing is live any more.
    const ended = nextEvent(carolPhone.socket, 'call_updated', (c) => c.state === 'ended');
    await emitAck(bobSocket!, 'call_leave', { call_id });
    await emitAck(aliceSocket!, 'call_leave', { call_id });
    expect((await ended).call_id).toBe(call_id);
    expect((await connectWithSnapshot(carol!)).calls).toEqual([]);
  });

  it('the cancel from a reloaded caller stops the ring for the callee', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    sockets[0]!.disconnect();
    const reloaded = await connectWithSnapshot(users[0]!);
    expect(reloaded.calls.map((c) => c.call_id)).toEqual([call_id]);
    const stopped = nextEvent(sockets[1]!, 'call_state', (s) => s.state === 'cancelled');
    expect(await emitAck(reloaded.socket, 'call_cancel', { call_id })).toEqual({ ok: true, call_id });
    await stopped;
  });

  it('calling in a conversation whose call is live is refused as call_in_progress, never busy', async () => {
    const { users, sockets, roomId, conversationId } = await setUpCall(server.backend, 2);
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id, accepted: true });
    // The call button makes a fresh room each time: the rule is per conversation, not per room.
    const freshRoom = await server.backend.api(users[0]!.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
    });
    const messages = collect(sockets[1]!, 'message_new');
    for (const socket of [sockets[0]!, sockets[1]!]) {
      expect(await emitAck(socket, 'call_invitation', { room_id: freshRoom.body.room_id })).toMatchObject({
        ok: false,
        error: { code: 'call_in_progress' },
      });
    }
    // Still one call, both still in it, and no "busy" entry.
    const snapshot = await connectWithSnapshot(users[1]!);
    expect(snapshot.calls.map((c) => [c.call_id, c.participants.map((p) => p.status)])).toEqual([
      [call_id, ['accepted', 'accepted']],
    ]);
    expect(messages).toEqual([]);
  });

  it('a group rings the free members; those in another call are busy one by one', async () => {
    const group = await setUpCall(server.backend, 3);
    const [alice, bob, carol] = group.users;
    // Bob is in a call with Dave elsewhere.
    const dave = await server.backend.register(`dave${Date.now()}`);
    const daveSocket = await server.backend.connect(dave.token);
    const other = await directRoom(dave, bob!);
    const bobRung = nextEvent(group.sockets[1]!, 'call_invitation');
    const first = await emitOk(daveSocket, 'call_invitation', { room_id: other.roomId });
    await bobRung;
    await emitAck(group.sockets[1]!, 'call_invitation_response', { call_id: first.call_id, accepted: true });

    const carolRung = nextEvent(group.sockets[2]!, 'call_invitation');
    const state = nextEvent(group.sockets[0]!, 'call_state');
    const ack = await emitOk(group.sockets[0]!, 'call_invitation', { room_id: group.roomId });
    expect((await carolRung).call_id).toBe(ack.call_id);
    expect(await state).toMatchObject({
      state: 'ringing',
      participants: [
        { user_id: alice!.id, status: 'accepted' },
        { user_id: bob!.id, status: 'busy' },
        { user_id: carol!.id, status: 'ringing' },
      ],
    });
    await emitAck(group.sockets[0]!, 'call_cancel', { call_id: ack.call_id });

    // With every member elsewhere, a group call is refused: no call, no "busy" entry in the group.
    const carolElsewhere = await directRoom(dave, carol!);
    const carolRungAgain = nextEvent(group.sockets[2]!, 'call_invitation');
    const third = await emitOk(daveSocket, 'call_invitation', { room_id: carolElsewhere.roomId });
    await carolRungAgain;
    const joined = await server.backend.api(
      carol!.token,
      'POST',
      `/api/v1/rooms/${carolElsewhere.roomId}/join`,
    );
    expect(joined.status).toBe(200);
    const groupMessages = collect(group.sockets[1]!, 'message_new');
    const refused = await emitAck(group.sockets[0]!, 'call_invitation', { room_id: group.roomId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'everyone_busy' } });
    const history = await server.backend.call(alice!.token, 'GET /conversations/:id/messages', {
      params: { id: group.conversationId },
      query: { limit: 50 },
    });
    expect(history.body.map((m) => m.call?.outcome)).toEqual(['cancelled']);
    expect(groupMessages.filter((m) => m.conversation_id === group.conversationId)).toEqual([]);
    await emitAck(daveSocket, 'call_leave', { call_id: third.call_id });
  });

  it('one call at a time: accepting or joining another call leaves the first, recorded by the server', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 2);
    const [alice, bob] = users;
    // Alice and Carol both call Bob; he accepts Alice's while Carol's still rings.
    const carol = await server.backend.register(`carol${Date.now()}`);
    const carolSocket = await server.backend.connect(carol.token);
    const second = await directRoom(carol, bob!);
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const first = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    const bobRung = nextEvent(sockets[1]!, 'call_invitation');
    const call2 = await emitOk(carolSocket, 'call_invitation', { room_id: second.roomId });
    await bobRung;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id: first.call_id, accepted: true });

    // He then accepts Carol's (after confirming in the app): he leaves the call with Alice, which goes on
    // with Alice alone until she leaves.
    const bobLeft = nextEvent(sockets[0]!, 'call_updated', (c) => statusOf(c, bob!.id) === 'left');
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id: call2.call_id, accepted: true });
    expect(await bobLeft).toMatchObject({ call_id: first.call_id, state: 'active' });
    expect(statusOf(await bobLeft, alice!.id)).toBe('accepted');

    // Alice joins Bob and Carol's call? She is no member: refused, and her own call is untouched.
    expect(
      (await server.backend.api(alice!.token, 'POST', `/api/v1/rooms/${second.roomId}/join`)).status,
    ).toBe(403);
    // Bob goes back to the first call by joining its room: he leaves the call with Carol.
    const bobLeftSecond = nextEvent(
      carolSocket,
      'call_updated',
      (c) => c.call_id === call2.call_id && statusOf(c, bob!.id) === 'left',
    );
    expect((await server.backend.api(bob!.token, 'POST', `/api/v1/rooms/${roomId}/join`)).status).toBe(200);
    await bobLeftSecond;
    const back = await connectWithSnapshot(bob!);
    const statuses = Object.fromEntries(back.calls.map((c) => [c.call_id, statusOf(c, bob!.id)]));
    expect(statuses).toEqual({ [first.call_id]: 'accepted', [call2.call_id]: 'left' });
    await emitAck(carolSocket, 'call_leave', { call_id: call2.call_id });
    await emitAck(sockets[1]!, 'call_leave', { call_id: first.call_id });
    await emitAck(sockets[0]!, 'call_leave', { call_id: first.call_id });
  });

  it('a new conversation reaches every member at once, before any message', async () => {
    const [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((n) => server.backend.register(`${n}new${Date.now()}`)),
    );
    const carolSocket = await server.backend.connect(carol!.token);
    const bobSocket = await server.backend.connect(bob!.token);
    const seen = [nextEvent(carolSocket, 'conversation_new'), nextEvent(bobSocket, 'conversation_new')];
    const group = await server.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Fresh',
      member_ids: [bob!.id, carol!.id],
    });
    const [forCarol, forBob] = await Promise.all(seen);
    expect(forCarol).toEqual(group.body);
    expect(forBob).toEqual(group.body);
    // A direct conversation opened a second time is not new.
    const direct = nextEvent(carolSocket, 'conversation_new');
    await server.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: carol!.id,
    });
    expect((await direct).type).toBe('direct');
    const again = collect(carolSocket, 'conversation_new');
    await server.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: carol!.id,
    });
    const ping = nextEvent(carolSocket, 'message_new');
    await server.backend.api(alice!.token, 'POST', `/api/v1/conversations/${group.body.id}/messages`, {
      body: 'hi',
    });
    await ping;
    expect(again).toEqual([]);
  });
});
