/** Query parameters that carry secrets and must never reach a log line (compared decoded, lower-case). */
const SECRET_PARAMS = new Set(['jwt', 'token', 'access_token']);

/**
 * A parameter name as the server would read it: `+` as space, percent-decoded, so `?j%77t=` counts as
 * `jwt` (the query parser decodes it, and the room page takes it as its token); `[]` suffixes dropped.
 */
function paramName(raw: string): string {
  let name = raw.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: judge the name as written.
  }
  return name.trim().toLowerCase().replace(/\[\]$/, '');
}

/** The URL with the value of every secret query parameter replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const hash = url.indexOf('#', start);
  const end = hash < 0 ? url.length : hash;
  const pairs = url
    .slice(start + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return SECRET_PARAMS.has(paramName(name)) ? `${name}=[redacted]` : pair;
    });
  return url.slice(0, start + 1) + pairs.join('&') + url.slice(end);
}
