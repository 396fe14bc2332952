import { createSigner } from 'fast-jwt';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  connected,
  nextEvent,
  startBackend,
  type TestBackend,
  type TestUser,
} from '../helpers/backend.js';

const SECRET = 'realtime-test-session-secret-0123456789';

describe('Socket.IO', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({ SESSION_SECRET: SECRET });
  });
  afterAll(async () => b.close());

  /** Connects `token`, resolving with the socket and the presence snapshot it gets on arrival. */
  async function online(token: string): Promise<{ socket: Socket; snapshot: { online: string[] } }> {
    const socket = b.socket(token);
    const snapshot = nextEvent(socket, 'presence_snapshot');
    const up = connected(socket);
    socket.connect();
    await up;
    return { socket, snapshot: await snapshot };
  }

  /** The handshake error of a socket that the server refuses. */
  function refusal(socket: Socket): Promise<Error> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected although it should have been refused')));
      socket.once('connect_error', resolve);
      socket.connect();
    });
  }

  /** Resolves once the server has seen the socket go. */
  function serverSawDisconnect(socket: Socket): Promise<void> {
    const serverSide = b.app.realtime.io.of('/').sockets.get(socket.id as string);
    return new Promise((resolve) => {
      if (!serverSide) return resolve();
      serverSide.once('disconnect', () => resolve());
      socket.disconnect();
    });
  }

  const directBetween = async (a: TestUser, other: TestUser) =>
    (await b.api(a.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: other.id })).body
      .id as string;
  const send = async (a: TestUser, conversation: string, text: string) =>
    (await b.api(a.token, 'POST', `/api/v1/conversations/${conversation}/messages`, { body: text })).body;

  it("refuses a handshake without a valid token with connect_error 'unauthorized'", async () => {
    const ghost = createSigner({ key: SECRET, iss: 'peace-messenger' })({ sub: 'no-such-user' });
    const foreign = createSigner({ key: 'y'.repeat(40), iss: 'peace-messenger' })({ sub: 'whoever' });
    for (const token of [null, '', 'garbage', ghost, foreign]) {
      const err = await refusal(b.socket(token));
      expect(err.message, String(token)).toBe('unauthorized');
    }
  });

  it('delivers message_new to every device of every member, and not to others', async () => {
    const alice = await b.register('alice');
    const bob = await b.register('bob');
    const carol = await b.register('carol');
    const conversation = await directBetween(alice, bob);
    const aliceCarol = await directBetween(alice, carol);

    const devices = [
      await b.connect(alice.token),
      await b.connect(alice.token),
      await b.connect(bob.token),
      await b.connect(bob.token),
    ];
    const carolSocket = await b.connect(carol.token);
    const carolSaw = collect(carolSocket, 'message_new');

    const arrivals = devices.map((s) => nextEvent(s, 'message_new'));
    const sent = await send(alice, conversation, 'to both of your devices');
    for (const got of await Promise.all(arrivals)) expect(got).toEqual(sent);

    // Carol is a member of another conversation of Alice's only: the next message she gets is her own.
    const forCarol = nextEvent(carolSocket, 'message_new');
    const hers = await send(alice, aliceCarol, 'only for Carol');
    expect(await forCarol).toEqual(hers);
    expect(carolSaw).toEqual([hers]);
  });

  it('accepts the token in an Authorization header too', async () => {
    const dan = await b.register('dan');
    const socket = b.socket(null);
    socket.io.opts.extraHeaders = { authorization: `Bearer ${dan.token}` };
    const up = connected(socket);
    socket.connect();
    await up;
    expect(socket.connected).toBe(true);
  });

  it('tells contacts when a user comes online and when the last device goes offline', async () => {
    const pam = await b.register('pam');
    const quinn = await b.register('quinn');
    const rob = await b.register('rob');
    await directBetween(pam, quinn);

    const pamOnline = await online(pam.token);
    expect(pamOnline.snapshot).toEqual({ online: [] });
    const pamSaw = collect(pamOnline.socket, 'presence');
    const robOnline = await online(rob.token);
    const robSaw = collect(robOnline.socket, 'presence');

    const quinnUp = nextEvent(pamOnline.socket, 'presence', (p) => p.user_id === quinn.id && p.online);
    const quinn1 = await online(quinn.token);
    expect(quinn1.snapshot).toEqual({ online: [pam.id] });
    await quinnUp;
    const quinn2 = await online(quinn.token);
    expect(quinn2.snapshot).toEqual({ online: [pam.id] });

    // One device leaving is not going offline; the last one is.
    await serverSawDisconnect(quinn1.socket);
    const quinnDown = nextEvent(pamOnline.socket, 'presence', (p) => p.user_id === quinn.id && !p.online);
    quinn2.socket.disconnect();
    expect(await quinnDown).toEqual({ user_id: quinn.id, online: false });
    const aboutQuinn = pamSaw.filter((p) => p.user_id === quinn.id);
    expect(aboutQuinn.at(-1)).toEqual({ user_id: quinn.id, online: false });
    expect(aboutQuinn.filter((p) => !p.online)).toHaveLength(1);

    // Rob shares no conversation with Quinn and heard nothing about Quinn: the first presence he
    // hears is Pam's, once they become contacts (new contacts learn each other's presence at once).
    const robHearsPam = nextEvent(robOnline.socket, 'presence');
    const pamHearsRob = nextEvent(pamOnline.socket, 'presence', (p) => p.user_id === rob.id);
    await directBetween(rob, pam);
    expect(await robHearsPam).toEqual({ user_id: pam.id, online: true });
    expect(await pamHearsRob).toEqual({ user_id: rob.id, online: true });
    expect(robSaw).toEqual([{ user_id: pam.id, online: true }]);
  });

  it("moves the read marker on all of the reader's devices", async () => {
    const sue = await b.register('sue');
    const tom = await b.register('tom');
    const conversation = await directBetween(sue, tom);
    const message = await send(sue, conversation, 'read me');
    const tomElsewhere = await b.connect(tom.token);
    const cleared = nextEvent(tomElsewhere, 'conversation_read');
    await b.api(tom.token, 'POST', `/api/v1/conversations/${conversation}/read`, {});
    expect(await cleared).toEqual({
      conversation_id: conversation,
      last_read_message_id: message.id,
      unread_count: 0,
    });
  });
});
