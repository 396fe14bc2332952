/**
 * Everything main does once Electron is ready, as one list of `setupX()` calls. `start.ts` runs it;
 * tests run it against a faked Electron.
 */
import { join } from 'node:path';
import { app, Notification, nativeTheme, session } from 'electron';
import type { DesktopSettings, SettingKey } from './config/desktop-config.js';
import { userConfigPath } from './config/load-settings.js';
import { confirmJoinFromLink } from './deep-link-confirm.js';
import type { DeepLinkInbox } from './deep-links.js';
import { pickLanguage, type Strings, stringsFor } from './i18n.js';
import { IncomingCalls } from './incoming/incoming-calls.js';
import { sendEvent, type TrustAnchors } from './ipc/handle.js';
import { setupIpc } from './ipc/setup-ipc.js';
import { MessageNotifications } from './notifications/message-notifications.js';
import { pagesDirUrl } from './paths.js';
import { ScreenShare } from './screen-share.js';
import { setupSecurity } from './security/setup-security.js';
import { SessionTokenStore } from './session-token.js';
import { setupTray, type TrayController } from './tray/setup-tray.js';
import { setupUpdates } from './updates/setup-updates.js';
import type { UpdateController, Updater } from './updates/update-controller.js';
import { planUpdates } from './updates/update-policy.js';
import { CallWindows } from './windows/call-windows.js';
import { setupMainWindow, showMainWindow } from './windows/main-window.js';
import { SettingsWindow } from './windows/settings-window.js';
import { WindowRegistry } from './windows/window-registry.js';

/** The running desktop app, returned for tests and for `second-instance`. */
export interface DesktopApp {
  registry: WindowRegistry;
  callWindows: CallWindows;
  incomingCalls: IncomingCalls;
  messageNotifications: MessageNotifications;
  tray: TrayController;
  screenShare: ScreenShare;
  updates: UpdateController | null;
  settingsWindow: SettingsWindow;
  showMain(): void;
}

/** What start-up learnt besides the settings. */
export interface ReadyOptions {
  /** Settings IT policy locked. */
  locked?: readonly SettingKey[];
  /** Locked settings the command line or environment asked to change (the user is told). */
  overridden?: readonly SettingKey[];
  /** Replaces electron-updater (tests). */
  loadUpdater?(): Updater;
}

/** Someone started the app for another server, but IT locked this one: say so rather than ignore it silently. */
function notifyServerLocked(strings: Strings, serverUrl: string): void {
  console.warn(`The server is set by IT policy (${serverUrl}); --server / PEACE_SERVER_URL were not used.`);
  if (Notification.isSupported())
    new Notification({
      title: strings.policyLockedServerTitle,
      body: strings.policyLockedServerBody(serverUrl),
    }).show();
}

/** Sets up windows, tray, IPC and guards; `deepLinks` already collects links that arrived early. */
export function onReady(
  settings: DesktopSettings,
  deepLinks: DeepLinkInbox,
  options: ReadyOptions = {},
): DesktopApp {
  const locked = new Set(options.locked ?? []);
  const language = pickLanguage(
    settings.language === 'system' ? app.getPreferredSystemLanguages() : [settings.language],
  );
  const strings = stringsFor(language);
  const backendOrigin = settings.serverUrl;
  const registry = new WindowRegistry();
  const anchors: TrustAnchors = { registry, backendOrigin, pagesDirUrl };
  const mainWindow = () => registry.main();
  const showMain = () => showMainWindow(mainWindow());

  setupSecurity({ registry, backendOrigin, session: session.defaultSession });
  const screenShare = new ScreenShare(registry, language);
  screenShare.install(session.defaultSession);

  const incomingCalls = new IncomingCalls({
    registry,
    strings,
    language,
    report: (callId, accepted) => sendEvent(mainWindow(), 'incoming/action', { call_id: callId, accepted }),
    showMain,
  });
  const messageNotifications = new MessageNotifications({
    doNotDisturb: () => incomingCalls.doNotDisturb,
    open: (conversationId) => {
      showMain();
      sendEvent(mainWindow(), 'notification/open-conversation', conversationId);
    },
  });
  const tray = setupTray({
    strings,
    showMain,
    // The tray toggle is the same setting as the screen's: saved, and refused when locked.
    setDoNotDisturb: (on) => settingsWindow.change('doNotDisturb', on),
    doNotDisturbLocked: locked.has('doNotDisturb'),
    quit: () => app.quit(),
  });
  const settingsWindow = new SettingsWindow({
    registry,
    strings,
    language,
    settings,
    locked: [...locked],
    userConfigPath: userConfigPath(app.getPath('userData')),
    onDoNotDisturb: (on) => {
      incomingCalls.dispatch({ type: 'do-not-disturb', on });
      if (on) messageNotifications.dismissAll();
      tray.update({ doNotDisturb: on });
    },
  });
  tray.setExtraItems('settings', [{ label: strings.traySettings, click: () => settingsWindow.open() }]);
  if (options.overridden?.includes('serverUrl')) notifyServerLocked(strings, settings.serverUrl);
  if (settings.doNotDisturb) {
    incomingCalls.dispatch({ type: 'do-not-disturb', on: true });
    tray.update({ doNotDisturb: true });
  }
  // Only an installed app registers itself (from source it would register the bare Electron binary).
  if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
  const callWindows = new CallWindows({
    registry,
    backendOrigin,
    jitsiOrigin: settings.jitsiServerUrl,
    strings,
    onClosed: (callId) => {
      sendEvent(mainWindow(), 'call/window-closed', callId);
      if (callWindows.count() === 0) {
        tray.update({ inCall: false });
        updates?.callsEnded();
      }
    },
  });
  const updates = setupUpdates({
    plan: planUpdates(settings, app.isPackaged === true),
    strings,
    tray,
    mainWindow,
    inCall: () => callWindows.count() > 0,
    loadUpdater: options.loadUpdater,
  });
  setupIpc(anchors, {
    config: { serverUrl: backendOrigin, language },
    callWindows,
    incomingCalls,
    messageNotifications,
    tray,
    sessionToken: new SessionTokenStore(join(app.getPath('userData'), 'session-token.bin')),
    screenShare,
    settingsWindow,
    setTheme: (choice) => {
      nativeTheme.themeSource = choice;
    },
  });

  setupMainWindow({ registry, backendOrigin, strings, onLoaded: () => deepLinks.markReady() });
  deepLinks.connect((roomId) => {
    showMain();
    // Asked first: a link from anywhere must not put the user's camera into a call unannounced.
    void confirmJoinFromLink(strings, roomId).then((join) => {
      if (join) sendEvent(mainWindow(), 'deep-link/open', roomId);
    });
  });
  app.on('second-instance', (_event, argv) => {
    showMain();
    deepLinks.receiveArgv(argv);
  });
  app.on('activate', showMain);
  return {
    registry,
    callWindows,
    incomingCalls,
    messageNotifications,
    tray,
    screenShare,
    updates,
    settingsWindow,
    showMain,
  };
}
