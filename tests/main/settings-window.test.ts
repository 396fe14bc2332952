/**
 * The settings screen against the fake Electron: opened from the tray, answers only its own page,
 * shows what IT locked and refuses to change it, saves the rest to the user's config.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDesktop } from './desktop-harness.js';
import { app, FakeBrowserWindow, invokeFrom, Notification } from './fake-electron.js';

function openSettings(locked: string[] = [], settings: Record<string, unknown> = {}) {
  const started = startDesktop(undefined, settings, { locked: locked as any });
  const tray = started.desktop.tray.tray as any;
  const item = (label: string) => tray.menu.items.find((i: any) => i.label === label);
  item('Settings…').click();
  const [window] = started.windows('settings');
  const fromSettings = (channel: string, ...args: unknown[]) => invokeFrom(window!, channel, args);
  const userFile = join(app.userData, 'config.json');
  const saved = () => (existsSync(userFile) ? JSON.parse(readFileSync(userFile, 'utf8')) : undefined);
  return { ...started, window: window!, fromSettings, saved, trayItem: item };
}

describe('settings screen', () => {
  it('opens once from the tray, as the local settings page', () => {
    const { window, trayItem, windows } = openSettings();
    expect(window.loadedFile).toMatch(/settings\.html$/);
    trayItem('Settings…').click();
    expect(windows('settings')).toHaveLength(1);
  });

  it('shows every setting and which ones IT locked', async () => {
    const { fromSettings } = openSettings(['serverUrl', 'updatesEnabled'], {
      serverUrl: 'https://chat.corp.example',
    });
    const view = await fromSettings('settings/get');
    expect(view).toEqual({
      ok: true,
      value: {
        values: {
          serverUrl: 'https://chat.corp.example',
          language: 'system',
          startAtLogin: false,
          doNotDisturb: false,
          updatesEnabled: true,
          updateChannel: 'latest',
        },
        locked: ['serverUrl', 'updatesEnabled'],
        restartNeeded: false,
        language: 'en',
      },
    });
  });

  it('refuses to change a locked setting and writes nothing', async () => {
    const { fromSettings, saved } = openSettings(['serverUrl']);
    expect(await fromSettings('settings/set', 'serverUrl', 'https://mine.example')).toEqual({
      ok: false,
      error: 'setting_locked',
    });
    expect(saved()).toBeUndefined();
  });

  it('saves an unlocked setting to config.json and says a restart applies it', async () => {
    const { fromSettings, saved } = openSettings();
    const result = await fromSettings('settings/set', 'serverUrl', 'https://chat.example.org/');
    expect(result.value).toMatchObject({
      values: { serverUrl: 'https://chat.example.org' },
      restartNeeded: true,
    });
    expect(saved()).toEqual({ serverUrl: 'https://chat.example.org' });
    expect(await fromSettings('settings/set', 'serverUrl', 'not a url')).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(await fromSettings('settings/set', 'secretKey', 'x')).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
  });

  it('do-not-disturb applies at once, and the tray toggle is the same saved setting', async () => {
    const { fromSettings, desktop, saved, trayItem } = openSettings();
    const result = await fromSettings('settings/set', 'doNotDisturb', true);
    expect(result.value.restartNeeded).toBe(false);
    expect(desktop.tray.state().doNotDisturb).toBe(true);
    trayItem('Do not disturb').click({ checked: false });
    expect(saved()).toEqual({ doNotDisturb: false });
  });

  it('a locked do-not-disturb cannot be toggled from the tray', () => {
    const { trayItem } = openSettings(['doNotDisturb'], { doNotDisturb: true });
    expect(trayItem('Do not disturb')).toMatchObject({ checked: true, enabled: false });
  });

  it('answers only the settings page: the chat cannot read or change settings', async () => {
    const { fromMain } = openSettings();
    expect(await fromMain('settings/get')).toEqual({ ok: false, error: 'sender_not_allowed' });
    expect(await fromMain('settings/set', 'serverUrl', 'https://evil.example')).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
    expect(FakeBrowserWindow.all.length).toBeGreaterThan(0);
  });

  it('tells the user, in their language, when IT policy overrode the server they asked for', () => {
    app.languages = ['zh-CN'];
    startDesktop(
      undefined,
      { serverUrl: 'https://chat.corp.example' },
      { locked: ['serverUrl'], overridden: ['serverUrl'] },
    );
    const notice = Notification.all.find((n) => n.options.title === '服务器由你的组织设定');
    expect(notice?.shown).toBe(true);
    expect(notice?.options.body).toContain('https://chat.corp.example');
  });

  it('no notice when nothing was overridden', () => {
    startDesktop(undefined, { serverUrl: 'https://chat.corp.example' }, { locked: ['serverUrl'] });
    expect(Notification.all.filter((n) => /organisation/.test(n.options.title))).toEqual([]);
  });
});
