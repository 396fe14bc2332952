// Finds an already installed Electron binary without triggering a download. `require('electron')`
// downloads the binary on first use (Electron 45), which hangs or prints a stack trace offline;
// this reads the same files it would, and only checks that they exist.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The path of the Electron executable, or null when none is installed.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function findElectronBinary(env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** The executable electron-builder expects inside an unpacked Electron distribution. */
const DIST_EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app' }[process.platform] ?? 'electron';

/**
 * The folder holding an unpacked Electron for this platform (`ELECTRON_DIST`, else the electron
 * package's own dist/ after its first launch), or null. electron-builder copies it instead of
 * downloading one.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function findElectronDist(env = process.env) {
  const candidates = [env.ELECTRON_DIST];
  try {
    candidates.push(join(dirname(require.resolve('electron/package.json')), 'dist'));
  } catch {
    // electron is not installed: only ELECTRON_DIST can help
  }
  return candidates.find((dir) => dir && existsSync(join(dir, DIST_EXECUTABLE))) ?? null;
}

/** What pack:dir needs, in one line. */
export function electronDistMissing() {
  let version = 'VERSION';
  try {
    version = require('electron/package.json').version;
  } catch {
    // electron is not installed (npm ci --omit=dev): name the folder generically
  }
  return `pack:dir needs an Electron distribution offline: set ELECTRON_DIST to an unzipped electron-v${version}-${process.platform}-${process.arch} folder (holding ${DIST_EXECUTABLE}), or run \`npx electron --version\` once with a network so node_modules/electron/dist exists.`;
}
