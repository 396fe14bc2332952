/**
 * The settings screen (a local page, dist/pages/settings.html): server URL, language, start at
 * login, do-not-disturb and updates, each shown as locked when IT policy set it. Changes go to the
 * user's config.json; do-not-disturb and start at login apply at once, the rest at the next start.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { IpcResult, SettingsView } from '../../contract/ipc.js';
import type { DesktopSettings, SettingKey } from '../config/desktop-config.js';
import { applyUserChange, EDITABLE_KEYS, type EditableKey, RESTART_KEYS } from '../config/user-settings.js';
import type { Language, Strings } from '../i18n.js';
import { localPagePreloadPath, pagesDir } from '../paths.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import type { WindowRegistry } from './window-registry.js';

export interface SettingsWindowOptions {
  registry: WindowRegistry;
  strings: Strings;
  language: Language;
  settings: DesktopSettings;
  locked: readonly SettingKey[];
  /** The user's config.json. */
  userConfigPath: string;
  /** Do-not-disturb changed (from this screen or the tray). */
  onDoNotDisturb(on: boolean): void;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // absent or broken: start-up already reported a broken file
  }
}

export class SettingsWindow {
  readonly #options: SettingsWindowOptions;
  readonly #values: SettingsView['values'];
  #restartNeeded = false;

  constructor(options: SettingsWindowOptions) {
    this.#options = options;
    const { settings } = options;
    this.#values = Object.fromEntries(
      EDITABLE_KEYS.map((key) => [key, settings[key]]),
    ) as SettingsView['values'];
  }

  /** Opens the screen, or focuses it when open. */
  open(): void {
    const { registry, strings } = this.#options;
    const existing = registry.withRole('settings')[0]?.window;
    if (existing) {
      existing.show();
      existing.focus();
      return;
    }
    const window = new BrowserWindow({
      title: strings.settingsTitle,
      width: 520,
      height: 560,
      show: false,
      webPreferences: secureWebPreferences(localPagePreloadPath),
    });
    registry.add({ role: 'settings', window });
    window.once('ready-to-show', () => window.show());
    void window.loadFile(join(pagesDir, 'settings.html'));
  }

  view(): SettingsView {
    const locked = this.#options.locked.filter((key): key is EditableKey =>
      EDITABLE_KEYS.includes(key as EditableKey),
    );
    return {
      values: { ...this.#values },
      locked,
      restartNeeded: this.#restartNeeded,
      language: this.#options.language,
    };
  }

  /** Saves one setting unless IT locked it; answers the new view. */
  change(key: EditableKey, value: unknown): IpcResult<SettingsView> {
    const path = this.#options.userConfigPath;
    const change = applyUserChange(readJson(path), key, value, this.#options.locked);
    if (!change.ok) return change;
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename: a crash mid-write never leaves a half file that would lose every setting.
    writeFileSync(`${path}.tmp`, `${JSON.stringify(change.config, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
    (this.#values as Record<string, unknown>)[key] = change.value;
    if (key === 'doNotDisturb') this.#options.onDoNotDisturb(change.value as boolean);
    if (key === 'startAtLogin' && app.isPackaged)
      app.setLoginItemSettings({ openAtLogin: change.value as boolean });
    if (RESTART_KEYS.includes(key)) this.#restartNeeded = true;
    return { ok: true, value: this.view() };
  }
}
