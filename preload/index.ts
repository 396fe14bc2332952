/**
 * The bridge preload of the main window and call windows: exposes `window.peaceDesktop`, a small
 * intention-level API (contract/desktop-bridge.ts), never a raw IPC channel. Main checks every call's sender.
 */
import { contextBridge } from 'electron';
import type { DesktopBridge } from '../contract/desktop-bridge.js';
import { bufferedEvent, invoke, send, value } from './ipc-client.js';

const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

/** The object pages see as `window.peaceDesktop`. */
export const desktopBridge = {
  platform,
  getConfig: () => value('config/get'),
  openCallWindow: async (roomUrl, callId) => {
    const result = await invoke('call/open-window', roomUrl, callId);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  },
  closeCallWindow: (callId) => send('call/close-window', callId),
  showIncomingCall: (call) => send('incoming/show', call),
  dismissIncomingCall: (callId) => send('incoming/dismiss', callId),
  onIncomingCallAction: bufferedEvent('incoming/action'),
  onCallWindowClosed: bufferedEvent('call/window-closed'),
  onDeepLink: bufferedEvent('deep-link/open'),
  showMessageNotification: (notice) => send('notification/show-message', notice),
  dismissMessageNotification: (conversationId) => send('notification/dismiss-message', conversationId),
  onOpenConversation: bufferedEvent('notification/open-conversation'),
  setTrayState: (state) => send('tray/set-state', state),
  getSessionToken: () => value('session/get-token'),
  setSessionToken: (token) => send('session/set-token', token),
  reportCallEnded: () => send('call/report-ended'),
  setTheme: (choice) => send('theme/set', choice),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('peaceDesktop', desktopBridge);
