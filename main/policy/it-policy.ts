/**
 * IT policy in its three forms (the machine-wide JSON file, Windows Group Policy registry values,
 * macOS managed preferences), turned into policy layers keyed by setting. Pure: policy-sources.ts
 * reads the files and runs `reg query` / `plutil`. Anything unusable becomes a warning, never an error.
 */
import type { PolicyLayer } from '../config/desktop-config.js';
import { SETTING_KEYS, SETTING_SPECS, type SettingKey } from '../config/setting-specs.js';

/** The Group Policy registry key (under HKLM, and HKCU for per-user policy). */
export const POLICY_REGISTRY_KEY = 'SOFTWARE\\Policies\\PeaceMessenger';
/** The macOS managed-preferences domain (the app id). */
export const POLICY_DOMAIN = 'org.peacemessenger.desktop';

/** Where IT puts the machine-wide policy file on each platform. */
export function policyFilePath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\PeaceMessenger\\policy.json`;
  if (platform === 'darwin') return '/Library/Application Support/PeaceMessenger/policy.json';
  return '/etc/peace-messenger/policy.json';
}

const byPolicyName = new Map<string, SettingKey>(
  SETTING_KEYS.map((key) => [SETTING_SPECS[key].policyName.toLowerCase(), key]),
);

/** The setting a name stands for: its policy name (`ServerUrl`, any case) or its JSON key (`serverUrl`). */
export function settingForName(name: string): SettingKey | undefined {
  return byPolicyName.get(name.toLowerCase());
}

/** A layer from name → value pairs; unknown names are reported (a typo must not pass silently). */
export function policyLayer(
  values: unknown,
  source: string,
): { layer: PolicyLayer | null; warnings: string[] } {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    return { layer: null, warnings: [`Ignoring ${source}: not a JSON object of policy values`] };
  const warnings: string[] = [];
  const layer: PolicyLayer = { source, values: {} };
  for (const [name, value] of Object.entries(values)) {
    const key = settingForName(name);
    if (key) layer.values[key] = value;
    // `$schema` is an editor aid and Payload* keys come with configuration profiles: not policy.
    else if (!name.startsWith('$') && !name.startsWith('Payload'))
      warnings.push(`Ignoring unknown policy ${name} in ${source}`);
  }
  return { layer, warnings };
}

/** The policy file's text as a layer; malformed JSON is a warning and no layer. */
export function policyFromJsonText(text: string, source: string) {
  try {
    return policyLayer(JSON.parse(text), source);
  } catch {
    return { layer: null, warnings: [`Ignoring ${source}: not valid JSON`] };
  }
}

const REG_LINE = /^\s+(\S.*?)\s{4}(REG_SZ|REG_EXPAND_SZ|REG_DWORD|REG_QWORD)\s{4}(.*)$/;

/** The values of one key from `reg query <key>` output: strings as strings, DWORDs as numbers. */
export function parseRegQuery(output: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = REG_LINE.exec(line);
    if (!match) continue; // the key's own path, blank lines, subkeys, types we do not use
    const [, name, type, data] = match as unknown as [string, string, string, string];
    values[name] = type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(data, 16) : data.trim();
  }
  return values;
}
