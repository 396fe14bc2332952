/**
 * The release workflow cannot run here; it is checked against GitHub's workflow schema by
 * @action-validator/core, and against what the repository promises (three platforms, .nvmrc,
 * every secret documented for IT).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');

describe('.github/workflows/release.yml', () => {
  it('passes the GitHub workflow schema', () => {
    expect(validateWorkflow(workflow).errors).toEqual([]);
  });

  it('the validator does reject a broken workflow', () => {
    expect(validateWorkflow(workflow.replace(/runs-on: .*matrix.os.*/, 'runs_on: x')).errors).not.toEqual([]);
  });

  it('builds on Windows, macOS and Linux runners with the Node version of .nvmrc, from a tag', () => {
    expect(workflow).toMatch(/os: \[windows-latest, macos-latest, ubuntu-latest\]/);
    expect(workflow).toContain('node-version-file: .nvmrc');
    expect(workflow).toMatch(/tags: \["v\*"\]/);
    expect(workflow).toContain('npm run dist');
  });

  it('names only secrets docs/IT.md documents', () => {
    const secrets = [...workflow.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]!);
    expect(secrets.length).toBeGreaterThan(5);
    const itDoc = readFileSync(join(root, 'docs/IT.md'), 'utf8');
    for (const secret of secrets) expect(itDoc, secret).toContain(`\`${secret}\``);
  });
});
