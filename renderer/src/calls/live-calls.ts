import type { CallSummary } from '../lib/types';

/**
 * The live calls of the user's conversations, as the server last said (`calls_snapshot` on every
 * connect, `call_updated` after every change): pure steps, no timers, nothing guessed.
 */
export type LiveCalls = Readonly<Record<string, CallSummary>>;

const LIVE = new Set<CallSummary['state']>(['ringing', 'active']);

/** The whole picture after a (re)connect: it replaces whatever this device believed before. */
export function fromSnapshot(calls: readonly CallSummary[]): LiveCalls {
  const live: Record<string, CallSummary> = {};
  for (const call of calls) if (LIVE.has(call.state)) live[call.conversation_id] = call;
  return live;
}

/** One call changed: a live one is (re)placed in its conversation, an ended one is removed. */
export function withUpdate(live: LiveCalls, call: CallSummary): LiveCalls {
  const current = live[call.conversation_id];
  if (LIVE.has(call.state)) return { ...live, [call.conversation_id]: call };
  if (current?.call_id !== call.call_id) return live;
  const { [call.conversation_id]: _gone, ...rest } = live;
  return rest;
}

/** True when `userId` is in the call (on any of their devices). */
export function isIn(call: CallSummary, userId: string): boolean {
  return call.participants.some((p) => p.user_id === userId && p.status === 'accepted');
}

/** Who is in the call now. */
export function peopleIn(call: CallSummary): string[] {
  return call.participants.filter((p) => p.status === 'accepted').map((p) => p.user_id);
}

/** The calls `userId` is in, except `exceptCallId`: what the one-call rule asks them to leave first. */
export function otherCallsOf(live: LiveCalls, userId: string, exceptCallId?: string): CallSummary[] {
  return Object.values(live).filter((c) => c.call_id !== exceptCallId && isIn(c, userId));
}

/** What pressing the call button (or the bar's action) in a conversation does. */
export type CallButtonStep =
  | { kind: 'start' }
  /** The user is in this conversation's call already: bring its window to the front. */
  | { kind: 'return'; call: CallSummary }
  /** A call is going on without the user: join it (never ring again, never "busy"). */
  | { kind: 'join'; call: CallSummary };

export function callButtonStep(live: LiveCalls, conversationId: string, userId: string): CallButtonStep {
  const call = live[conversationId];
  if (!call) return { kind: 'start' };
  return isIn(call, userId) ? { kind: 'return', call } : { kind: 'join', call };
}

/** The caller's own call still ringing after a reload or on another device: its outgoing bar again. */
export function ringingOutgoing(live: LiveCalls, userId: string): CallSummary | undefined {
  return Object.values(live).find((c) => c.state === 'ringing' && c.caller_id === userId && isIn(c, userId));
}

/** Whole seconds the call has been going, by the server's `started_at`; null before anyone answered. */
export function secondsSince(call: CallSummary, now: number): number | null {
  if (!call.started_at) return null;
  return Math.max(0, Math.floor((now - Date.parse(call.started_at)) / 1000));
}

/**
 * The key of the window a `peace-messenger://room/{id}` link opens: the room's live call, so that the
 * bar's Return and Hang up find the window and its closing sends `call_leave` for that call (keyed by
 * the room id, the server would answer `call_not_found`). A room with no live call: its id.
 */
export function windowKeyOfRoom(live: LiveCalls, roomId: string): string {
  return Object.values(live).find((c) => c.room_id === roomId)?.call_id ?? roomId;
}
