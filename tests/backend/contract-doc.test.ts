import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract/error-codes.js';
import { CLIENT_EVENTS, SERVER_EVENTS } from '../../contract/event-names.js';
import { clientEvents, serverEvents } from '../../contract/events.js';
import { API_PREFIX } from '../../contract/route-url.js';
import { pageRoutes, routes } from '../../contract/routes.js';
import { startBackend, type TestBackend } from '../helpers/backend.js';

const doc = readFileSync(new URL('../../docs/CONTRACT.md', import.meta.url), 'utf8');

/** The `METHOD /path` pairs of the HTTP table in docs/CONTRACT.md, `{param}` kept as written. */
function contractRoutes(): string[] {
  return [...doc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)(?:\?[^`]*)?` \|/gm)].map(
    ([, method, path]) => `${method} ${path}`,
  );
}

/** The event names in the first column of the table that follows `heading` in the Socket.IO section. */
function eventTable(heading: string): string[] {
  const from = doc.indexOf(heading);
  const table = doc.slice(from, doc.indexOf('\n\n', doc.indexOf('\n|', from)));
  return [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map(([, name]) => name ?? '');
}

/** A route of contract/routes.ts written as the doc writes it: full path, `:id` becomes `{id}`. */
const asDocumented = (route: string, prefix = '') =>
  route.replace(' /', ` ${prefix}/`).replace(/:(\w+)/g, '{$1}');

describe('docs/CONTRACT.md', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend();
  });
  afterAll(() => b.close());

  it('lists every route of the route map, and nothing the map lacks', () => {
    const listed = contractRoutes();
    expect(listed).toContain('POST /api/v1/rooms/{room_id}/join');
    const mapped = [
      ...Object.keys(routes).map((r) => asDocumented(r, API_PREFIX)),
      ...Object.keys(pageRoutes).map((r) => asDocumented(r)),
    ];
    expect(new Set(listed)).toEqual(new Set(mapped));
  });

  it('lists every Socket.IO event of the event maps in its direction', () => {
    expect(Object.keys(serverEvents).sort()).toEqual([...SERVER_EVENTS].sort());
    expect(Object.keys(clientEvents).sort()).toEqual([...CLIENT_EVENTS].sort());
    expect(eventTable('Client → server').sort()).toEqual([...CLIENT_EVENTS].sort());
    expect(eventTable('Server → client').sort()).toEqual([...SERVER_EVENTS].sort());
  });

  it('lists every error code', () => {
    for (const code of ERROR_CODES) expect(doc, code).toContain(`\`${code}\``);
  });

  it('lists routes, and the API routes among them are all in the OpenAPI document', async () => {
    const listed = contractRoutes();
    const { body } = await b.api(null, 'GET', '/api/openapi.json');
    const served = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // OpenAPI names path parameters the way Fastify declares them; compare with the names erased.
    const shape = (route: string) => route.replace(/\{[^}]+\}/g, '{}');
    const servedShapes = new Set(served.map(shape));
    for (const route of listed.filter((r) => r.includes('/api/v1/'))) {
      expect(servedShapes, route).toContain(shape(route));
    }
  });

  it('lists pages outside the API that the server routes', async () => {
    for (const route of contractRoutes().filter((r) => !r.includes('/api/'))) {
      const [method, path = ''] = route.split(' ');
      const res = await fetch(b.url + path.replace('{room_id}', 'abcdefgh-1234'), { method });
      // The room page answers 503 until the web client is built (npm test builds first); never 404.
      expect(res.status, route).not.toBe(404);
    }
  });
});
