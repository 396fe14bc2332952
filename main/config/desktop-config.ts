/**
 * The desktop app's settings and where they come from, highest first: IT policy (Group Policy,
 * managed preferences, the machine-wide policy file), the command line (`--server=`, …), the
 * environment (`PEACE_SERVER_URL`, …), the user's config file, then the default. A value set by
 * policy is locked: the settings screen shows it and refuses to change it. Pure: the caller reads
 * the files and the registry.
 */
import { type DesktopSettings, SETTING_KEYS, SETTING_SPECS, type SettingKey } from './setting-specs.js';

export { DEFAULT_SERVER_URL, type DesktopSettings, type SettingKey } from './setting-specs.js';

/** One source of IT policy, its values already keyed by setting (see it-policy.ts). */
export interface PolicyLayer {
  /** Where it came from, for warnings: "HKLM\SOFTWARE\Policies\PeaceMessenger", a file path, … */
  source: string;
  values: Partial<Record<SettingKey, unknown>>;
}

/** Everything settings are resolved from. */
export interface ConfigSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Policy layers, strongest first. */
  policies?: readonly PolicyLayer[];
  /** Parsed JSON of the user's config file, or undefined when absent. */
  userConfig?: unknown;
}

/** The settings, which of them IT locked, and one line per ignored value naming its source. */
export interface ResolvedSettings {
  settings: DesktopSettings;
  locked: SettingKey[];
  /** Locked settings the command line or environment asked to be different (the user is told). */
  overridden: SettingKey[];
  warnings: string[];
}

type Candidate = { source: string; value: unknown; fromPolicy: boolean; explicit?: boolean };

function argValue(argv: readonly string[], name: string | undefined): string | undefined {
  if (!name) return undefined;
  const prefix = `--${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function fileValue(config: unknown, key: string): unknown {
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>)[key] : undefined;
}

function candidatesFor(key: SettingKey, sources: ConfigSources): Candidate[] {
  const spec = SETTING_SPECS[key];
  return [
    ...(sources.policies ?? []).map((layer) => ({
      source: `${spec.policyName} in ${layer.source}`,
      value: layer.values[key],
      fromPolicy: true,
    })),
    { source: `--${spec.arg}`, value: argValue(sources.argv, spec.arg), fromPolicy: false, explicit: true },
    {
      source: spec.env ?? '',
      value: spec.env ? sources.env[spec.env] : undefined,
      fromPolicy: false,
      explicit: true,
    },
    {
      source: `${key} in the user config file`,
      value: fileValue(sources.userConfig, key),
      fromPolicy: false,
    },
  ];
}

/** Resolves every setting by precedence; unusable values are skipped with a warning, never fatal. */
export function resolveDesktopSettings(sources: ConfigSources): ResolvedSettings {
  const warnings: string[] = [];
  const locked: SettingKey[] = [];
  const overridden: SettingKey[] = [];
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const spec = SETTING_SPECS[key];
    settings[key] = spec.defaultValue;
    const candidates = candidatesFor(key, sources);
    for (const [index, { source, value, fromPolicy }] of candidates.entries()) {
      if (value === undefined || value === null || value === '') continue;
      const parsed = spec.parse(value);
      if (parsed === undefined) {
        warnings.push(`Ignoring ${source}: ${JSON.stringify(value)} is not a usable ${key}`);
        continue;
      }
      settings[key] = parsed;
      if (fromPolicy) {
        locked.push(key);
        const asked = candidates.slice(index + 1).filter((c) => c.explicit && c.value);
        if (asked.some((c) => spec.parse(c.value) !== parsed)) overridden.push(key);
      }
      break;
    }
  }
  return { settings: settings as unknown as DesktopSettings, locked, overridden, warnings };
}
