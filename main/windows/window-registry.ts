/**
 * Every window the app opened, by the id of its web contents: IPC sender checks, navigation guards
 * and permission handlers look up here what a message's sender is allowed to do.
 */
import type { BrowserWindow, WebContents } from 'electron';
import type { WindowRole } from '../policy/url-policy.js';

/** One of our windows and what it is for. */
export interface WindowEntry {
  role: WindowRole;
  window: BrowserWindow;
  /** For call windows and incoming-call popups: the call. */
  callId?: string;
  /** For call windows: the Jitsi origin granted camera and microphone. */
  jitsiOrigin?: string;
}

/** The live windows; entries leave when their window closes. */
export class WindowRegistry {
  readonly #byContentsId = new Map<number, WindowEntry>();

  /** Registers `entry` until its window is closed. */
  add(entry: WindowEntry): WindowEntry {
    const id = entry.window.webContents.id; // read now: after 'closed' the contents are gone
    this.#byContentsId.set(id, entry);
    entry.window.once('closed', () => this.#byContentsId.delete(id));
    return entry;
  }

  /** The entry for a message's or request's web contents, if it is one of ours. */
  forContents(contents: WebContents | null | undefined): WindowEntry | undefined {
    return contents ? this.#byContentsId.get(contents.id) : undefined;
  }

  /** All entries of `role`. */
  withRole(role: WindowRole): WindowEntry[] {
    return [...this.#byContentsId.values()].filter((entry) => entry.role === role);
  }

  /** The entry of `role` for `callId`. */
  forCall(role: WindowRole, callId: string): WindowEntry | undefined {
    return this.withRole(role).find((entry) => entry.callId === callId);
  }

  /** The main window, while it exists. */
  main(): BrowserWindow | undefined {
    return this.withRole('main')[0]?.window;
  }
}
