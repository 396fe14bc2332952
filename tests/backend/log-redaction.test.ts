import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from '../../backend/app.js';
import { logCapture, startBackend, type TestBackend } from '../helpers/backend.js';

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';

describe('redactUrl', () => {
  it.each([
    ['/room/abc?jwt=SECRET', '/room/abc?jwt=[redacted]'],
    ['/room/abc?j%77t=SECRET', '/room/abc?j%77t=[redacted]'],
    ['/room/abc?%6A%57%54=SECRET', '/room/abc?%6A%57%54=[redacted]'],
    ['/x?lang=en&access%5Ftoken=SECRET#top', '/x?lang=en&access%5Ftoken=[redacted]#top'],
    ['/x?TOKEN=SECRET&token=SECRET', '/x?TOKEN=[redacted]&token=[redacted]'],
    ['/x?jwt%5B%5D=SECRET', '/x?jwt%5B%5D=[redacted]'],
    ['/x?a=1&b=%E4%BD%A0', '/x?a=1&b=%E4%BD%A0'],
    ['/x?bad%zz=1', '/x?bad%zz=1'],
    ['/no-query', '/no-query'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url.replaceAll('SECRET', SECRET))).toBe(expected);
  });
});

describe('the request log', () => {
  let b: TestBackend;
  const { lines, stream } = logCapture();
  beforeAll(async () => {
    b = await startBackend({}, undefined, { logger: { ...loggerOptions('info'), stream } });
  });
  afterAll(async () => b?.close());

  it('keeps a Jitsi token out even when the parameter name is percent-encoded', async () => {
    await fetch(`${b.url}/room/some-room-id?j%77t=${SECRET}`);
    await fetch(`${b.url}/api/v1/me?%61ccess_token=${SECRET}`);
    const text = lines.join('');
    expect(text).toContain('j%77t=[redacted]');
    expect(text).not.toContain(SECRET);
  });
});
