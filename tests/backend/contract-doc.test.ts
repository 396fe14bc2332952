import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

/** The `METHOD /path` pairs of the HTTP table in docs/CONTRACT.md, `{param}` kept as written. */
function contractRoutes(): string[] {
  const doc = readFileSync(new URL('../../docs/CONTRACT.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)(?:\?[^`]*)?` \|/gm)].map(
    ([, method, path]) => `${method} ${path}`,
  );
}

describe('docs/CONTRACT.md', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend();
  });
  afterAll(() => b.close());

  it('lists routes, and the API routes among them are all in the OpenAPI document', async () => {
    const listed = contractRoutes();
    expect(listed).toContain('POST /api/v1/rooms/{room_id}/join');
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
