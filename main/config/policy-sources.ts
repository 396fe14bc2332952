/**
 * Reads IT policy where each platform keeps it, strongest first: Windows Group Policy (HKLM, then
 * HKCU), macOS managed preferences (pushed by Jamf, Intune or a `.mobileconfig`), then the
 * machine-wide policy file. A missing source is normal; a broken one is reported and skipped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  POLICY_DOMAIN,
  POLICY_REGISTRY_KEY,
  parseRegQuery,
  policyFilePath,
  policyFromJsonText,
  policyLayer,
} from '../policy/it-policy.js';
import type { PolicyLayer } from './desktop-config.js';

/** What reading needs from the system; tests pass fakes. */
export interface PolicySystem {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Runs a command and answers its stdout, or null when it failed (e.g. the key does not exist). */
  run(command: string, args: string[]): string | null;
  /** A file's text, or null when it does not exist. */
  readText(path: string): string | null;
}

/** The real system. */
export const hostSystem: PolicySystem = {
  platform: process.platform,
  env: process.env,
  run(command, args) {
    try {
      return execFileSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      });
    } catch {
      return null;
    }
  },
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
};

/** The managed-preferences plist for the machine (MDM profiles land here). */
export const MANAGED_PREFERENCES_PLIST = `/Library/Managed Preferences/${POLICY_DOMAIN}.plist`;

/** Every policy layer found, strongest first, and what was wrong with any of them. */
export function readPolicies(system: PolicySystem = hostSystem): {
  layers: PolicyLayer[];
  warnings: string[];
} {
  const found: Array<{ layer: PolicyLayer | null; warnings: string[] }> = [];
  if (system.platform === 'win32') {
    for (const hive of ['HKLM', 'HKCU']) {
      const key = `${hive}\\${POLICY_REGISTRY_KEY}`;
      const output = system.run('reg', ['query', key]);
      if (output !== null) found.push(policyLayer(parseRegQuery(output), key));
    }
  }
  if (system.platform === 'darwin' && system.readText(MANAGED_PREFERENCES_PLIST) !== null) {
    // plutil reads binary and XML plists alike.
    const json = system.run('plutil', ['-convert', 'json', '-o', '-', MANAGED_PREFERENCES_PLIST]);
    found.push(
      json === null
        ? { layer: null, warnings: [`Ignoring ${MANAGED_PREFERENCES_PLIST}: not a readable plist`] }
        : policyFromJsonText(json, MANAGED_PREFERENCES_PLIST),
    );
  }
  const file = policyFilePath(system.platform, system.env);
  const text = system.readText(file);
  if (text !== null) found.push(policyFromJsonText(text, file));
  return {
    layers: found.flatMap(({ layer }) => (layer && Object.keys(layer.values).length > 0 ? [layer] : [])),
    warnings: found.flatMap(({ warnings }) => warnings),
  };
}
