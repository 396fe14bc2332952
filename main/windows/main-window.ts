/**
 * The main window: the backend's web client (the chat). Closing it hides it to the tray so calls
 * still ring; only Quit (tray menu, app menu, system shutdown) ends the app.
 */
import { app, BrowserWindow } from 'electron';
import type { Strings } from '../i18n.js';
import { bridgePreloadPath } from '../paths.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import type { WindowRegistry } from './window-registry.js';

const RETRY_MS = 3000;
const ERR_ABORTED = -3;

/** What the main window needs. */
export interface MainWindowOptions {
  registry: WindowRegistry;
  backendOrigin: string;
  strings: Strings;
  /** Called each time the web client finished loading (pending deep links are delivered then). */
  onLoaded(): void;
}

/** Creates the main window and makes closing it hide to the tray. */
export function setupMainWindow(options: MainWindowOptions): BrowserWindow {
  const { registry, backendOrigin, strings } = options;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 480,
    minHeight: 400,
    title: strings.appName,
    autoHideMenuBar: true,
    // Hidden in the tray it must still hear call invitations and play the ring promptly.
    webPreferences: secureWebPreferences(bridgePreloadPath, { backgroundThrottling: false }),
  });
  registry.add({ role: 'main', window });

  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
  window.webContents.on('did-finish-load', () => options.onLoaded());
  // The backend may start after the app (npm start, a laptop waking up): keep trying quietly.
  const load = () => {
    if (window.isDestroyed()) return;
    window.loadURL(`${backendOrigin}/`).catch(() => {
      // did-fail-load schedules the retry
    });
  };
  window.webContents.on('did-fail-load', (_event, code, _description, _url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation replaced by another, not an unreachable backend.
    if (isMainFrame && code !== ERR_ABORTED) setTimeout(load, RETRY_MS);
  });
  load();
  return window;
}

/** Brings the main window to the front (tray click, second instance, notification click). */
export function showMainWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
