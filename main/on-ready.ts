/**
 * Everything main does once Electron is ready, as one list of `setupX()` calls. `start.ts` runs it;
 * tests run it against a faked Electron.
 */
import { join } from 'node:path';
import { app, nativeTheme, session } from 'electron';
import type { DesktopSettings } from './config/desktop-config.js';
import type { DeepLinkInbox } from './deep-links.js';
import { pickLanguage, stringsFor } from './i18n.js';
import { IncomingCalls } from './incoming/incoming-calls.js';
import { sendEvent, type TrustAnchors } from './ipc/handle.js';
import { setupIpc } from './ipc/setup-ipc.js';
import { pagesDirUrl } from './paths.js';
import { ScreenShare } from './screen-share.js';
import { setupSecurity } from './security/setup-security.js';
import { SessionTokenStore } from './session-token.js';
import { setupTray, type TrayController } from './tray/setup-tray.js';
import { CallWindows } from './windows/call-windows.js';
import { setupMainWindow, showMainWindow } from './windows/main-window.js';
import { WindowRegistry } from './windows/window-registry.js';

/** The running desktop app, returned for tests and for `second-instance`. */
export interface DesktopApp {
  registry: WindowRegistry;
  callWindows: CallWindows;
  incomingCalls: IncomingCalls;
  tray: TrayController;
  screenShare: ScreenShare;
  showMain(): void;
}

/** Sets up windows, tray, IPC and guards; `deepLinks` already collects links that arrived early. */
export function onReady(settings: DesktopSettings, deepLinks: DeepLinkInbox): DesktopApp {
  const language = pickLanguage(app.getPreferredSystemLanguages());
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
  const tray = setupTray({
    strings,
    showMain,
    setDoNotDisturb: (on) => incomingCalls.dispatch({ type: 'do-not-disturb', on }),
    quit: () => app.quit(),
  });
  const callWindows = new CallWindows({
    registry,
    backendOrigin,
    jitsiOrigin: settings.jitsiServerUrl,
    strings,
    onClosed: (callId) => {
      sendEvent(mainWindow(), 'call/window-closed', callId);
      if (callWindows.count() === 0) tray.update({ inCall: false });
    },
  });
  setupIpc(anchors, {
    config: { serverUrl: backendOrigin, language },
    callWindows,
    incomingCalls,
    tray,
    sessionToken: new SessionTokenStore(join(app.getPath('userData'), 'session-token.bin')),
    screenShare,
    setTheme: (choice) => {
      nativeTheme.themeSource = choice;
    },
  });

  setupMainWindow({ registry, backendOrigin, strings, onLoaded: () => deepLinks.markReady() });
  deepLinks.connect((roomId) => {
    sendEvent(mainWindow(), 'deep-link/open', roomId);
    showMain();
  });
  app.on('second-instance', (_event, argv) => {
    showMain();
    deepLinks.receiveArgv(argv);
  });
  app.on('activate', showMain);
  return { registry, callWindows, incomingCalls, tray, screenShare, showMain };
}
