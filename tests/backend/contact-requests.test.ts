import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, emitAck, nextEvent, type TestBackend, type TestUser } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';

const settle = () => new Promise((r) => setTimeout(r, 300));

describe.each(ENGINES)('first contact from a stranger is a request, on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, {
    ...TEST_JITSI_ENV,
    RING_TIMEOUT_SECONDS: '120',
    CONTACT_REQUESTS: 'true',
  });
  let b: TestBackend;
  const tag = randomBytes(3).toString('hex');
  const user = (name: string) => b.register(`${name}${tag}`, name);

  beforeAll(async () => {
    if (skip) return;
    b = server.backend;
  });

  const openDirect = async (from: TestUser, to: TestUser) =>
    (await b.api(from.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: to.id })).body
      .id as string;
  const say = (who: TestUser, conversation: string, text: string) =>
    b.api(who.token, 'POST', `/api/v1/conversations/${conversation}/messages`, { body: text });
  const ring = async (who: TestUser, conversation: string, target?: string) => {
    const room = await b.api(who.token, 'POST', '/api/v1/rooms/create', { conversation_id: conversation });
    const socket = await b.connect(who.token);
    const payload = target
      ? { room_id: room.body.room_id, target_user_id: target }
      : { room_id: room.body.room_id };
    return emitAck(socket, 'call_invitation', payload);
  };
  const answer = (who: TestUser, from: TestUser, verdict: 'accept' | 'decline') =>
    b.api(who.token, 'POST', `/api/v1/contact-requests/${from.id}/${verdict}`);

  it.skipIf(skip)(
    'arrives as a request with the messages as preview; no calls, no presence until accepted',
    async () => {
      const [alice, bob] = [await user('alice'), await user('bob')];
      const bobSocket = await b.connect(bob.token);
      const requested = nextEvent(bobSocket, 'contact_request');
      const presence = collect(bobSocket, 'presence');
      const direct = await openDirect(alice, bob);
      expect(await requested).toMatchObject({ from: { id: alice.id }, conversation_id: direct });
      const listed = await b.api(bob.token, 'GET', '/api/v1/contact-requests');
      expect(listed.body).toMatchObject([
        { from: { id: alice.id, display_name: 'alice' }, conversation_id: direct },
      ]);

      const preview = nextEvent(bobSocket, 'message_new');
      expect((await say(alice, direct, 'hello, stranger')).status).toBe(201);
      expect(await preview).toMatchObject({ body: 'hello, stranger' });

      const rings = collect(bobSocket, 'call_invitation');
      expect(await ring(alice, direct)).toMatchObject({
        ok: false,
        error: { code: 'contact_request_pending' },
      });
      expect(await ring(bob, direct)).toMatchObject({
        ok: false,
        error: { code: 'contact_request_pending' },
      });
      await settle();
      expect(rings).toHaveLength(0);
      expect(presence.filter((p) => p.user_id === alice.id)).toHaveLength(0);

      const online = nextEvent(bobSocket, 'presence', (p) => p.user_id === alice.id && p.online);
      expect((await answer(bob, alice, 'accept')).status).toBe(204);
      await online;
      expect((await b.api(bob.token, 'GET', '/api/v1/contact-requests')).body).toEqual([]);
      const rung = nextEvent(bobSocket, 'call_invitation');
      expect(await ring(alice, direct)).toMatchObject({ ok: true });
      await rung;
    },
  );

  it.skipIf(skip)(
    'a decline is silent: the sender still gets 201 and the same call code, the recipient hears nothing',
    async () => {
      const [carol, dave] = [await user('carol'), await user('dave')];
      const daveSocket = await b.connect(dave.token);
      const direct = await openDirect(carol, dave);
      expect((await answer(dave, carol, 'decline')).status).toBe(204);
      const heard = collect(daveSocket, 'message_new');
      expect((await say(carol, direct, 'are you there?')).status).toBe(201);
      expect(await ring(carol, direct)).toMatchObject({
        ok: false,
        error: { code: 'contact_request_pending' },
      });
      await settle();
      expect(heard).toHaveLength(0);
      // Answered already: nothing left to answer, and opening the chat again does not ask anew.
      expect((await answer(dave, carol, 'accept')).body.error.code).toBe('contact_request_not_found');
      await openDirect(carol, dave);
      expect((await b.api(dave.token, 'GET', '/api/v1/contact-requests')).body).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'people who already share a conversation are no strangers; a group asks each stranger',
    async () => {
      const [erin, frank, gina] = [await user('erin'), await user('frank'), await user('gina')];
      const first = await openDirect(erin, frank);
      await answer(frank, erin, 'accept');
      const ginaSocket = await b.connect(gina.token);
      const requested = nextEvent(ginaSocket, 'contact_request');
      const group = await b.api(erin.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: 'new friends',
        member_ids: [frank.id, gina.id],
      });
      expect(await requested).toMatchObject({ from: { id: erin.id }, conversation_id: group.body.id });
      expect((await b.api(frank.token, 'GET', '/api/v1/contact-requests')).body).toEqual([]);
      expect(await ring(erin, group.body.id, gina.id)).toMatchObject({
        ok: false,
        error: { code: 'contact_request_pending' },
      });
      // Without a target the group call rings Frank (a contact) and not Gina (the request is pending).
      const frankSocket = await b.connect(frank.token);
      const ginaRings = collect(ginaSocket, 'call_invitation');
      const frankRung = nextEvent(frankSocket, 'call_invitation');
      expect(await ring(erin, group.body.id)).toMatchObject({ ok: true });
      await frankRung;
      await settle();
      expect(ginaRings).toHaveLength(0);
      await emitAck(frankSocket, 'call_invitation_response', {
        call_id: (await frankRung).call_id,
        accepted: false,
      });
      expect(await ring(erin, first)).toMatchObject({ ok: true });
    },
  );
});
