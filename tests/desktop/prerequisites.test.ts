/** package.json `engines`, `.nvmrc`, the README and the release workflow agree on Node, and CI runs inside it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string };
};
const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const engines: string = JSON.parse(read('package.json')).engines.node;
const nvmrc = read('.nvmrc').trim();

describe('supported Node versions', () => {
  it('.nvmrc names a version inside `engines`, and the Node running these tests is inside it too', () => {
    expect(semver.satisfies(nvmrc, engines)).toBe(true);
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
  });

  it('the README states both: the .nvmrc version and the engines minimum', () => {
    const readme = read('README.md');
    const minimum = semver.minVersion(engines).version.replace(/\.0$/, '');
    expect(readme).toContain(`Node.js ${nvmrc.replace(/\.0$/, '')} or newer`);
    expect(readme).toContain(`Node.js ${minimum}+`);
  });

  it('the release workflow builds with the .nvmrc version', () => {
    expect(read('.github/workflows/release.yml')).toContain('node-version-file: .nvmrc');
  });
});
