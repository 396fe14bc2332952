import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where @electron/fuses finds the fuse wire in an Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's own defaults, one byte per fuse ('1' on, '0' off) in @electron/fuses' V1 order: RunAsNode,
 * CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar,
 * BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
const DEFAULT_WIRE = '10110001';

/**
 * Writes a stand-in for the Electron binary (which cannot be downloaded here) into `dir`: a shell
 * script that carries a real fuse wire, so electron-builder can flip fuses in it and a test can read
 * what the packaged app would run with.
 */
export function writeElectronStandIn(dir: string): void {
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho stand-in\nexit 0\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(`${DEFAULT_WIRE}\n`),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
}
