import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

// The headers are worked out once at start-up (plugins/security-headers.ts): every response must still carry them.
describe('security headers on every response', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend();
  });
  afterAll(() => b?.close());

  it('sends the same helmet headers on public, signed-in and failing requests', async () => {
    const user = await b.register('headers_user');
    const responses = [
      await fetch(`${b.url}/healthz`),
      await fetch(`${b.url}/api/v1/me`, { headers: { authorization: `Bearer ${user.token}` } }),
      await fetch(`${b.url}/api/v1/me`),
      await fetch(`${b.url}/no-such-page`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 401, 404]);
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("media-src 'self' data:");
      // Plain-HTTP LAN installs must not have their requests rewritten to https.
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });
});
