import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

/**
 * electron-updater and its dependencies bundled into ONE CommonJS file, dist/main/vendor/electron-updater.cjs:
 * the packaged app carries no node_modules (electron-builder.yml ships only dist/), and the
 * package.json dependencies also hold the backend's, which must not reach the installer.
 */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist/main/vendor'),
    emptyOutDir: true,
    minify: false,
    ssr: true,
    target: 'node22',
    rollupOptions: {
      input: resolve(root, 'node_modules/electron-updater/out/main.js'),
      output: { format: 'cjs', entryFileNames: 'electron-updater.cjs' },
      external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    },
  },
  ssr: { noExternal: true },
});
