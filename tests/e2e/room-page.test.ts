import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createSigner } from 'fast-jwt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';
import { launchChromium } from '../helpers/browser.js';
import { type FakeJitsi, startFakeJitsi } from '../helpers/fake-jitsi.js';

const ARTIFACTS = join(import.meta.dirname, '../artifacts/room-page');
const SECRET = 'room-page-test-secret-0123456789abcdef';
const sign = createSigner({ key: SECRET, algorithm: 'HS256' });

/** A Jitsi-shaped token (the page only decodes it; the stand-in does not verify it). */
function token(room: string, name: string, expiresInSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return sign({
    iss: 'peace-test',
    aud: 'jitsi',
    sub: 'meet.jitsi',
    room,
    nbf: now - 10,
    exp: now + expiresInSeconds,
    context: { user: { id: 'u1', name, moderator: true } },
  });
}

/** `room_url` as docs/CONTRACT.md defines it. */
function roomUrl(base: string, room: string, jwt: string, server: string): string {
  return `${base}/room/${room}#${new URLSearchParams({ jwt, server })}`;
}

let roomCounter = 0;
const newRoom = () => `e2e-room-${Date.now().toString(36)}-${roomCounter++}`;

describe('room page', () => {
  let jitsi: FakeJitsi;
  let backend: TestBackend;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    jitsi = await startFakeJitsi();
    backend = await startBackend({
      JITSI_SERVER_URL: jitsi.url,
      JITSI_APP_ID: 'peace-test',
      JITSI_APP_SECRET: SECRET,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    });
    browser = await launchChromium();
  });

  afterEach(async () => {
    jitsi.setScriptMode('ok');
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
    await jitsi?.close();
  });

  /** A fresh browser profile in `locale`, recording CSP violations. */
  async function newPage(locale: 'en' | 'zh-CN' = 'en'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 900, height: 600 } });
    contexts.push(context);
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as any).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return context.newPage();
  }

  let userCounter = 0;
  /** A room made through the real rooms API; `room_url` exactly as the backend hands it out. */
  async function realRoom(displayName: string) {
    const caller = await backend.register(`caller${userCounter++}`, displayName);
    const callee = await backend.register(`callee${userCounter++}`);
    const conv = await backend.api(caller.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: callee.id,
    });
    const room = await backend.api(caller.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conv.body.id,
    });
    const join = await backend.api(caller.token, 'POST', `/api/v1/rooms/${room.body.room_id}/join`);
    expect(join.status).toBe(200);
    return join.body as { room_id: string; jitsi_token: string; jitsi_server_url: string; room_url: string };
  }

  /** Resolves with the status the backend's HTTP server answered to `POST path`. */
  function backendReceives(path: string): Promise<number> {
    const server = backend.app.server;
    return new Promise((resolve) => {
      const onRequest = (req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'POST' || req.url !== path) return;
        server.off('request', onRequest);
        res.on('finish', () => resolve(res.statusCode));
      };
      server.on('request', onRequest);
    });
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  }

  /** The id of the screen the page shows, once it shows `id`. */
  async function expectScreen(page: Page, id: string): Promise<string> {
    await page.locator(`#screen[data-screen="${id}"]:not([hidden]) .title`).waitFor();
    return ((await page.locator('#screen').textContent()) ?? '').trim();
  }

  it('starts Jitsi with the domain, room, token and language of the room_url, under a Jitsi-only CSP', async () => {
    const { room_id: room, jitsi_token: jwt, jitsi_server_url, room_url } = await realRoom('Alice Liddell');
    expect(jitsi_server_url).toBe(jitsi.url);
    const page = await newPage('en');
    const response = await page.goto(room_url);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toContain(`script-src 'self' ${jitsi.url}`);
    expect(headers['content-security-policy']).toContain("connect-src 'self'");

    await page.getByTestId('fake-jitsi').waitFor();
    const received = await page.evaluate(() => {
      const j = (window as any).__jitsi;
      return { domain: j.domain, options: j.options, scriptSrc: j.scriptSrc };
    });
    expect(received.domain).toBe(new URL(jitsi.url).host);
    expect(received.scriptSrc).toBe(`${jitsi.url}/external_api.js`);
    expect(received.options).toMatchObject({
      roomName: room,
      jwt,
      width: '100%',
      height: '100%',
      lang: 'en',
      hasParentNode: true,
      parentNodeId: 'room',
    });
    await expect(page.getByTestId('fake-jitsi').textContent()).resolves.toContain('Alice Liddell');
    expect(await page.locator('#screen').isHidden()).toBe(true);
    await screenshot(page, 'in-call-en');
  });

  it('accepts the original query-string form and passes zhCN to Jitsi for a Chinese browser', async () => {
    const room = newRoom();
    const jwt = token(room, '王小明');
    const page = await newPage('zh-CN');
    await page.goto(`${backend.url}/room/${room}?${new URLSearchParams({ jwt, server: jitsi.url })}`);
    await page.getByTestId('fake-jitsi').waitFor();
    const options = await page.evaluate(() => (window as any).__jitsi.options);
    expect(options).toMatchObject({ roomName: room, jwt, lang: 'zhCN' });
    expect(await page.title()).toBe('和平信使通话');
  });

  it('prefers the fragment over the query when a link carries both', async () => {
    const room = newRoom();
    const fragmentJwt = token(room, 'Fragment');
    const queryJwt = token(room, 'Query');
    const page = await newPage();
    const query = new URLSearchParams({ jwt: queryJwt, server: 'https://elsewhere.example' });
    const fragment = new URLSearchParams({ jwt: fragmentJwt, server: jitsi.url });
    await page.goto(`${backend.url}/room/${room}?${query}#${fragment}`);
    await page.getByTestId('fake-jitsi').waitFor();
    const received = await page.evaluate(() => (window as any).__jitsi);
    expect(received.options.jwt).toBe(fragmentJwt);
    expect(received.domain).toBe(new URL(jitsi.url).host);
  });

  it('reports the leave once, disposes Jitsi and shows "call ended" when the tab cannot close itself', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const { room_id: room, jitsi_token: jwt, room_url } = await realRoom('Bob');
      const page = await newPage(locale);
      // Routing lets the test read the beacon's body and the backend's answer to it.
      const leaves: { body: string; status: number }[] = [];
      await page.context().route('**/leave', async (route) => {
        const response = await route.fetch();
        leaves.push({ body: route.request().postData() ?? '', status: response.status() });
        await route.fulfill({ response });
      });
      await page.goto(room_url);
      await page.getByTestId('fake-jitsi').waitFor();
      const received = backendReceives(`/room/${room}/leave`);
      await page.evaluate(() => {
        const j = (window as any).__jitsi;
        j.emit('videoConferenceJoined', { roomName: 'x' });
        j.emit('videoConferenceLeft', { roomName: 'x' });
        j.emit('readyToClose');
      });
      await received;
      const text = await expectScreen(page, 'ended');
      expect(text).toContain(locale === 'en' ? 'The call has ended' : '通话已结束');
      expect(await page.evaluate(() => (window as any).__jitsi.disposed)).toBe(true);
      expect(leaves.map((l) => ({ ...l, body: JSON.parse(l.body) }))).toEqual([
        { body: { jwt }, status: 204 },
      ]);
      await screenshot(page, `ended-${locale}`);
    }
  });

  it('closes a window a script opened', async () => {
    const room = newRoom();
    const jwt = token(room, 'Carol');
    const page = await newPage();
    await page.goto(`${backend.url}/healthz`);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate(
        (url) => {
          window.open(url, '_blank', 'popup');
        },
        roomUrl(backend.url, room, jwt, jitsi.url),
      ),
    ]);
    await popup.getByTestId('fake-jitsi').waitFor();
    const closed = popup.waitForEvent('close');
    await popup.evaluate(() => (window as any).__jitsi.emit('readyToClose'));
    await closed;
    expect(popup.isClosed()).toBe(true);
  });

  it('asks the desktop app to close the call window through the preload bridge', async () => {
    const room = newRoom();
    const page = await newPage();
    await page.addInitScript(() => {
      (window as any).peaceDesktop = {
        reportCallEnded: async () => {
          (window as any).__callEndedReported = true;
        },
      };
    });
    await page.goto(roomUrl(backend.url, room, token(room, 'Dan'), jitsi.url));
    await page.getByTestId('fake-jitsi').waitFor();
    await page.evaluate(() => (window as any).__jitsi.emit('videoConferenceLeft', {}));
    await expectScreen(page, 'ended');
    expect(await page.evaluate(() => (window as any).__callEndedReported)).toBe(true);
  });

  it('disposes Jitsi and reports the leave when the page goes away mid-call', async () => {
    const { room_id: room, room_url } = await realRoom('Eve');
    const page = await newPage();
    await page.goto(room_url);
    await page.getByTestId('fake-jitsi').waitFor();
    await page.evaluate(() => (window as any).__jitsi.emit('videoConferenceJoined', {}));
    // A beacon sent while the page unloads is invisible to Playwright: watch the backend answer it.
    const answered = backendReceives(`/room/${room}/leave`);
    await page.goto(`${backend.url}/healthz`);
    expect(await answered).toBe(204);
    expect(await page.evaluate(() => sessionStorage.getItem('fakeJitsiDisposed'))).toBe('true');
  });

  it('explains a missing or malformed link parameter (en, zh-CN)', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await newPage(locale);
      await page.goto(`${backend.url}/room/${newRoom()}#server=${encodeURIComponent('javascript:alert(1)')}`);
      const text = await expectScreen(page, 'bad-params');
      if (locale === 'en') {
        expect(text).toContain('This call link is incomplete');
        expect(text).toContain('access token, video server address');
      } else {
        expect(text).toContain('通话链接不完整');
        expect(text).toContain('访问令牌、视频服务器地址');
      }
      expect(await page.locator('script[src$="external_api.js"]').count()).toBe(0);
      await screenshot(page, `bad-params-${locale}`);
    }
  });

  it('says the link expired instead of loading Jitsi with an expired token (en, zh-CN)', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const room = newRoom();
      const page = await newPage(locale);
      await page.goto(roomUrl(backend.url, room, token(room, 'Frank', -60), jitsi.url));
      const text = await expectScreen(page, 'expired');
      expect(text).toContain(locale === 'en' ? 'This call link has expired' : '通话链接已过期');
      expect(await page.evaluate(() => typeof (window as any).JitsiMeetExternalAPI)).toBe('undefined');
      await screenshot(page, `expired-${locale}`);
    }
  });

  it('names the server when external_api.js does not arrive in time, and retries (en, zh-CN)', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      jitsi.setScriptMode('hang');
      const room = newRoom();
      const page = await newPage(locale);
      await page.clock.install();
      // The held script keeps the load event from firing.
      await page.goto(roomUrl(backend.url, room, token(room, 'Grace'), jitsi.url), {
        waitUntil: 'domcontentloaded',
      });
      await expectScreen(page, 'connecting');
      await screenshot(page, `connecting-${locale}`);
      await page.clock.fastForward(20_000);
      const text = await expectScreen(page, 'script-timeout');
      expect(text).toContain(locale === 'en' ? 'The video server does not answer' : '视频服务器没有响应');
      expect(text).toContain(jitsi.url);
      await screenshot(page, `script-timeout-${locale}`);

      jitsi.setScriptMode('ok');
      await page.locator('#screen button').click();
      await page.getByTestId('fake-jitsi').waitFor();
    }
  });

  it('says the Jitsi script could not be loaded when the server answers 404 or not with JavaScript', async () => {
    for (const [mode, locale] of [
      ['missing', 'en'],
      ['wrong-type', 'zh-CN'],
    ] as const) {
      jitsi.setScriptMode(mode);
      const room = newRoom();
      const page = await newPage(locale);
      await page.goto(roomUrl(backend.url, room, token(room, 'Heidi'), jitsi.url));
      const text = await expectScreen(page, 'script-failed');
      expect(text).toContain(`${jitsi.url}/external_api.js`);
      expect(text).toContain(locale === 'en' ? 'Could not load the video server' : '无法加载视频服务器');
      await screenshot(page, `script-failed-${mode}-${locale}`);
    }
  });

  it('says the app id/secret disagree when Jitsi refuses the token, and offers a retry (en, zh-CN)', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const room = newRoom();
      const page = await newPage(locale);
      await page.goto(roomUrl(backend.url, room, token(room, 'Ivan'), jitsi.url));
      await page.getByTestId('fake-jitsi').waitFor();
      await page.evaluate(() =>
        (window as any).__jitsi.emit('errorOccurred', {
          name: 'connection.passwordRequired',
          message: 'Authentication failed',
          type: 'CONNECTION',
          isFatal: true,
        }),
      );
      const text = await expectScreen(page, 'token-refused');
      expect(text).toContain('JITSI_APP_ID / JITSI_APP_SECRET');
      expect(text).toContain(jitsi.url);
      expect(text).toContain(locale === 'en' ? 'The video server refused access' : '视频服务器拒绝了访问');
      expect(await page.evaluate(() => (window as any).__jitsi.disposed)).toBe(true);
      await screenshot(page, `token-refused-${locale}`);

      // Retry starts the conference again.
      await page.locator('#screen button').click();
      await page.getByTestId('fake-jitsi').waitFor();
      expect(await page.evaluate(() => (window as any).__jitsi.disposed)).toBe(false);
    }
  });

  it('shows other fatal Jitsi errors, ignores non-fatal ones, and reports a fatal one mid-call as a leave', async () => {
    const { room_id: room, room_url } = await realRoom('Judy');
    const page = await newPage('zh-CN');
    await page.goto(room_url);
    await page.getByTestId('fake-jitsi').waitFor();
    await page.evaluate(() => {
      const j = (window as any).__jitsi;
      j.emit('videoConferenceJoined', {});
      j.emit('errorOccurred', { name: 'gum.permissionDenied', type: 'CONFIG', isFatal: false });
    });
    expect(await page.locator('#screen').isHidden()).toBe(true);
    const answered = backendReceives(`/room/${room}/leave`);
    await page.evaluate(() => {
      (window as any).__jitsi.emit('errorOccurred', {
        name: 'conference.videobridgeNotAvailable',
        message: 'No bridge',
        type: 'CONFERENCE',
        isFatal: true,
      });
    });
    const text = await expectScreen(page, 'jitsi-error');
    expect(text).toContain('视频通话失败');
    expect(text).toContain('conference.videobridgeNotAvailable');
    expect(await answered).toBe(204);
    await screenshot(page, 'jitsi-error-zh-CN');
  });

  it('blocks a crafted server= pointing at another origin with the CSP', async () => {
    const other = await startFakeJitsi();
    try {
      const room = newRoom();
      const page = await newPage();
      await page.goto(roomUrl(backend.url, room, token(room, 'Mallory'), other.url));
      const text = await expectScreen(page, 'script-failed');
      expect(text).toContain(`${other.url}/external_api.js`);
      const violations: string[] = await page.evaluate(() => (window as any).__cspViolations);
      expect(violations).toContain(`script-src-elem ${other.url}/external_api.js`);
      expect(await page.evaluate(() => typeof (window as any).__jitsi)).toBe('undefined');
      expect(other.requests).toEqual([]);
      await screenshot(page, 'csp-blocked-en');
    } finally {
      await other.close();
    }
  });

  it('loads no foreign script at all when Jitsi is not configured', async () => {
    const bare = await startBackend();
    try {
      const room = newRoom();
      const page = await newPage();
      const response = await page.goto(roomUrl(bare.url, room, token(room, 'Oscar'), jitsi.url));
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
      await expectScreen(page, 'script-failed');
      const violations: string[] = await page.evaluate(() => (window as any).__cspViolations);
      expect(violations).toContain(`script-src-elem ${jitsi.url}/external_api.js`);
    } finally {
      await bare.close();
    }
  });

  it('answers a malformed room id with a 404 page and a missing build with a clear 503', async () => {
    for (const bad of ['short', 'UPPER-CASE-ROOM', `${'a'.repeat(65)}`, 'room_with_underscore']) {
      const res = await fetch(`${backend.url}/room/${bad}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('通话链接无效');
    }
    const unbuilt = await startBackend({ WEB_ROOT: join(import.meta.dirname, 'no-such-build') });
    try {
      const res = await fetch(`${unbuilt.url}/room/${newRoom()}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    } finally {
      await unbuilt.close();
    }
  });
});
