import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

/**
 * The preloads, each bundled into ONE CommonJS file: a sandboxed preload may require only
 * 'electron', never a sibling file. `vite build --config preload/vite.config.ts` builds the bridge
 * (dist/preload/index.cjs); with `--mode local-pages` the local pages' preload plus the pages
 * themselves (main/pages → dist/pages).
 */
export default defineConfig(({ mode }) => {
  const localPages = mode === 'local-pages';
  return {
    root,
    publicDir: localPages ? resolve(root, 'main/pages') : false,
    build: {
      outDir: resolve(root, localPages ? 'dist/pages' : 'dist/preload'),
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: 'chrome140',
      lib: {
        entry: resolve(root, localPages ? 'preload/local-page.ts' : 'preload/index.ts'),
        formats: ['cjs'],
        fileName: () => (localPages ? 'local-page.cjs' : 'index.cjs'),
      },
      rollupOptions: { external: ['electron'] },
    },
  };
});
