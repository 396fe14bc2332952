/**
 * Start-up before and at `ready`: sandbox every renderer, hold the single-instance lock, register
 * the deep-link scheme and catch links that arrive before the window exists, then `onReady()`.
 */
import { app } from 'electron';
import { loadSettings } from './config/load-settings.js';
import { DeepLinkInbox, registerDeepLinkScheme } from './deep-links.js';
import { logFailure } from './log-failure.js';
import { onReady } from './on-ready.js';
import { enableSandbox } from './security/setup-security.js';

/** The app id, as in electron-builder.yml (Windows groups notifications by it). */
const APP_ID = 'org.peacemessenger.desktop';

/** Runs the desktop app. */
export function start(): void {
  enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Another instance runs: it receives our command line (and deep link) via `second-instance`.
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  registerDeepLinkScheme();
  const deepLinks = new DeepLinkInbox();
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.receiveUrl(url);
  });
  deepLinks.receiveArgv(process.argv);
  // Close-to-tray keeps the main window alive; this only fires once Quit closed everything.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      const { settings, locked, overridden, warnings } = loadSettings(app.getPath('userData'));
      for (const warning of warnings) console.warn(warning);
      onReady(settings, deepLinks, { locked, overridden });
    })
    .catch((error: unknown) => {
      logFailure('Peace Messenger failed to start', error);
      app.exit(1);
    });
}
