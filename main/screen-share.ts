/**
 * Screen sharing: Jitsi's getDisplayMedia() reaches `setDisplayMediaRequestHandler`; main checks the
 * request comes from the Jitsi frame of a call window, lists screens and windows, and lets the user
 * pick one in a small local page (or the native picker on recent macOS).
 */
import { join } from 'node:path';
import {
  BrowserWindow,
  type DesktopCapturerSource,
  desktopCapturer,
  type Session,
  webContents,
} from 'electron';
import type { ScreenSource } from '../contract/ipc.js';
import type { Language } from './i18n.js';
import { localPagePreloadPath, pagesDir } from './paths.js';
import { secureWebPreferences } from './security/web-preferences.js';
import type { WindowRegistry } from './windows/window-registry.js';

interface PendingPick {
  sources: DesktopCapturerSource[];
  resolve(source: DesktopCapturerSource | null): void;
}

/** The screen-share request handler and its picker windows. */
export class ScreenShare {
  readonly #registry: WindowRegistry;
  readonly #language: Language;
  readonly #pending = new Map<BrowserWindow, PendingPick>();

  constructor(registry: WindowRegistry, language: Language) {
    this.#registry = registry;
    this.#language = language;
  }

  /** Installs the handler on `session`. */
  install(session: Session): void {
    session.setDisplayMediaRequestHandler(
      (request, callback) => {
        const contents = request.frame ? webContents.fromFrame(request.frame) : undefined;
        const entry = this.#registry.forContents(contents);
        if (
          entry?.role !== 'call' ||
          request.securityOrigin !== entry.jitsiOrigin ||
          !request.videoRequested
        ) {
          callback(null);
          return;
        }
        this.#pick(entry.window)
          .then((source) => callback(source ? { video: source } : null))
          .catch(() => callback(null));
      },
      { useSystemPicker: true },
    );
  }

  /** What the picker window `window` offers. */
  sourcesFor(window: BrowserWindow): { sources: ScreenSource[]; language: Language } {
    const pending = this.#pending.get(window);
    const sources = (pending?.sources ?? []).map((source) => ({
      id: source.id,
      name: source.name,
      kind: source.id.startsWith('screen:') ? ('screen' as const) : ('window' as const),
      thumbnail: source.thumbnail.toDataURL(),
    }));
    return { sources, language: this.#language };
  }

  /** The picker window `window` answered; closes it. */
  choose(window: BrowserWindow, sourceId: string | null): void {
    const pending = this.#pending.get(window);
    if (!pending) return;
    this.#pending.delete(window);
    pending.resolve(pending.sources.find((source) => source.id === sourceId) ?? null);
    if (!window.isDestroyed()) window.close();
  }

  async #pick(parent: BrowserWindow): Promise<DesktopCapturerSource | null> {
    const sources = await desktopCapturer.getSources({
      types: ['screen', 'window'],
      thumbnailSize: { width: 320, height: 180 },
    });
    if (sources.length === 0) return null;
    const picker = new BrowserWindow({
      parent,
      modal: true,
      width: 720,
      height: 520,
      resizable: false,
      minimizable: false,
      maximizable: false,
      show: false,
      webPreferences: secureWebPreferences(localPagePreloadPath),
    });
    this.#registry.add({ role: 'screen-picker', window: picker });
    return new Promise((resolve) => {
      this.#pending.set(picker, { sources, resolve });
      // Closing the picker without choosing is a cancel.
      picker.once('closed', () => this.choose(picker, null));
      picker.once('ready-to-show', () => picker.show());
      picker.loadFile(join(pagesDir, 'screen-picker.html')).catch(() => this.choose(picker, null));
    });
  }
}
