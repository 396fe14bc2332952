/**
 * The bridge the desktop app's preload exposes to web content as `window.peaceDesktop`.
 * The renderer and the room page import only these types; in a plain browser the bridge is absent
 * and they fall back to window.open and Web Notifications. Types only (see ipc.ts).
 */
import type {
  DesktopConfig,
  IncomingCall,
  IncomingCallAction,
  MessageNotice,
  ThemeChoice,
  TrayState,
} from './ipc.js';

export type BridgeResult = { ok: true } | { ok: false; error: string };

export interface DesktopBridge {
  platform: 'darwin' | 'win32' | 'linux';
  getConfig(): Promise<DesktopConfig>;
  /** Opens (or focuses) the call window for `callId` at `roomUrl` (the backend's room_url). */
  openCallWindow(roomUrl: string, callId: string): Promise<BridgeResult>;
  closeCallWindow(callId: string): Promise<void>;
  /** Native notification + always-on-top incoming-call popup, ringing until dismissed. */
  showIncomingCall(call: IncomingCall): Promise<void>;
  /** Stops ringing for `callId` everywhere (answered elsewhere, cancelled, missed…). */
  dismissIncomingCall(callId: string): Promise<void>;
  /** The user pressed Accept/Decline in the popup or notification. Returns an unsubscribe function. */
  onIncomingCallAction(listener: (action: IncomingCallAction) => void): () => void;
  /** A call window was closed by the user or ended (the renderer then sends `call_leave`). */
  onCallWindowClosed(listener: (callId: string) => void): () => void;
  /** `peace-messenger://room/{room_id}` was opened. */
  onDeepLink(listener: (roomId: string) => void): () => void;
  /** A native notification for a new message, replacing that conversation's earlier one (optional: older apps). */
  showMessageNotification?(notice: MessageNotice): Promise<void>;
  /** Closes that conversation's message notification (it was read). */
  dismissMessageNotification?(conversationId: string): Promise<void>;
  /** The user clicked a message notification: open that conversation. Returns an unsubscribe function. */
  onOpenConversation?(listener: (conversationId: string) => void): () => void;
  setTrayState(state: TrayState): Promise<void>;
  /** The access token, kept encrypted with safeStorage. */
  getSessionToken(): Promise<string | null>;
  setSessionToken(token: string | null): Promise<void>;
  /** The user's theme: popups, the screen picker and call windows follow it (optional: older apps). */
  setTheme?(choice: ThemeChoice): Promise<void>;
  /** Called by the room page when the conference ends: main closes that call window. */
  reportCallEnded(): Promise<void>;
}

declare global {
  interface Window {
    peaceDesktop?: DesktopBridge;
  }
}
