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

  it('builds NSIS + MSI, dmg + zip, AppImage + deb + rpm, with an icon for each platform', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.msi.perMachine).toBe(true);
    for (const icon of [
      config.win.icon,
      config.mac.icon,
      'build/icon.png',
      `${config.linux.icon}/512x512.png`,
    ])
      expect(existsSync(join(root, icon))).toBe(true);
  });

  it('macOS: hardened runtime, entitlements and usage texts for camera, microphone and screen', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    expect(config.mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/);
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.device.camera');
    expect(entitlements).toContain('com.apple.security.device.audio-input');
  });

  it('signs only from the environment: no certificate, identity or password in the config', () => {
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|identity|appleId)\s*:/m,
    );
    expect(config.publish).toMatchObject({ provider: 'generic' });
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

const packDir = join(root, 'scripts/pack-dir.mjs');
const run = promisify(execFile);

describe('npm run pack:dir', () => {
  it('without an Electron distribution says in one line what it needs, and downloads nothing', async () => {
    const failed = await run(process.execPath, [packDir], {
      cwd: root,
      env: { ...process.env, ELECTRON_DIST: join(scratch, 'nothing-here') },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    // (skips the assertion if this machine has node_modules/electron/dist after all)
    if (existsSync(join(root, 'node_modules/electron/dist'))) return;
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^pack:dir needs an Electron distribution offline: set ELECTRON_DIST/),
    ]);
  });

  const built = [
    'dist/main/index.js',
    'dist/preload/index.cjs',
    'dist/main/vendor/electron-updater.cjs',
  ].every((file) => existsSync(join(root, file)));

  it.skipIf(!built)(
    'packs an app.asar holding only the built main, contract, preload and pages, around a stand-in Electron (skipped before `npm run build`)',
    async () => {
      // The real Electron binary cannot be downloaded here; electron-builder only copies it.
      const electronDist = join(scratch, 'electron-dist');
      mkdirSync(electronDist);
      writeElectronStandIn(electronDist);
      const output = join(scratch, 'release');
      await run(process.execPath, [packDir, '--no-build', '--linux', `-c.directories.output=${output}`], {
        cwd: root,
        env: { ...process.env, CI: 'true', ELECTRON_DIST: electronDist },
      });
      const resources = join(output, 'linux-unpacked', 'resources');
      const { listPackage } = require('@electron/asar');
      const files: string[] = listPackage(join(resources, 'app.asar'));
      expect(files).toContain('/dist/main/index.js');
      expect(files).toContain('/dist/main/vendor/electron-updater.cjs');
      expect(files).toContain('/dist/preload/index.cjs');
      expect(files).toContain('/dist/pages/incoming-call.html');
      expect(files).toContain('/dist/pages/local-page.cjs');
      expect(files).toContain('/dist/contract/ids.js');
      const shipped = /^\/(package\.json|dist(\/(main|contract|preload|pages)(\/.*)?)?)$/;
      expect(files.filter((file) => !shipped.test(file))).toEqual([]);
      expect(files.filter((file) => /\.(map|ts|env|pem|p12|key)$|\/tests?\//.test(file))).toEqual([]);
      expect(existsSync(join(output, 'linux-unpacked', 'peace-messenger'))).toBe(true);
      await expectSealedFuses(join(output, 'linux-unpacked', 'peace-messenger'));
      expect(readFileSync(join(resources, 'app-update.yml'), 'utf8')).toContain('provider: generic');
    },
    180_000,
  );
});
