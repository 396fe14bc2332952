import { desktop } from '../lib/desktop';

/**
 * Opens the room page of a call: a call window of the desktop app, or a browser window. Browser windows are
 * watched so that closing one counts as leaving the call, as the desktop app reports with onCallWindowClosed.
 */
export class CallWindows {
  readonly #windows = new Map<string, Window>();
  readonly #watch: ReturnType<typeof setInterval>;
  readonly #unsubscribe: (() => void) | undefined;

  constructor(private readonly onClosed: (callId: string) => void) {
    this.#watch = setInterval(() => {
      for (const [callId, win] of this.#windows) {
        if (!win.closed) continue;
        this.#windows.delete(callId);
        this.onClosed(callId);
      }
    }, 1000);
    this.#unsubscribe = desktop()?.onCallWindowClosed((callId) => this.onClosed(callId));
  }

  /**
   * In a browser, opens an empty window now, while the click that asked for a call still counts as a user
   * gesture: the room URL comes only after a few requests, and pop-up blockers refuse a window opened
   * more than a few seconds after the click (on a slow server, every call). The desktop app needs none:
   * main opens its windows. Hand it to open(), or close it when no call comes of it.
   */
  reserve(): Window | null {
    if (desktop()) return null;
    return window.open('', '_blank');
  }

  /**
   * Opens (or focuses) the window of `callId`, in `reserved` when there is one; false when it could not
   * be opened (a pop-up blocker).
   */
  async open(roomUrl: string, callId: string, reserved?: Window | null): Promise<boolean> {
    const bridge = desktop();
    if (bridge) return (await bridge.openCallWindow(roomUrl, callId)).ok;
    // A window name per call. Looked up without a URL first: a window left from before a reload of this
    // page is found by its name and only brought to the front, not reloaded ("Return to call").
    const name = `peace-call-${callId}`;
    if (reserved && !reserved.closed) reserved.name = name;
    const win = reserved && !reserved.closed ? reserved : window.open('', name);
    if (!win) return false;
    if (isBlank(win)) win.location.replace(roomUrl);
    this.#windows.set(callId, win);
    win.focus();
    return true;
  }

  /** Closes the window of a call that ended before it began (declined, missed, cancelled, busy). */
  close(callId: string): void {
    const bridge = desktop();
    if (bridge) {
      void bridge.closeCallWindow(callId);
      return;
    }
    const win = this.#windows.get(callId);
    this.#windows.delete(callId);
    win?.close();
  }

  dispose(): void {
    clearInterval(this.#watch);
    this.#unsubscribe?.();
  }
}

/** True for a window that was just opened empty (not one that already shows a room). */
function isBlank(win: Window): boolean {
  try {
    return win.location.href === 'about:blank';
  } catch {
    // Another origin: a page is loaded in it.
    return false;
  }
}
