/** Fakes Electron once for the whole `desktop` project: every `import 'electron'` gets the stand-in. */
import { beforeEach, vi } from 'vitest';
import { resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

beforeEach(() => resetFakeElectron());
