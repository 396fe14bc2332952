/**
 * Wires UpdateController to Electron: electron-updater (bundled into dist/main/vendor so the asar
 * needs no node_modules), a tray item with progress or "Restart to update", the taskbar/dock
 * progress bar, and a notification when an update is ready.
 */
import { createRequire } from 'node:module';
import { type BrowserWindow, Notification } from 'electron';
import type { Strings } from '../i18n.js';
import type { TrayController } from '../tray/setup-tray.js';
import { UpdateController, type Updater, type UpdateState } from './update-controller.js';
import type { UpdatePlan } from './update-policy.js';

export interface SetupUpdatesOptions {
  plan: UpdatePlan;
  strings: Strings;
  tray: TrayController;
  mainWindow(): BrowserWindow | undefined;
  inCall(): boolean;
  /** The updater; defaults to electron-updater's, loaded only when updates are on. */
  loadUpdater?(): Updater;
}

function bundledUpdater(): Updater {
  const require = createRequire(import.meta.url);
  return require('../vendor/electron-updater.cjs').autoUpdater as Updater;
}

/** Starts background updates when the plan allows them; answers the controller (null when off). */
export function setupUpdates(options: SetupUpdatesOptions): UpdateController | null {
  const { plan, strings, tray } = options;
  if (!plan.enabled) {
    // From source there is nothing to update: say nothing. An installed app says why it does not update.
    if (plan.reason !== 'not-packaged') console.info(`Updates off: ${plan.reason}`);
    return null;
  }
  let readyNotified = false;
  const show = (state: UpdateState) => {
    const window = options.mainWindow();
    window?.setProgressBar(state.phase === 'downloading' ? state.percent / 100 : -1);
    if (state.phase === 'idle') tray.setExtraItems('updates', []);
    else if (state.phase === 'downloading')
      tray.setExtraItems('updates', [{ label: strings.updateDownloading(state.percent), enabled: false }]);
    else {
      const label = state.waitingForCall
        ? strings.updateAfterCall(state.version)
        : strings.updateRestart(state.version);
      tray.setExtraItems('updates', [{ label, click: () => controller.restartNow() }]);
      if (!readyNotified && Notification.isSupported()) {
        readyNotified = true;
        const notification = new Notification({
          title: strings.updateReadyTitle,
          body: strings.updateReadyBody(state.version),
        });
        notification.on('click', () => controller.restartNow());
        notification.show();
      }
    }
  };
  const controller = new UpdateController({
    updater: (options.loadUpdater ?? bundledUpdater)(),
    plan,
    inCall: options.inCall,
    show,
    log: (message) => console.warn(message),
    every: (ms, run) => {
      const timer = setInterval(run, ms);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  });
  controller.start();
  return controller;
}
