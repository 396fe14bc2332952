/**
 * Every IPC handler, with the window roles allowed to call it: the chat (main window) drives calls,
 * tray and the session; a call window may only report its call ended; local pages only answer
 * (the settings screen also saves the user's settings).
 */
import type { DesktopConfig, ThemeChoice } from '../../contract/ipc.js';
import type { IncomingCalls } from '../incoming/incoming-calls.js';
import type { MessageNotifications } from '../notifications/message-notifications.js';
import type { ScreenShare } from '../screen-share.js';
import type { SessionTokenStore } from '../session-token.js';
import type { TrayController } from '../tray/setup-tray.js';
import type { CallWindows } from '../windows/call-windows.js';
import type { SettingsWindow } from '../windows/settings-window.js';
import { handleAll, ok, type TrustAnchors } from './handle.js';

/** The controllers the handlers drive. */
export interface IpcControllers {
  config: DesktopConfig;
  callWindows: CallWindows;
  incomingCalls: IncomingCalls;
  messageNotifications: MessageNotifications;
  tray: TrayController;
  sessionToken: SessionTokenStore;
  screenShare: ScreenShare;
  settingsWindow: SettingsWindow;
  /** Sets Electron's nativeTheme.themeSource, which every window's prefers-color-scheme follows. */
  setTheme(choice: ThemeChoice): void;
}

/** Registers all handlers. */
export function setupIpc(anchors: TrustAnchors, controllers: IpcControllers): void {
  const { callWindows, incomingCalls, messageNotifications, tray, sessionToken, screenShare } = controllers;
  handleAll(
    {
      'config/get': { roles: ['main', 'call'], run: () => ok(controllers.config) },
      'call/open-window': {
        roles: ['main'],
        run: (_sender, roomUrl, callId) => {
          const result = callWindows.open(roomUrl, callId);
          if (!result.ok) return result;
          tray.update({ inCall: true });
          return ok(null);
        },
      },
      'call/close-window': {
        roles: ['main'],
        run: (_sender, callId) =>
          callWindows.close(callId) ? ok(null) : { ok: false, error: 'no_such_window' },
      },
      'call/report-ended': {
        roles: ['call'],
        run: ({ entry }) => {
          entry.window.close();
          return ok(null);
        },
      },
      'incoming/show': {
        roles: ['main'],
        run: (_sender, call) => {
          incomingCalls.dispatch({ type: 'invited', call });
          return ok(null);
        },
      },
      'incoming/dismiss': {
        roles: ['main'],
        run: (_sender, callId) => {
          incomingCalls.dispatch({ type: 'dismissed', callId });
          return ok(null);
        },
      },
      'notification/show-message': {
        roles: ['main'],
        run: (_sender, notice) => {
          messageNotifications.show(notice);
          return ok(null);
        },
      },
      'notification/dismiss-message': {
        roles: ['main'],
        run: (_sender, conversationId) => {
          messageNotifications.dismiss(conversationId);
          return ok(null);
        },
      },
      'tray/set-state': {
        roles: ['main'],
        run: (_sender, state) => {
          tray.update({ unread: state.unread, inCall: state.inCall || callWindows.count() > 0 });
          return ok(null);
        },
      },
      'session/get-token': { roles: ['main'], run: () => ok(sessionToken.get()) },
      'session/set-token': {
        roles: ['main'],
        run: (_sender, token) => {
          sessionToken.set(token);
          return ok(null);
        },
      },
      'theme/set': {
        roles: ['main'],
        run: (_sender, choice) => {
          controllers.setTheme(choice);
          return ok(null);
        },
      },
      'popup/get-view': {
        roles: ['incoming-popup'],
        run: ({ entry }) => ok(incomingCalls.viewFor(entry.callId)),
      },
      'popup/answer': {
        roles: ['incoming-popup'],
        run: ({ entry }, accepted) => {
          if (entry.callId) incomingCalls.dispatch({ type: 'answered', callId: entry.callId, accepted });
          return ok(null);
        },
      },
      'picker/get-sources': {
        roles: ['screen-picker'],
        run: ({ entry }) => ok(screenShare.sourcesFor(entry.window)),
      },
      'settings/get': { roles: ['settings'], run: () => ok(controllers.settingsWindow.view()) },
      'settings/set': {
        roles: ['settings'],
        run: (_sender, key, value) => controllers.settingsWindow.change(key, value),
      },
      'picker/choose': {
        roles: ['screen-picker'],
        run: ({ entry }, sourceId) => {
          screenShare.choose(entry.window, sourceId);
          return ok(null);
        },
      },
    },
    anchors,
  );
}
