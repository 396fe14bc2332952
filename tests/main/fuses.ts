import { createRequire } from 'node:module';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const ON = 49; // '1'
const OFF = 48; // '0'

/**
 * Reads the fuse wire of a packaged Electron binary and holds each fuse to docs/SECURITY.md: no running
 * as plain Node, no NODE_OPTIONS, no --inspect, encrypted cookies, code only from a checked app.asar.
 */
export async function expectSealedFuses(binary: string): Promise<void> {
  const wire = await getCurrentFuseWire(binary);
  const state = (fuse: number) => wire[fuse];
  expect({
    runAsNode: state(FuseV1Options.RunAsNode),
    cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
    nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
    inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
    asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
    onlyAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
  }).toEqual({
    runAsNode: OFF,
    cookieEncryption: ON,
    nodeOptions: OFF,
    inspect: OFF,
    asarIntegrity: ON,
    onlyAsar: ON,
  });
}
