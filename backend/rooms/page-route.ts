import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ROOM_ID_PATTERN } from '../../contract/ids.js';
import { type ParamsOf, pageRoutes } from '../../contract/routes.js';
import type { Config } from '../config.js';

/**
 * The room page's Content-Security-Policy. Scripts and frames come only from this origin and the
 * configured Jitsi origin, so a crafted `server=` parameter in a room link cannot load anyone else's
 * script; without a Jitsi configuration the page may load nothing foreign at all (it shows its own error).
 */
function roomPageCsp(config: Pick<Config, 'JITSI_SERVER_URL'>): string {
  const jitsi = config.JITSI_SERVER_URL ? new URL(config.JITSI_SERVER_URL).origin : null;
  const withJitsi = jitsi ? `'self' ${jitsi}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${withJitsi}`,
    `frame-src ${withJitsi}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const INVALID_ROOM_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>Call link not valid · 通话链接无效</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.5">
<h1>This call link is not valid</h1>
<p>The room name in the link is malformed. Open the call again from the chat.</p>
<h1 lang="zh-CN">通话链接无效</h1>
<p lang="zh-CN">链接中的房间名格式不正确。请从聊天中重新打开通话。</p>
</body></html>
`;

const NOT_BUILT =
  'The room page is not built yet: run `npm run build` on the server.\n房间页面尚未构建：请在服务器上运行 `npm run build`。\n';

/**
 * `GET /room/{room_id}`: the call room page (dist/renderer/room.html). Public, outside /api/v1: the
 * Jitsi token travels in the URL fragment, which never reaches this server.
 */
export default async function roomPageRoutes(app: FastifyInstance): Promise<void> {
  const csp = roomPageCsp(app.config);
  app.get<{ Params: ParamsOf<'GET /room/:room_id'> }>(
    '/room/:room_id',
    // Only the parameters: the answer is HTML, not JSON to serialize.
    { schema: { hide: true, params: pageRoutes['GET /room/:room_id'].params } },
    async (request, reply) => {
      // This replaces the app-wide CSP (security-headers.ts) for this page only; the app-wide
      // `referrer-policy: no-referrer` already keeps the token-bearing URL out of any Referer.
      reply.header('content-security-policy', csp);
      reply.header('cache-control', 'no-store');
      if (!ROOM_ID_PATTERN.test(request.params.room_id)) {
        return reply.status(404).type('text/html; charset=utf-8').send(INVALID_ROOM_PAGE);
      }
      const html = app.webRoot
        ? await readFile(join(app.webRoot, 'room.html'), 'utf8').catch(() => null)
        : null;
      if (html === null) return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
