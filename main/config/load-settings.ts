/** Reads IT policy and the user's config file and resolves the settings (precedence in desktop-config.ts). */
import { join } from 'node:path';
import { type ResolvedSettings, resolveDesktopSettings } from './desktop-config.js';
import { hostSystem, type PolicySystem, readPolicies } from './policy-sources.js';

/** The user's own settings file (written by the settings screen). */
export function userConfigPath(userDataDir: string): string {
  return join(userDataDir, 'config.json');
}

function readUserConfig(path: string, system: PolicySystem, warnings: string[]): unknown {
  const text = system.readText(path);
  if (text === null) return undefined; // an absent file is the normal case
  try {
    return JSON.parse(text);
  } catch {
    warnings.push(`Ignoring ${path}: not valid JSON`);
    return undefined;
  }
}

/** Loads settings for this process; `userDataDir` holds the user's own config.json. */
export function loadSettings(
  userDataDir: string,
  argv: readonly string[] = process.argv,
  system: PolicySystem = hostSystem,
): ResolvedSettings {
  const policies = readPolicies(system);
  const fileWarnings = [...policies.warnings];
  const userConfig = readUserConfig(userConfigPath(userDataDir), system, fileWarnings);
  const resolved = resolveDesktopSettings({ argv, env: system.env, policies: policies.layers, userConfig });
  return { ...resolved, warnings: [...fileWarnings, ...resolved.warnings] };
}
