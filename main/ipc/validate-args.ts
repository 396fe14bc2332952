/**
 * Narrowing of IPC arguments. Every renderer is untrusted: arguments arrive as `unknown[]` and each
 * channel's parser returns the typed tuple or null (then main answers `invalid_arguments`).
 */
import type { IncomingCall, InvokeArgs, InvokeChannel, MessageNotice } from '../../contract/ipc.js';
import { isEditableKey } from '../config/user-settings.js';

type Parser<C extends InvokeChannel> = (args: readonly unknown[]) => InvokeArgs<C> | null;

const MAX_ID = 128;
const MAX_URL = 8192;
const MAX_TOKEN = 8192;

function isShortString(value: unknown, max = MAX_ID): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An `IncomingCall` as the renderer forwards it from the backend's `call_invitation` event. */
function parseIncomingCall(value: unknown): IncomingCall | null {
  if (!isRecord(value) || !isRecord(value.from)) return null;
  const { call_id, room_id, conversation_id, ringing_until } = value;
  const { id, display_name } = value.from;
  if (!isShortString(call_id) || !isShortString(room_id) || !isShortString(conversation_id)) return null;
  if (!isShortString(id) || typeof display_name !== 'string' || display_name.length > 200) return null;
  if (typeof ringing_until !== 'string' || Number.isNaN(Date.parse(ringing_until))) return null;
  return { call_id, room_id, conversation_id, from: { id, display_name }, ringing_until };
}

/** Longest notification text main shows; the renderer already shortens previews well below it. */
const MAX_NOTICE_TEXT = 300;

/** A `MessageNotice` from the chat: short texts only, so a page cannot flood the notification centre. */
export function parseMessageNotice(value: unknown): MessageNotice | null {
  if (!isRecord(value)) return null;
  const { conversation_id, title, body, sound } = value;
  if (!isShortString(conversation_id) || typeof sound !== 'boolean') return null;
  if (!isShortString(title, MAX_NOTICE_TEXT) || !isShortString(body, MAX_NOTICE_TEXT)) return null;
  return { conversation_id, title, body, sound };
}

const none = (args: readonly unknown[]): [] | null => (args.length === 0 ? [] : null);
const oneId = (args: readonly unknown[]): [string] | null =>
  args.length === 1 && isShortString(args[0]) ? [args[0]] : null;

/** One parser per channel; the mapped type makes a missing channel a compile error. */
export const argumentParsers: { [C in InvokeChannel]: Parser<C> } = {
  'config/get': none,
  'call/open-window': (args) =>
    args.length === 2 && isShortString(args[0], MAX_URL) && isShortString(args[1])
      ? [args[0], args[1]]
      : null,
  'call/close-window': oneId,
  'call/report-ended': none,
  'incoming/show': (args) => {
    const call = args.length === 1 ? parseIncomingCall(args[0]) : null;
    return call ? [call] : null;
  },
  'incoming/dismiss': oneId,
  'notification/show-message': (args) => {
    const notice = args.length === 1 ? parseMessageNotice(args[0]) : null;
    return notice ? [notice] : null;
  },
  'notification/dismiss-message': oneId,
  'tray/set-state': (args) => {
    const state = args[0];
    if (args.length !== 1 || !isRecord(state)) return null;
    const { unread, inCall } = state;
    if (typeof unread !== 'number' || !Number.isInteger(unread) || unread < 0) return null;
    if (typeof inCall !== 'boolean') return null;
    return [{ unread, inCall }];
  },
  'session/get-token': none,
  'session/set-token': (args) =>
    args.length === 1 && (args[0] === null || isShortString(args[0], MAX_TOKEN)) ? [args[0]] : null,
  'theme/set': (args) =>
    args.length === 1 && (args[0] === 'system' || args[0] === 'light' || args[0] === 'dark')
      ? [args[0]]
      : null,
  'popup/answer': (args) => (args.length === 1 && typeof args[0] === 'boolean' ? [args[0]] : null),
  'popup/get-view': none,
  'picker/get-sources': none,
  'picker/choose': (args) =>
    args.length === 1 && (args[0] === null || isShortString(args[0], 256)) ? [args[0]] : null,
  'settings/get': none,
  'settings/set': (args) =>
    args.length === 2 &&
    isEditableKey(args[0]) &&
    (typeof args[1] === 'boolean' || isShortString(args[1], MAX_URL))
      ? [args[0], args[1]]
      : null,
};

/** Narrows `args` for `channel`, or null when they do not have the contract's shape. */
export function parseArgs<C extends InvokeChannel>(
  channel: C,
  args: readonly unknown[],
): InvokeArgs<C> | null {
  return (argumentParsers[channel] as Parser<C>)(args);
}
