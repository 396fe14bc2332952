import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The web client: the chat UI (index.html) and the call room page (room.html). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        room: resolve(import.meta.dirname, 'renderer/room.html'),
      },
    },
  },
});
