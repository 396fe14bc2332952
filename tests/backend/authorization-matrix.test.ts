import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitRaw, startBackend, type TestBackend } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { type Fixture, makeFixture, routeRows, socketEventRows } from '../helpers/route-rows.js';
import { servedRoutes } from '../helpers/served-routes.js';

const SECRET = 'authorization-matrix-secret-0123456789';

/** Static files of the built web client: public by nature, and only there once it is built. */
const isStaticFile = (route: string) => /^GET \/(?!api\/)(.*\/)?[^/]+\.[a-z0-9]+$/.test(route);

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string; sid: string };

describe('authorization matrix: every route and socket event against every kind of bad credential', () => {
  let b: TestBackend;
  let f: Fixture;
  /** Credentials that must never pass, by name. */
  let badTokens: Record<string, string>;

  beforeAll(async () => {
    b = await startBackend({ ...TEST_JITSI_ENV, SESSION_SECRET: SECRET });
    f = await makeFixture(b);
    const alice = f.alice;
    const { sid } = claimsOf(alice.token);
    const claims = { iss: 'peace-messenger', aud: 'peace-messenger/api' };
    const second = await b.api(null, 'POST', '/api/v1/auth/login', {
      username: 'alice',
      password: 'pw-alice-secret',
    });
    await b.api(second.body.access_token, 'POST', '/api/v1/auth/logout');
    badTokens = {
      garbage: 'not-a-token',
      'alg none': createSigner({ algorithm: 'none', ...claims, expiresIn: 60_000 })({ sub: alice.id, sid }),
      expired: createSigner({ key: SECRET, ...claims, expiresIn: 1000, clockTimestamp: Date.now() - 60_000 })(
        {
          sub: alice.id,
          sid,
        },
      ),
      'wrong key': createSigner({ key: `${SECRET}-other`, ...claims, expiresIn: 60_000 })({
        sub: alice.id,
        sid,
      }),
      revoked: second.body.access_token,
      'Jitsi token': f.jitsiToken,
    };
  });
  afterAll(async () => b?.close());

  it('has a row for every served route and socket event, and no row for anything not served', async () => {
    const served = servedRoutes(b.app).filter((route) => !isStaticFile(route));
    expect(served.sort()).toEqual(Object.keys(routeRows).sort());

    const [serverSocket] = b.app.realtime.io.of('/').sockets.values();
    // `disconnect` and `error` are Socket.IO's own, not events a client sends.
    const events = serverSocket!.eventNames().filter((name) => name !== 'disconnect' && name !== 'error');
    expect(events.map(String).sort()).toEqual(Object.keys(socketEventRows).sort());
  });

  /** The status `route`'s row request gets with `token` (pages answer HTML, so only the status is read). */
  const send = async (route: string, token: string | null) => {
    const [method] = route.split(' ');
    const { path, body, raw } = routeRows[route]!.request(f);
    const headers: Record<string, string> = { ...raw?.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = raw ? new Uint8Array(raw.bytes) : body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(b.url + path, { method, headers, body: payload });
    await res.arrayBuffer();
    return res.status;
  };

  it('answers public routes without credentials and refuses every bad credential on the others', async () => {
    for (const [route, row] of Object.entries(routeRows)) {
      if (row.access === 'public') {
        // Once: a refresh token is good for one exchange.
        const status = await send(route, null);
        expect(status, route).toBeLessThan(500);
        expect([401, 403], route).not.toContain(status);
        continue;
      }
      // The Jitsi-token route has its own test below: its credential is in the body, not the header.
      if (row.access === 'jitsi') continue;
      expect(await send(route, null), `${route}: no token`).toBe(401);
      for (const [kind, token] of Object.entries(badTokens)) {
        expect(await send(route, token), `${route}: ${kind}`).toBe(401);
      }
    }
  });

  it('refuses a signed-in outsider on every conversation and room route', async () => {
    for (const [route, row] of Object.entries(routeRows)) {
      if (row.access !== 'member') continue;
      expect([403, 404], route).toContain(await send(route, f.carol.token));
    }
  });

  it('accepts a member (the control: each refusal above is about who asks, not what)', async () => {
    for (const [route, row] of Object.entries(routeRows)) {
      if (row.access === 'public' || row.access === 'jitsi') continue;
      let token = f.alice.token;
      if (row.ownAccount) {
        const name = `tmp${Math.random().toString(36).slice(2, 10)}`;
        const reg = await b.api(null, 'POST', '/api/v1/auth/register', {
          username: name,
          password: 'throwaway-password',
          display_name: 'Temp',
        });
        token = reg.body.access_token;
      }
      const status = await send(route, token);
      if (row.controlStatus) expect(status, route).toBe(row.controlStatus);
      else expect(status, route).toBeLessThan(300);
    }
  });

  it('ends a call only with the Jitsi token of that room, never with an access token', async () => {
    const leave = (roomId: string, jwt: string) => b.api(null, 'POST', `/room/${roomId}/leave`, { jwt });
    expect((await leave(f.roomId, f.alice.token)).status).toBe(401);
    expect((await leave(f.otherRoomId, f.jitsiToken)).status).toBe(401);
    for (const [kind, token] of Object.entries(badTokens)) {
      if (kind !== 'Jitsi token') expect((await leave(f.roomId, token)).status, kind).toBe(401);
    }
    expect((await leave(f.roomId, f.jitsiToken)).status).toBe(204);
  });

  it('refuses a socket for every bad credential', async () => {
    for (const [kind, token] of Object.entries(badTokens)) {
      // An expired token is told apart so the client knows a refresh can help; the rest are just refused.
      await expect(b.connect(token), kind).rejects.toThrow(
        kind === 'expired' ? 'token_expired' : 'unauthorized',
      );
    }
  });

  it("refuses every socket event on another user's conversation, room or call", async () => {
    const outsider = await b.connect(f.carol.token);
    for (const [event, payload] of Object.entries(socketEventRows)) {
      const ack = await emitRaw(outsider, event, payload(f));
      expect(ack.ok, event).toBe(false);
      // A valid payload: the refusal is about who sent it.
      expect(['invalid_payload', 'internal_error'], event).not.toContain(ack.ok ? undefined : ack.error.code);
    }
  });
});
