/**
 * The one IPC contract between main and its preloads: every channel, its arguments and its result.
 * Main registers handlers from it (main/ipc/handle.ts), the preloads invoke through it; nobody
 * spells a channel name twice.
 *
 * Types only, on purpose: main imports this file with `import type`, so nothing of contract/ (and no
 * typebox) is needed at run time in the packaged app, which ships only dist/main, dist/preload and
 * dist/pages. Values (the argument parsers) belong in main/ipc/validate-args.ts.
 */

/**
 * An incoming call as the backend's `call_invitation` event describes it (contract/calls.ts): the
 * renderer forwards it to main unchanged (`incoming/show`), main re-checks it (validate-args.ts).
 */
import type { IncomingCall } from './calls.js';

export type { IncomingCall };

export interface DesktopConfig {
  /** Origin of the backend this app is pointed at. */
  serverUrl: string;
  /** 'zh-CN' or 'en' */
  language: string;
}

/** The colour theme: the system's, or the user's fixed choice. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A chat message worth a notification, as the renderer words it (preview already hidden if asked). */
export interface MessageNotice {
  conversation_id: string;
  /** The sender, and the group's title for a group. */
  title: string;
  /** A short preview, or a neutral "New message" when previews are hidden. */
  body: string;
  /** A soft sound with it (the system's notification sound). */
  sound: boolean;
}

/** What every `ipcMain.handle` answers: a result object, never a thrown error across processes. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorCode };

/** Machine-readable reasons a request was refused. */
export type IpcErrorCode =
  | 'sender_not_allowed'
  | 'invalid_arguments'
  | 'room_url_not_allowed'
  | 'jitsi_server_not_allowed'
  | 'no_such_window'
  | 'setting_locked'
  | 'internal_error';

/** A screen or window offered by the screen-share picker. */
export interface ScreenSource {
  id: string;
  name: string;
  kind: 'screen' | 'window';
  /** data: URL of a small thumbnail */
  thumbnail: string;
}

/** What the incoming-call popup shows. */
export interface IncomingCallView {
  callId: string;
  callerName: string;
  language: 'zh-CN' | 'en';
}

/** What the settings screen shows (main/config/user-settings.ts decides what may change). */
export interface SettingsView {
  values: {
    serverUrl: string;
    language: 'system' | 'zh-CN' | 'en';
    startAtLogin: boolean;
    doNotDisturb: boolean;
    updatesEnabled: boolean;
    updateChannel: 'latest' | 'beta';
  };
  /** The settings IT policy locked: shown, not changeable. */
  locked: string[];
  /** A change that applies at the next start was saved. */
  restartNeeded: boolean;
  language: 'zh-CN' | 'en';
}

/** The tray's badge and in-call marker. */
export interface TrayState {
  unread: number;
  inCall: boolean;
}

/** Renderer → main requests (`ipcRenderer.invoke`). Each entry: the argument tuple and the result value. */
export interface InvokeChannels {
  'config/get': { args: []; result: DesktopConfig };
  'call/open-window': { args: [roomUrl: string, callId: string]; result: null };
  'call/close-window': { args: [callId: string]; result: null };
  'call/report-ended': { args: []; result: null };
  'incoming/show': { args: [call: IncomingCall]; result: null };
  'incoming/dismiss': { args: [callId: string]; result: null };
  /** A new chat message: one native notification per conversation (none under do-not-disturb). */
  'notification/show-message': { args: [notice: MessageNotice]; result: null };
  'notification/dismiss-message': { args: [conversationId: string]; result: null };
  'tray/set-state': { args: [state: TrayState]; result: null };
  'session/get-token': { args: []; result: string | null };
  'session/set-token': { args: [token: string | null]; result: null };
  /** The user's colour theme: every window (popups and call windows too) follows it. */
  'theme/set': { args: [choice: ThemeChoice]; result: null };
  /** From the incoming-call popup: the user's answer. */
  'popup/answer': { args: [accepted: boolean]; result: null };
  /** From the incoming-call popup: what to show. */
  'popup/get-view': { args: []; result: IncomingCallView | null };
  /** From the screen picker: the sources to offer. */
  'picker/get-sources': { args: []; result: { sources: ScreenSource[]; language: 'zh-CN' | 'en' } };
  /** From the screen picker: the chosen source id, or null when cancelled. */
  'picker/choose': { args: [sourceId: string | null]; result: null };
  /** From the settings screen: current values and locks. */
  'settings/get': { args: []; result: SettingsView };
  /** From the settings screen: save one setting (refused with `setting_locked` when IT set it). */
  'settings/set': {
    args: [key: keyof SettingsView['values'], value: string | boolean];
    result: SettingsView;
  };
}

/** The user's answer to an incoming call, from the popup or the notification. */
export interface IncomingCallAction {
  call_id: string;
  accepted: boolean;
}

/** Main → renderer events (`webContents.send`), each with its one payload. */
export interface EventChannels {
  'incoming/action': IncomingCallAction;
  /** The call id whose window closed. */
  'call/window-closed': string;
  /** The room id of a `peace-messenger://room/{room_id}` link. */
  'deep-link/open': string;
  /** A message notification was clicked: the conversation id to open. */
  'notification/open-conversation': string;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = IpcResult<InvokeChannels[C]['result']>;
