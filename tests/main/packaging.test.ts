/**
 * Packaging: electron-builder.yml must pass electron-builder's own schema and say what the product
 * needs (installers per platform, the deep-link scheme, macOS camera/microphone texts, a lean asar).
 * Installers need downloads; an unpacked build with a stand-in Electron runs offline.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeElectronStandIn } from './electron-stand-in.js';
import { expectSealedFuses } from './fuses.js';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { DebugLogger } = require('builder-util');
const root = resolve(import.meta.dirname, '../..');
// electron-builder's own loader reads electron-builder.yml (and normalises `files`).
const config = await getConfig(root, null, null);
const scratch = mkdtempSync(join(tmpdir(), 'peace-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s configuration schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the product and registers peace-messenger:// links', () => {
    expect(config.appId).toBe('org.peacemessenger.desktop');
    expect(config.productName).toBe('Peace Messenger');
    expect(config.protocols).toEqual([{ name: 'Peace Messenger room link', schemes: ['peace-messenger'] }]);
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, a DMG on macOS with camera and microphone texts', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.device.camera');
    expect(entitlements).toContain('com.apple.security.device.audio-input');
  });

  it('ships only compiled files and package.json, in an asar', () => {
    expect(config.asar).toBe(true);
    const included = config.files
      .flatMap((set: { filter: string[] }) => set.filter)
      .filter((pattern: string) => !pattern.startsWith('!'));
    for (const pattern of included)
      expect(pattern === 'package.json' || pattern.startsWith('dist/')).toBe(true);
  });

  it('package.json "main" is the compiled entry the build produces', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/index.js');
  });
});

describe('electron-builder --dir', () => {
  const built =
    existsSync(join(root, 'dist/main/index.js')) && existsSync(join(root, 'dist/preload/index.cjs'));

  it.skipIf(!built)(
    'packs an unpacked app offline around a stand-in Electron (skipped before `npm run build`)',
    async () => {
      // The real Electron binary cannot be downloaded here; electron-builder only copies it.
      const electronDist = join(scratch, 'electron-dist');
      mkdirSync(electronDist);
      writeElectronStandIn(electronDist);
      const output = join(scratch, 'release');
      await promisify(execFile)(
        process.execPath,
        [
          require.resolve('electron-builder/cli.js'),
          '--dir',
          '--linux',
          `-c.electronDist=${electronDist}`,
          `-c.directories.output=${output}`,
        ],
        { cwd: root, env: { ...process.env, CI: 'true' } },
      );
      const resources = join(output, 'linux-unpacked', 'resources');
      const { listPackage } = require('@electron/asar');
      const files: string[] = listPackage(join(resources, 'app.asar'));
      expect(files).toContain('/dist/main/index.js');
      expect(files).toContain('/dist/preload/index.cjs');
      expect(files).toContain('/dist/pages/incoming-call.html');
      expect(files).toContain('/dist/pages/local-page.cjs');
      expect(files.some((f) => f.startsWith('/node_modules') || f.startsWith('/dist/backend'))).toBe(false);
      expect(existsSync(join(output, 'linux-unpacked', 'peace-messenger'))).toBe(true);
      await expectSealedFuses(join(output, 'linux-unpacked', 'peace-messenger'));
    },
    180_000,
  );
});
