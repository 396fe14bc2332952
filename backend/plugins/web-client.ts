import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Folder of the built web client (index.html, room.html, assets), or null when not built. */
    webRoot: string | null;
  }
}

/** The built renderer: next to the compiled backend (dist/backend → dist/renderer) or in the repo's dist/. */
function findWebRoot(configured?: string): string | null {
  if (configured) return resolve(configured);
  const file = fileURLToPath(import.meta.url);
  const here = dirname(file);
  // Compiled, this file is dist/backend/plugins/web-client.js and the build sits in dist/renderer;
  // run from source (tests), ../../renderer is the unbuilt source folder, so look in dist/ instead.
  const compiled = file.endsWith('.js');
  const candidates = [
    ...(compiled ? [join(here, '../../renderer')] : []),
    join(here, '../../dist/renderer'),
    resolve('dist/renderer'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Serves the web client at `/`; without a build, `/` says how to make one. */
export default fp(
  async (app) => {
    const root = findWebRoot(app.config.WEB_ROOT);
    app.decorate('webRoot', root);
    if (!root) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) =>
        reply.type('text/plain').send('The web client is not built yet: run `npm run build`.\n'),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root,
      index: ['index.html'],
      wildcard: false,
      cacheControl: false,
      // The build writes .br and .gz beside each text asset (vite.config.ts): sent as they are, no CPU per request.
      preCompressed: true,
      // Hashed assets never change; HTML pages must be revalidated so a new build is picked up at once.
      setHeaders: (res, path) =>
        res.header(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        ),
    });
    // Browsers ask for /favicon.ico on their own; the icon is an SVG.
    app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/favicon.svg', 301),
    );
  },
  { name: 'web-client', dependencies: ['config'] },
);
