import type { FastifyInstance } from 'fastify';

/**
 * Every `METHOD /path` the app serves, read from Fastify's own route tree (`printRoutes`), so hidden
 * routes (left out of the OpenAPI document) are listed too. HEAD, which Fastify adds beside each GET,
 * is left out.
 */
export function servedRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    // A line is `<tree drawing>── <segment> (<METHODS>)`; each 4 characters of drawing is one level.
    const match = /^(.*?)── (.+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const [, drawing = '', segment = '', methods = ''] = match;
    const depth = Math.floor(drawing.length / 4);
    const path = (depth === 0 ? '' : (pathAtDepth[depth - 1] ?? '')) + segment;
    pathAtDepth[depth] = path;
    for (const method of methods.split(', ')) {
      if (method !== 'HEAD') routes.push(`${method} ${path.startsWith('/') ? path : `/${path}`}`);
    }
  }
  return [...new Set(routes)];
}
