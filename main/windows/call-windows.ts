/**
 * Call windows: one `BrowserWindow` per call, showing the backend's room page, which embeds Jitsi.
 * A room_url is loaded only when it is the configured backend's room page and names the allowed
 * Jitsi origin; opening the same call again focuses its window.
 */
import { BrowserWindow } from 'electron';
import type { Strings } from '../i18n.js';
import { logFailure } from '../log-failure.js';
import { ensureMediaAccess } from '../media-access.js';
import { bridgePreloadPath } from '../paths.js';
import { checkRoomUrl } from '../policy/url-policy.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import type { WindowRegistry } from './window-registry.js';

/** What call windows need from the rest of main. */
export interface CallWindowsOptions {
  registry: WindowRegistry;
  backendOrigin: string;
  /** The configured Jitsi origin, or null to accept (and pin) the first HTTPS one a room_url names. */
  jitsiOrigin: string | null;
  strings: Strings;
  /** A call window closed (by the user, the room page or the renderer). */
  onClosed(callId: string): void;
}

/** Opened or focused, or why the room_url was refused. */
export type OpenCallWindowResult =
  | { ok: true }
  | { ok: false; error: 'room_url_not_allowed' | 'jitsi_server_not_allowed' };

/** Opens, focuses and closes call windows. */
export class CallWindows {
  readonly #options: CallWindowsOptions;
  #allowedJitsiOrigin: string | null;

  constructor(options: CallWindowsOptions) {
    this.#options = options;
    this.#allowedJitsiOrigin = options.jitsiOrigin;
  }

  /** Opens the window for `callId` at `roomUrl`, or focuses it when it is already open. */
  open(roomUrl: string, callId: string): OpenCallWindowResult {
    const { registry, backendOrigin, strings } = this.#options;
    const check = checkRoomUrl(roomUrl, backendOrigin, this.#allowedJitsiOrigin);
    if (!check.ok) return { ok: false, error: check.error };
    // Without a configured Jitsi origin, trust on first use: later calls must use the same one.
    this.#allowedJitsiOrigin ??= check.jitsiOrigin;

    const existing = registry.forCall('call', callId);
    if (existing && !existing.window.isDestroyed()) {
      if (existing.window.isMinimized()) existing.window.restore();
      existing.window.show();
      existing.window.focus();
      return { ok: true };
    }

    const window = new BrowserWindow({
      width: 1100,
      height: 760,
      minWidth: 640,
      minHeight: 480,
      title: strings.callWindowTitle,
      autoHideMenuBar: true,
      backgroundColor: '#111111',
      // The call must keep running smoothly when its window is behind others.
      webPreferences: secureWebPreferences(bridgePreloadPath, { backgroundThrottling: false }),
    });
    registry.add({ role: 'call', window, callId, jitsiOrigin: check.jitsiOrigin });
    window.once('closed', () => this.#options.onClosed(callId));
    ensureMediaAccess(strings).catch((error: unknown) => {
      logFailure('Media access check failed', error);
    });
    window.loadURL(roomUrl).catch((error: unknown) => {
      logFailure('Call window failed to load', error);
    });
    return { ok: true };
  }

  /** Closes the window of `callId`; false when there is none. */
  close(callId: string): boolean {
    const entry = this.#options.registry.forCall('call', callId);
    if (!entry || entry.window.isDestroyed()) return false;
    entry.window.close();
    return true;
  }

  /** How many call windows are open (the tray shows "in call" while any is). */
  count(): number {
    return this.#options.registry.withRole('call').length;
  }
}
