/** Reads the config files and resolves the settings (precedence in desktop-config.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itConfigPath, type ResolvedSettings, resolveDesktopSettings } from './desktop-config.js';

function readJson(path: string, warnings: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // an absent file is the normal case
  }
  try {
    return JSON.parse(text);
  } catch {
    warnings.push(`Ignoring ${path}: not valid JSON`);
    return undefined;
  }
}

/** Loads settings for this process; `userDataDir` holds the user's own config.json. */
export function loadSettings(userDataDir: string): ResolvedSettings {
  const fileWarnings: string[] = [];
  const itConfig = readJson(itConfigPath(process.platform, process.env), fileWarnings);
  const userConfig = readJson(join(userDataDir, 'config.json'), fileWarnings);
  const resolved = resolveDesktopSettings({ argv: process.argv, env: process.env, itConfig, userConfig });
  return { settings: resolved.settings, warnings: [...fileWarnings, ...resolved.warnings] };
}
