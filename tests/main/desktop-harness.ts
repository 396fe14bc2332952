/** Starts main's `onReady()` against the fake Electron and names the windows tests talk to. */

import { type DesktopSettings, resolveDesktopSettings } from '../../main/config/desktop-config.js';
import { DeepLinkInbox } from '../../main/deep-links.js';
import { onReady, type ReadyOptions } from '../../main/on-ready.js';
import { FakeBrowserWindow, invokeFrom } from './fake-electron.js';

export const BACKEND = 'http://127.0.0.1:8080';
export const JITSI = 'https://meet.example.org';

/** A room_url as the backend hands it out. */
export function roomUrl(roomId = 'abcd-1234-efgh', server = JITSI, base = BACKEND): string {
  return `${base}/room/${roomId}#jwt=aaa.bbb.ccc&server=${encodeURIComponent(server)}`;
}

/** An incoming call as the backend's `call_invitation` event carries it. */
export function incomingCall(callId = 'call-1') {
  return {
    call_id: callId,
    room_id: 'abcd-1234-efgh',
    conversation_id: 'conv-1',
    from: { id: 'u-alice', display_name: 'Alice' },
    ringing_until: new Date(Date.now() + 45_000).toISOString(),
  };
}

/** The app after `onReady()`, with its main window loaded. */
export function startDesktop(
  jitsiServerUrl: string | null = JITSI,
  settings: Partial<DesktopSettings> = {},
  options: ReadyOptions = {},
) {
  const deepLinks = new DeepLinkInbox();
  const defaults = resolveDesktopSettings({ argv: [], env: {} }).settings;
  const desktop = onReady(
    { ...defaults, serverUrl: BACKEND, jitsiServerUrl, ...settings },
    deepLinks,
    options,
  );
  const main = FakeBrowserWindow.all[0]!;
  main.webContents.emit('did-finish-load');
  return {
    desktop,
    deepLinks,
    main,
    /** Invokes as the chat page in the main window. */
    fromMain: (channel: string, ...args: unknown[]) => invokeFrom(main, channel, args),
    /** The windows of a role, as main registered them. */
    windows: (role: string) =>
      FakeBrowserWindow.open().filter(
        (w) => desktop.registry.forContents(w.webContents as any)?.role === role,
      ),
  };
}
