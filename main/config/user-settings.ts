/**
 * The settings screen's rules: which settings the user may edit, and a change to the user's config
 * file, refused when IT policy locked the setting or the value is unusable. Pure.
 */
import { type DesktopSettings, SETTING_SPECS, type SettingKey } from './setting-specs.js';

/** What the settings screen shows, in order. */
export const EDITABLE_KEYS = [
  'serverUrl',
  'language',
  'startAtLogin',
  'doNotDisturb',
  'updatesEnabled',
  'updateChannel',
] as const satisfies readonly SettingKey[];

export type EditableKey = (typeof EDITABLE_KEYS)[number];

/** Settings that take effect at the next start (the others apply at once). */
export const RESTART_KEYS: readonly EditableKey[] = [
  'serverUrl',
  'language',
  'updatesEnabled',
  'updateChannel',
];

export function isEditableKey(key: unknown): key is EditableKey {
  return EDITABLE_KEYS.includes(key as EditableKey);
}

export type UserChange =
  | { ok: true; key: EditableKey; value: DesktopSettings[EditableKey]; config: Record<string, unknown> }
  | { ok: false; error: 'setting_locked' | 'invalid_arguments' };

/** The user's config with `key` set to `value` (normalised), unless locked or unusable. */
export function applyUserChange(
  userConfig: unknown,
  key: EditableKey,
  value: unknown,
  locked: readonly SettingKey[],
): UserChange {
  if (locked.includes(key)) return { ok: false, error: 'setting_locked' };
  const parsed = SETTING_SPECS[key].parse(value);
  if (parsed === undefined || parsed === null) return { ok: false, error: 'invalid_arguments' };
  // A broken or non-object file is replaced rather than failing the change: it was already ignored.
  const base =
    typeof userConfig === 'object' && userConfig !== null && !Array.isArray(userConfig) ? userConfig : {};
  return { ok: true, key, value: parsed, config: { ...base, [key]: parsed } };
}
