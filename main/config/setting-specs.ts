/**
 * Every desktop setting once: its type, default, and the names it goes by on the command line, in
 * the environment, in the IT policy (Windows registry value, macOS managed preference) and in the
 * JSON files. Resolution (desktop-config.ts), the policy readers and the ADMX template all follow
 * this table; tests check the ADMX against it.
 */
import { acceptableJitsiOrigin } from '../policy/url-policy.js';

/** The default backend: `npm start` runs one here. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

/** Update channels a build is published on (electron-updater reads `{channel}.yml`). */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;

/** What the app runs with. */
export interface DesktopSettings {
  /** Origin of the backend (the chat web client is its `/`). */
  serverUrl: string;
  /** Origin of the Jitsi server call windows may use; null means "the HTTPS one room_url names". */
  jitsiServerUrl: string | null;
  /** 'system' follows the operating system's language. */
  language: 'system' | 'zh-CN' | 'en';
  startAtLogin: boolean;
  doNotDisturb: boolean;
  updatesEnabled: boolean;
  /** Base URL of the update server (electron-updater's generic provider); null: no updates. */
  updateUrl: string | null;
  updateChannel: (typeof UPDATE_CHANNELS)[number];
}

export type SettingKey = keyof DesktopSettings;

/** How one setting is named and read; `parse` answers undefined for an unusable value. */
export interface SettingSpec<T> {
  /** Registry value / managed-preference key / ADMX valueName. */
  policyName: string;
  arg?: string;
  env?: string;
  defaultValue: T;
  parse(value: unknown): T | undefined;
}

function httpOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** An http(s) base URL, kept with its path (update servers often live under one), no trailing slash. */
function httpBaseUrl(value: unknown): string | undefined {
  if (!httpOrigin(value)) return undefined;
  const url = new URL(value as string);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** true/false, and the forms registries and command lines carry them in (1/0, "true"/"false"). */
function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (value: unknown): T | undefined => (choices.includes(value as T) ? (value as T) : undefined);
}

/** The table itself, in the order the settings screen shows them. */
export const SETTING_SPECS: { [K in SettingKey]: SettingSpec<DesktopSettings[K]> } = {
  serverUrl: {
    policyName: 'ServerUrl',
    arg: 'server',
    env: 'PEACE_SERVER_URL',
    defaultValue: DEFAULT_SERVER_URL,
    parse: httpOrigin,
  },
  jitsiServerUrl: {
    policyName: 'JitsiServerUrl',
    arg: 'jitsi-server',
    env: 'PEACE_JITSI_SERVER_URL',
    defaultValue: null,
    parse: (value) => (typeof value === 'string' ? (acceptableJitsiOrigin(value) ?? undefined) : undefined),
  },
  language: { policyName: 'Language', defaultValue: 'system', parse: oneOf(['system', 'zh-CN', 'en']) },
  startAtLogin: { policyName: 'StartAtLogin', defaultValue: false, parse: parseBoolean },
  doNotDisturb: { policyName: 'DoNotDisturb', defaultValue: false, parse: parseBoolean },
  updatesEnabled: { policyName: 'UpdatesEnabled', defaultValue: true, parse: parseBoolean },
  updateUrl: {
    policyName: 'UpdateUrl',
    arg: 'update-url',
    env: 'PEACE_UPDATE_URL',
    defaultValue: null,
    parse: httpBaseUrl,
  },
  updateChannel: { policyName: 'UpdateChannel', defaultValue: 'latest', parse: oneOf(UPDATE_CHANNELS) },
};

export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];
