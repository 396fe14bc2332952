/**
 * Background updates with electron-updater: check now and every few hours, download on its own,
 * show progress, install on quit or on "Restart now", and never restart in the middle of a call
 * (a restart asked for during a call waits until the last call window closes). Electron-free: the
 * updater, the UI and the call state are passed in (setup-updates.ts wires the real ones).
 */
import type { UpdatePlan } from './update-policy.js';

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the user sees of an update. */
export type UpdateState =
  | { phase: 'idle' }
  | { phase: 'downloading'; percent: number }
  | { phase: 'ready'; version: string; waitingForCall: boolean };

export interface UpdateControllerOptions {
  updater: Updater;
  plan: UpdatePlan;
  /** True while any call window is open. */
  inCall(): boolean;
  /** Shows the state (tray item, taskbar progress, notification). */
  show(state: UpdateState): void;
  log(message: string): void;
  /** Schedules the periodic check; answers a cancel function. */
  every(ms: number, run: () => void): () => void;
}

/** How often a running app looks for a new version. */
const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export class UpdateController {
  readonly #options: UpdateControllerOptions;
  #state: UpdateState = { phase: 'idle' };
  #stopTimer: (() => void) | null = null;

  constructor(options: UpdateControllerOptions) {
    this.#options = options;
  }

  state(): UpdateState {
    return this.#state;
  }

  /** Configures the updater from the plan and starts checking; does nothing when updates are off. */
  start(): void {
    const { plan, updater, log } = this.#options;
    if (!plan.enabled) {
      log(`Updates off: ${plan.reason}`);
      return;
    }
    updater.setFeedURL(plan.feed);
    // electron-updater's channel setter also allows downgrades, so the order matters.
    updater.channel = plan.feed.channel;
    updater.allowDowngrade = false;
    updater.allowPrerelease = plan.allowPrerelease;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('download-progress', (progress: { percent: number }) =>
      this.#set({ phase: 'downloading', percent: Math.floor(progress.percent) }),
    );
    updater.on('update-downloaded', (info: { version: string }) =>
      this.#set({ phase: 'ready', version: info.version, waitingForCall: false }),
    );
    updater.on('error', (error: Error) => {
      log(`Update check failed: ${error?.message ?? error}`);
      if (this.#state.phase === 'downloading') this.#set({ phase: 'idle' });
    });
    this.check();
    this.#stopTimer = this.#options.every(CHECK_INTERVAL_MS, () => this.check());
  }

  /** One background check (errors are logged by the 'error' listener). */
  check(): void {
    if (this.#state.phase === 'ready') return; // already downloaded: installs on quit
    this.#options.updater.checkForUpdates().catch(() => {});
  }

  /** "Restart now": installs at once, or as soon as the last call ends. */
  restartNow(): void {
    if (this.#state.phase !== 'ready') return;
    if (this.#options.inCall()) {
      this.#set({ ...this.#state, waitingForCall: true });
      return;
    }
    this.#stopTimer?.();
    this.#options.updater.quitAndInstall(false, true);
  }

  /** The last call window closed: a restart that waited for it happens now. */
  callsEnded(): void {
    if (this.#state.phase === 'ready' && this.#state.waitingForCall) this.restartNow();
  }

  #set(state: UpdateState): void {
    this.#state = state;
    this.#options.show(state);
  }
}
