// `npm run dist [-- electron-builder options]`: the installers of the current platform in release/
// (Windows NSIS + MSI, macOS dmg + zip, Linux AppImage + deb + rpm), signed when the environment
// holds the credentials (scripts/signing.mjs). Needs a network: electron-builder downloads Electron
// and its packaging tools.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { signingNotice } from './signing.mjs';

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const notice = signingNotice(process.platform, process.env);
if (notice) console.warn(notice);
run('npm', ['run', 'build']);
// Publishing is the release workflow's job (.github/workflows/release.yml), never a local build's.
run(process.execPath, [
  require.resolve('electron-builder/cli.js'),
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
