import type { FastifyRequest } from 'fastify';

/** A bare `host[:port]` (DNS name, IPv4 or bracketed IPv6): nothing that could add a path or userinfo. */
const HOST_HEADER =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin `room_url` points at: PUBLIC_BASE_URL when configured; otherwise the request's own origin.
 * Fastify's `trustProxy` (set from TRUST_PROXY) decides whether `request.protocol`/`request.host` follow
 * X-Forwarded-Proto/Host; without it they come from the connection and the Host header only.
 * A Host header that is not a plain host[:port] falls back to the address the request arrived on,
 * so a crafted header cannot turn the link into someone else's URL.
 */
export function publicBase(publicBaseUrl: string | undefined, request: FastifyRequest): string {
  if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '');
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const host = request.host;
  if (host && HOST_HEADER.test(host)) return `${protocol}://${host.toLowerCase()}`;
  const { localAddress, localPort } = request.raw.socket;
  const address = localAddress?.includes(':') ? `[${localAddress}]` : (localAddress ?? '127.0.0.1');
  return localPort ? `${protocol}://${address}:${localPort}` : `${protocol}://${address}`;
}

/**
 * `{base}/room/{room_id}#jwt={token}&server={jitsi}` (docs/CONTRACT.md). The token rides in the fragment,
 * which browsers never send to a server, so it stays out of proxy and access logs.
 */
export function buildRoomUrl(base: string, roomId: string, token: string, jitsiServerUrl: string): string {
  const fragment = new URLSearchParams({ jwt: token, server: jitsiServerUrl }).toString();
  return `${base}/room/${encodeURIComponent(roomId)}#${fragment}`;
}
