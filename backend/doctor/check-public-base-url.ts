import { beforeProduction, type CheckResult, fail, pass } from './check-result.js';

const NAME = 'PUBLIC_BASE_URL is HTTPS';

/** Addresses only this computer can reach: a backend listening there is a local trial. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Room links are built on PUBLIC_BASE_URL; unset, they follow whatever Host header a request carried.
 * For a backend only this computer can reach (HOST on loopback) that is harmless, and a plain-HTTP
 * localhost address is normal: those are "before production", not failures.
 */
export function checkPublicBaseUrl(raw: string | undefined, host = '127.0.0.1'): CheckResult {
  const local = LOOPBACK.has(host);
  if (!raw) {
    const result = local ? beforeProduction : fail;
    return result(
      NAME,
      'not set: room links take their origin from each request (Host, or X-Forwarded-* with TRUST_PROXY)',
      'Set PUBLIC_BASE_URL to the address users open, e.g. https://chat.example.org.',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      NAME,
      `not a URL: "${raw}"`,
      'Set PUBLIC_BASE_URL to an origin such as https://chat.example.org.',
    );
  }
  if (url.protocol !== 'https:') {
    const result = local && LOOPBACK.has(url.hostname) ? beforeProduction : fail;
    return result(
      NAME,
      `${url.origin} is plain HTTP`,
      'Put the backend behind an HTTPS reverse proxy (docs/JITSI_DEPLOYMENT.md) and set PUBLIC_BASE_URL=https://…',
    );
  }
  return pass(NAME, url.origin);
}
