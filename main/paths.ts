/** Where the built preloads and local pages are, relative to the compiled main (dist/main). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;

/** The bridge preload for the main window and call windows (bundled by preload/vite.config.ts). */
export const bridgePreloadPath = join(here, '../preload/index.cjs');
/** The preload of the app's own local pages (incoming-call popup, screen picker). */
export const localPagePreloadPath = join(here, '../pages/local-page.cjs');
/** The app's local pages, copied from main/pages by the build. */
export const pagesDir = join(here, '../pages');
/** `pagesDir` as a file: URL ending in a slash, for sender checks. */
export const pagesDirUrl = `${pathToFileURL(pagesDir).href}/`;
