/**
 * The desktop app's settings and where they come from, highest first: the command line
 * (`--server=`, `--jitsi-server=`), the environment (`PEACE_SERVER_URL`, `PEACE_JITSI_SERVER_URL`),
 * the IT-managed config file, the user's config file, then the default. Pure: the caller reads the
 * files.
 */
import { acceptableJitsiOrigin } from '../policy/url-policy.js';

/** The default backend: `npm start` runs one here. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

/** What the app runs with. */
export interface DesktopSettings {
  /** Origin of the backend (the chat web client is its `/`). */
  serverUrl: string;
  /** Origin of the Jitsi server call windows may use; null means "the HTTPS one room_url names". */
  jitsiServerUrl: string | null;
}

/** Everything settings are resolved from. */
export interface ConfigSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON of the IT config file, or undefined when absent. */
  itConfig?: unknown;
  /** Parsed JSON of the user's config file, or undefined when absent. */
  userConfig?: unknown;
}

/** The settings, and one line per ignored value (a malformed URL names its source). */
export interface ResolvedSettings {
  settings: DesktopSettings;
  warnings: string[];
}

type Candidate = { source: string; value: unknown };

function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function fileValue(config: unknown, key: string): unknown {
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>)[key] : undefined;
}

function backendOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function firstValid(
  candidates: Candidate[],
  normalise: (value: string) => string | null,
  warnings: string[],
): string | null {
  for (const { source, value } of candidates) {
    if (value === undefined || value === null || value === '') continue;
    const normalised = typeof value === 'string' ? normalise(value) : null;
    if (normalised) return normalised;
    warnings.push(`Ignoring ${source}: not a usable URL`);
  }
  return null;
}

/** Resolves the settings by precedence; invalid values are skipped with a warning, never fatal. */
export function resolveDesktopSettings(sources: ConfigSources): ResolvedSettings {
  const warnings: string[] = [];
  const { argv, env, itConfig, userConfig } = sources;
  const serverUrl = firstValid(
    [
      { source: '--server', value: argValue(argv, 'server') },
      { source: 'PEACE_SERVER_URL', value: env.PEACE_SERVER_URL },
      { source: 'serverUrl in the IT config file', value: fileValue(itConfig, 'serverUrl') },
      { source: 'serverUrl in the user config file', value: fileValue(userConfig, 'serverUrl') },
    ],
    backendOrigin,
    warnings,
  );
  const jitsiServerUrl = firstValid(
    [
      { source: '--jitsi-server', value: argValue(argv, 'jitsi-server') },
      { source: 'PEACE_JITSI_SERVER_URL', value: env.PEACE_JITSI_SERVER_URL },
      { source: 'jitsiServerUrl in the IT config file', value: fileValue(itConfig, 'jitsiServerUrl') },
      { source: 'jitsiServerUrl in the user config file', value: fileValue(userConfig, 'jitsiServerUrl') },
    ],
    acceptableJitsiOrigin,
    warnings,
  );
  return { settings: { serverUrl: serverUrl ?? DEFAULT_SERVER_URL, jitsiServerUrl }, warnings };
}

/** Where IT departments put the machine-wide config file on each platform. */
export function itConfigPath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\PeaceMessenger\\config.json`;
  if (platform === 'darwin') return '/Library/Application Support/PeaceMessenger/config.json';
  return '/etc/peace-messenger/config.json';
}
