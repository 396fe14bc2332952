import { type CheckResult, fail, pass } from './check-result.js';

const NAME = 'PUBLIC_BASE_URL is HTTPS';

/** Room links are built on PUBLIC_BASE_URL; unset, they follow whatever Host header a request carried. */
export function checkPublicBaseUrl(raw: string | undefined): CheckResult {
  if (!raw) {
    return fail(
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
    return fail(
      NAME,
      `${url.origin} is plain HTTP`,
      'Put the backend behind an HTTPS reverse proxy (docs/JITSI_DEPLOYMENT.md) and set PUBLIC_BASE_URL=https://…',
    );
  }
  return pass(NAME, url.origin);
}
