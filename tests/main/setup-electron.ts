/** Fakes Electron once for the whole `desktop` project: every `import 'electron'` gets the stand-in. */
import { rmSync } from 'node:fs';
import { afterAll, beforeEach, vi } from 'vitest';
import { app, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

beforeEach(() => resetFakeElectron());
// The fake app's userData folder (made per test by resetFakeElectron) goes with the file.
afterAll(() => rmSync(app.userData, { recursive: true, force: true }));
