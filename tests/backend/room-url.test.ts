import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

const JITSI = {
  JITSI_SERVER_URL: 'http://127.0.0.1:9',
  JITSI_APP_ID: 'peace-app',
  JITSI_APP_SECRET: 'room-url-test-secret-0123456789',
};

/** A raw HTTP request, so the test controls Host and X-Forwarded-* exactly as a client or proxy would. */
function rawPost(
  url: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: any; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function setUp(env: Record<string, string>) {
  const b = await startBackend({ ...JITSI, ...env });
  const alice = await b.register('alice');
  const bob = await b.register('bob');
  const conv = await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
  const room = await b.api(alice.token, 'POST', '/api/v1/rooms/create', { conversation_id: conv.body.id });
  const join = (headers: Record<string, string> = {}) =>
    rawPost(b.url, `/api/v1/rooms/${room.body.room_id}/join`, {
      authorization: `Bearer ${alice.token}`,
      ...headers,
    });
  return { b, roomId: room.body.room_id as string, join };
}

function parseRoomUrl(roomUrl: string) {
  const url = new URL(roomUrl);
  const fragment = new URLSearchParams(url.hash.slice(1));
  return {
    origin: url.origin,
    path: url.pathname,
    search: url.search,
    jwt: fragment.get('jwt'),
    server: fragment.get('server'),
  };
}

describe('room_url', () => {
  let b: TestBackend | undefined;
  afterEach(async () => {
    await b?.close();
    b = undefined;
  });

  it('uses the request origin and carries token and server in the fragment only', async () => {
    const s = await setUp({});
    b = s.b;
    const res = await s.join();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const parsed = parseRoomUrl(res.body.room_url);
    expect(parsed).toEqual({
      origin: s.b.url,
      path: `/room/${s.roomId}`,
      search: '',
      jwt: res.body.jitsi_token,
      server: 'http://127.0.0.1:9',
    });
    // Values are URL-encoded in the fragment.
    expect(res.body.room_url).toContain('&server=http%3A%2F%2F127.0.0.1%3A9');
  });

  it('ignores X-Forwarded-Proto/Host without TRUST_PROXY', async () => {
    const s = await setUp({});
    b = s.b;
    const res = await s.join({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
    expect(parseRoomUrl(res.body.room_url).origin).toBe(s.b.url);
  });

  it('never builds a link from a Host header that is more than host[:port]', async () => {
    const s = await setUp({});
    b = s.b;
    for (const host of ['evil.example/phish?x=', 'user@evil.example', 'evil.example#', 'a b']) {
      const res = await s.join({ host });
      expect(res.status).toBe(200);
      const url = new URL(res.body.room_url);
      expect(url.origin).toBe(s.b.url);
      expect(url.pathname).toBe(`/room/${s.roomId}`);
    }
  });

  it('keeps a plain host[:port] as sent, lowercased, and falls back on anything malformed', async () => {
    const s = await setUp({});
    b = s.b;
    const kept: [string, string][] = [
      ['Chat.Example.ORG:8443', 'http://chat.example.org:8443'],
      ['a.b-c.example', 'http://a.b-c.example'],
      ['x', 'http://x'],
      ['10.1.2.3:80', 'http://10.1.2.3'],
      ['[::1]:8080', 'http://[::1]:8080'],
    ];
    for (const [host, origin] of kept) {
      const res = await s.join({ host });
      expect(new URL(res.body.room_url).origin, host).toBe(origin);
    }
    const malformed = [
      '-bad.example',
      'bad-.example',
      `${'a'.repeat(64)}.example`,
      'a..b',
      'host:123456',
      '[zz]',
    ];
    for (const host of malformed) {
      const res = await s.join({ host });
      expect(new URL(res.body.room_url).origin, host).toBe(s.b.url);
    }
  });

  it('honours X-Forwarded-Proto/Host with TRUST_PROXY', async () => {
    const s = await setUp({ TRUST_PROXY: 'true' });
    b = s.b;
    const res = await s.join({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'chat.example.org' });
    expect(parseRoomUrl(res.body.room_url).origin).toBe('https://chat.example.org');
  });

  it('prefers PUBLIC_BASE_URL over the request and any forwarded header', async () => {
    const s = await setUp({ PUBLIC_BASE_URL: 'https://peace.example.net//', TRUST_PROXY: 'true' });
    b = s.b;
    const res = await s.join({
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'evil.example',
      host: 'other.example',
    });
    const parsed = parseRoomUrl(res.body.room_url);
    expect(parsed.origin).toBe('https://peace.example.net');
    expect(parsed.path).toBe(`/room/${s.roomId}`);
    expect(res.body.room_url.startsWith(`https://peace.example.net/room/${s.roomId}#`)).toBe(true);
  });
});
