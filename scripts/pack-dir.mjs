// `npm run pack:dir [-- --no-build] [electron-builder options]`: an unpacked desktop build in
// release/, offline. electron-builder would otherwise download Electron (and end in a raw
// getaddrinfo stack trace without a network), so an Electron distribution is found first, or the
// one thing missing is said in one line.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronDistMissing, findElectronDist } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dist = findElectronDist();
if (!dist) {
  console.error(electronDistMissing());
  process.exit(1);
}
const args = process.argv.slice(2);
if (!args.includes('--no-build')) run('npm', ['run', 'build']);
const builderArgs = args.filter((arg) => arg !== '--no-build');
run(process.execPath, [
  require.resolve('electron-builder/cli.js'),
  '--dir',
  `-c.electronDist=${dist}`,
  ...builderArgs,
]);
