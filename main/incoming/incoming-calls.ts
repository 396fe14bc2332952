/**
 * Incoming calls made impossible to miss: a native notification (with Accept / Decline buttons
 * where the platform has them), an always-on-top popup with the same buttons on every platform,
 * a flashing taskbar entry or a bouncing dock icon. ringing.ts decides; this file only performs.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Notification, screen } from 'electron';
import type { IncomingCall, IncomingCallView } from '../../contract/ipc.js';
import type { Language, Strings } from '../i18n.js';
import { localPagePreloadPath, pagesDir } from '../paths.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import type { WindowRegistry } from '../windows/window-registry.js';
import {
  initialRingingState,
  type RingingEffect,
  type RingingEvent,
  type RingingState,
  ringingStep,
} from './ringing.js';

const POPUP_WIDTH = 360;
const POPUP_HEIGHT = 132;
const MARGIN = 16;
/** Main stops a call the renderer forgot this long after the backend's `ringing_until`. */
const EXPIRY_GRACE_MS = 5000;

/** What incoming calls need from the rest of main. */
export interface IncomingCallsOptions {
  registry: WindowRegistry;
  strings: Strings;
  language: Language;
  /** The user answered in the popup or notification: tell the renderer. */
  report(callId: string, accepted: boolean): void;
  /** Bring the chat forward (notification clicked, call accepted). */
  showMain(): void;
}

interface Alerts {
  notification?: Notification;
  popup?: BrowserWindow;
  bounceId?: number;
  expiry: ReturnType<typeof setTimeout>;
  silent: boolean;
}

/** The ringing calls and everything that rings for them. */
export class IncomingCalls {
  readonly #options: IncomingCallsOptions;
  readonly #alerts = new Map<string, Alerts>();
  #state: RingingState = initialRingingState;

  constructor(options: IncomingCallsOptions) {
    this.#options = options;
  }

  /** Feeds one event to the state machine and performs its effects. */
  dispatch(event: RingingEvent): void {
    const step = ringingStep(this.#state, event);
    this.#state = step.state;
    for (const effect of step.effects) this.#perform(effect);
  }

  /** Whether do-not-disturb is on. */
  get doNotDisturb(): boolean {
    return this.#state.doNotDisturb;
  }

  /** What the popup of `callId` shows; null once that call stopped ringing. */
  viewFor(callId: string | undefined): IncomingCallView | null {
    const ringing = callId ? this.#state.ringing.get(callId) : undefined;
    if (!ringing) return null;
    return {
      callId: ringing.call.call_id,
      callerName: ringing.call.from.display_name,
      language: this.#options.language,
    };
  }

  #perform(effect: RingingEffect): void {
    if (effect.type === 'start') this.#start(effect.call, effect.silent);
    else if (effect.type === 'stop') this.#stop(effect.callId);
    else {
      this.#options.report(effect.callId, effect.accepted);
      if (effect.accepted) this.#options.showMain();
    }
  }

  #start(call: IncomingCall, silent: boolean): void {
    const delay = Math.max(0, Date.parse(call.ringing_until) - Date.now()) + EXPIRY_GRACE_MS;
    const alerts: Alerts = {
      expiry: setTimeout(() => this.dispatch({ type: 'expired', callId: call.call_id }), delay),
      silent,
      notification: this.#notify(call, silent),
    };
    this.#alerts.set(call.call_id, alerts);
    const main = this.#options.registry.main();
    if (silent) {
      // Do-not-disturb shows the call quietly: the chat still lists it, but its ring is muted.
      main?.webContents.setAudioMuted(true);
      return;
    }
    alerts.popup = this.#openPopup(call.call_id);
    main?.flashFrame(true);
    if (process.platform === 'darwin') alerts.bounceId = app.dock?.bounce('critical');
  }

  #notify(call: IncomingCall, silent: boolean): Notification | undefined {
    if (!Notification.isSupported()) return undefined;
    const { strings } = this.#options;
    // Linux notifications have no action buttons; the popup covers that everywhere.
    const hasActions = process.platform === 'darwin' || process.platform === 'win32';
    const notification = new Notification({
      title: strings.incomingTitle,
      body: strings.incomingBody(call.from.display_name),
      silent,
      urgency: 'critical',
      timeoutType: 'never',
      actions: hasActions
        ? [
            { type: 'button', text: strings.accept },
            { type: 'button', text: strings.decline },
          ]
        : [],
    });
    notification.on('action', (_event, index) =>
      this.dispatch({ type: 'answered', callId: call.call_id, accepted: index === 0 }),
    );
    notification.on('click', () => this.#options.showMain());
    notification.show();
    return notification;
  }

  #openPopup(callId: string): BrowserWindow {
    const { workArea } = screen.getPrimaryDisplay();
    const stacked = this.#options.registry.withRole('incoming-popup').length;
    const popup = new BrowserWindow({
      width: POPUP_WIDTH,
      height: POPUP_HEIGHT,
      x: workArea.x + workArea.width - POPUP_WIDTH - MARGIN,
      y: workArea.y + workArea.height - (POPUP_HEIGHT + MARGIN) * (stacked + 1),
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      show: false,
      title: this.#options.strings.incomingTitle,
      webPreferences: secureWebPreferences(localPagePreloadPath),
    });
    // Above full-screen apps too: a call must not be missed behind a presentation.
    popup.setAlwaysOnTop(true, 'screen-saver');
    popup.setVisibleOnAllWorkspaces(true);
    this.#options.registry.add({ role: 'incoming-popup', window: popup, callId });
    popup.once('ready-to-show', () => popup.showInactive());
    popup.loadFile(join(pagesDir, 'incoming-call.html')).catch(() => {
      // the notification still rings; nothing else to do
    });
    return popup;
  }

  #stop(callId: string): void {
    const alerts = this.#alerts.get(callId);
    if (!alerts) return;
    this.#alerts.delete(callId);
    clearTimeout(alerts.expiry);
    alerts.notification?.close();
    if (alerts.popup && !alerts.popup.isDestroyed()) alerts.popup.close();
    if (alerts.bounceId !== undefined) app.dock?.cancelBounce(alerts.bounceId);
    const stillRinging = [...this.#alerts.values()];
    const main = this.#options.registry.main();
    if (!stillRinging.some((a) => !a.silent)) main?.flashFrame(false);
    if (!stillRinging.some((a) => a.silent)) main?.webContents.setAudioMuted(false);
  }
}
