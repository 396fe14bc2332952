/**
 * Background updates with electron-updater faked (it cannot fetch or install here): the policy
 * switch, progress in the tray and taskbar, "Restart now", and the rule that an update never
 * restarts the app during a call.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Updater } from '../../main/updates/update-controller.js';
import { roomUrl, startDesktop } from './desktop-harness.js';
import { app, Notification } from './fake-electron.js';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  #channel: string | null = null;
  feed: unknown = null;
  checks = 0;
  installs: unknown[][] = [];
  get channel() {
    return this.#channel;
  }
  /** As electron-updater's: setting a channel also allows downgrades. */
  set channel(value: string | null) {
    this.#channel = value;
    this.allowDowngrade = true;
  }
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
}

function startPackaged(settings: Record<string, unknown>) {
  app.isPackaged = true;
  const updater = new FakeUpdater();
  const started = startDesktop(undefined, settings, { loadUpdater: () => updater });
  const trayLabels = () => (started.desktop.tray.tray as any).menu.items.map((i: any) => i.label ?? i.type);
  const trayItem = (label: string) =>
    (started.desktop.tray.tray as any).menu.items.find((i: any) => i.label === label);
  return { ...started, updater, trayLabels, trayItem };
}

describe('auto-update', () => {
  it('checks the configured feed in the background, pinned channel, no downgrades, installs on quit', () => {
    const { updater } = startPackaged({
      updateUrl: 'https://updates.corp.example/peace',
      updateChannel: 'beta',
    });
    expect(updater.feed).toEqual({
      provider: 'generic',
      url: 'https://updates.corp.example/peace',
      channel: 'beta',
    });
    expect(updater.channel).toBe('beta');
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(updater.checks).toBe(1);
  });

  it('IT switched off: electron-updater is never even loaded', () => {
    app.isPackaged = true;
    let loaded = false;
    const { desktop } = startDesktop(
      undefined,
      { updatesEnabled: false, updateUrl: 'https://u.example' },
      {
        loadUpdater: () => {
          loaded = true;
          return new FakeUpdater();
        },
      },
    );
    expect(desktop.updates).toBeNull();
    expect(loaded).toBe(false);
  });

  it('shows download progress in the tray and the taskbar, then offers Restart now', async () => {
    const { updater, main, trayLabels, trayItem } = startPackaged({ updateUrl: 'https://u.example' });
    updater.emit('download-progress', { percent: 42.7 });
    expect(trayLabels()).toContain('Downloading update… 42%');
    expect(main.progress).toBeCloseTo(0.42);
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(main.progress).toBe(-1);
    expect(Notification.all.at(-1)?.options.title).toBe('Update ready');
    trayItem('Restart to update to 1.2.0').click();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('never restarts during a call: "Restart now" waits until the last call window closes', async () => {
    const { updater, fromMain, windows, trayLabels, trayItem } = startPackaged({
      updateUrl: 'https://u.example',
    });
    await fromMain('call/open-window', roomUrl(), 'call-1');
    updater.emit('update-downloaded', { version: '1.2.0' });
    trayItem('Restart to update to 1.2.0').click();
    Notification.all.at(-1)?.emit('click');
    expect(updater.installs).toEqual([]);
    expect(trayLabels()).toContain('Update 1.2.0 installs when your call ends');
    windows('call')[0]!.close();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('speaks Chinese on a Chinese system', () => {
    app.languages = ['zh-CN'];
    const { updater, trayLabels } = startPackaged({ updateUrl: 'https://u.example' });
    updater.emit('download-progress', { percent: 5 });
    expect(trayLabels()).toContain('正在下载更新… 5%');
  });
});
