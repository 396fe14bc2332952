import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

/** A Content-Security-Policy as directive → sources, so a test can hold the whole policy, not a substring. */
function parseCsp(header: string | null): Record<string, string[]> {
  expect(header, 'a Content-Security-Policy header').toBeTruthy();
  const policy: Record<string, string[]> = {};
  for (const part of (header as string).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(policy, `directive ${name} given twice`).not.toHaveProperty(name);
    policy[name.toLowerCase()] = sources;
  }
  return policy;
}

const JITSI = 'https://meet.example.test:8443';

/** The chat page's and API's policy: this origin only, inline styles for the UI, nothing foreign. */
const CHAT_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  // blob:: attachments are fetched with the access token and shown from object URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'data:'],
};

/** The room page's: scripts and frames from this origin and the configured Jitsi origin, nothing else. */
const roomPolicy = (jitsi: string[]) => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", ...jitsi],
  'frame-src': ["'self'", ...jitsi],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'self'"],
});

describe('Content-Security-Policy, directive by directive', () => {
  let withJitsi: TestBackend;
  let withoutJitsi: TestBackend;
  beforeAll(async () => {
    withJitsi = await startBackend({
      JITSI_SERVER_URL: `${JITSI}/some/path`,
      JITSI_APP_ID: 'csp-app',
      JITSI_APP_SECRET: 'csp-test-secret-0123456789',
    });
    withoutJitsi = await startBackend();
  });
  afterAll(async () => {
    await withJitsi?.close();
    await withoutJitsi?.close();
  });
  const csp = async (b: TestBackend, path: string) =>
    parseCsp((await fetch(b.url + path)).headers.get('content-security-policy'));

  it('holds the chat page and the API to the exact chat policy', async () => {
    expect(await csp(withJitsi, '/')).toEqual(CHAT_POLICY);
    expect(await csp(withJitsi, '/api/v1/me')).toEqual(CHAT_POLICY);
  });

  it('holds the room page to the exact room policy, naming only the configured Jitsi origin', async () => {
    expect(await csp(withJitsi, '/room/abcdefgh-1234')).toEqual(roomPolicy([JITSI]));
    // An invalid room link gets the same policy.
    expect(await csp(withJitsi, '/room/NOT_VALID')).toEqual(roomPolicy([JITSI]));
    expect(await csp(withoutJitsi, '/room/abcdefgh-1234')).toEqual(roomPolicy([]));
  });

  it('sends the room page, whose URL carries a token, with no referrer', async () => {
    const res = await fetch(`${withJitsi.url}/room/abcdefgh-1234`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
