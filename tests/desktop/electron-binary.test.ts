import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const electronDir = resolve(import.meta.dirname, '../../node_modules/electron');

describe('npm start: finding Electron without downloading it', () => {
  it('reports what is installed, and never starts a download', () => {
    const pathFile = join(electronDir, 'path.txt');
    const installed = existsSync(pathFile)
      ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
      : null;
    const distExisted = existsSync(join(electronDir, 'dist'));
    expect(findElectronBinary({})).toBe(installed && existsSync(installed) ? installed : null);
    expect(existsSync(join(electronDir, 'dist'))).toBe(distExisted);
  });

  it('finds a binary under ELECTRON_OVERRIDE_DIST_PATH, and only if it exists', () => {
    const dist = mkdtempSync(join(tmpdir(), 'electron-dist-'));
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBeNull();
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(dist, 'electron'), 0o755);
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(join(dist, 'electron'));
  });
});
