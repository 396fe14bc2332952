/**
 * The call state machine: pure functions from (call, event, now) to (new call, effects). No I/O, no clock,
 * no randomness, so every rule of docs/CONTRACT.md can be tested here alone and the service around it can retry
 * an event after losing an optimistic-concurrency race simply by running it again on the fresh row.
 */

import {
  type CallOutcome,
  type CallState,
  LIVE_CALL_STATES,
  type ParticipantStatus,
} from '../../contract/call-states.js';

export type { CallOutcome, CallState, ParticipantStatus };

export interface Participant {
  user_id: string;
  status: ParticipantStatus;
}

/** A call; times are epoch milliseconds. The caller is always `participants[0]`. */
export interface Call {
  id: string;
  room_id: string;
  conversation_id: string;
  caller_id: string;
  state: CallState;
  participants: Participant[];
  ringing_until: number;
  started_at: number | null;
  ended_at: number | null;
  created_at: number;
}

export type CallEvent =
  | { type: 'answer'; user_id: string; accepted: boolean }
  | { type: 'cancel'; user_id: string }
  | { type: 'leave'; user_id: string }
  /** A member of the conversation entered the call's Jitsi room (`POST /rooms/{room_id}/join`). */
  | { type: 'joined'; user_id: string }
  | { type: 'ring_timeout' };

/** What the service must do after a transition, in order. */
export type Effect =
  /** Ring these invitees (call_invitation) and tell the caller (call_invitation_sent). */
  | { type: 'invite'; user_ids: string[] }
  /** call_invitation_response to everyone in the call but the one who answered. */
  | { type: 'response'; user_id: string; accepted: boolean }
  /** call_state to everyone in the call. */
  | { type: 'state'; reason: string }
  /** The outcome, stored as a `call` message in the conversation. */
  | { type: 'record'; outcome: CallOutcome; duration_seconds?: number };

export type CallErrorCode =
  | 'not_a_participant'
  | 'forbidden'
  | 'call_not_ringing'
  | 'not_in_call'
  | 'call_ended';

export type Transition =
  | { ok: true; call: Call; effects: Effect[] }
  | { ok: false; code: CallErrorCode; message: string };

export const LIVE_STATES: readonly CallState[] = LIVE_CALL_STATES;

export const isLive = (call: Pick<Call, 'state'>): boolean => LIVE_STATES.includes(call.state);

/** The next moment the service must wake up for this call (a ring timeout), or null. */
export function deadlineOf(call: Call): number | null {
  return isLive(call) && call.participants.some((p) => p.status === 'ringing') ? call.ringing_until : null;
}

/** Users who hear about this call: the caller and every invitee, except those who were busy elsewhere. */
export function audienceOf(call: Call): string[] {
  return call.participants
    .filter((p) => p.status !== 'busy' || p.user_id === call.caller_id)
    .map((p) => p.user_id);
}

export interface NewCall {
  id: string;
  room_id: string;
  conversation_id: string;
  caller_id: string;
  invitee_ids: readonly string[];
  /** Invitees already in another live call: they answer `busy` at once. */
  busy_ids: ReadonlySet<string>;
  ring_timeout_ms: number;
}

/** A new call: every free invitee rings; with none free it ends as `busy` straight away. */
export function createCall(input: NewCall, now: number): { call: Call; effects: Effect[] } {
  const invitees = [...new Set(input.invitee_ids)].filter((id) => id !== input.caller_id);
  const call: Call = {
    id: input.id,
    room_id: input.room_id,
    conversation_id: input.conversation_id,
    caller_id: input.caller_id,
    state: 'ringing',
    participants: [
      { user_id: input.caller_id, status: 'accepted' },
      ...invitees.map(
        (user_id): Participant => ({ user_id, status: input.busy_ids.has(user_id) ? 'busy' : 'ringing' }),
      ),
    ],
    ringing_until: now + input.ring_timeout_ms,
    started_at: null,
    ended_at: null,
    created_at: now,
  };
  const ringing = ringingIds(call);
  if (ringing.length === 0) {
    const ended = finish(call, 'busy', now);
    return {
      call: ended,
      effects: [
        { type: 'state', reason: 'busy' },
        { type: 'record', outcome: 'busy' },
      ],
    };
  }
  return {
    call,
    effects: [
      { type: 'invite', user_ids: ringing },
      { type: 'state', reason: 'ringing' },
    ],
  };
}

/** Applies one event. A refused event leaves the call untouched and says why. */
export function transition(call: Call, event: CallEvent, now: number): Transition {
  switch (event.type) {
    case 'answer':
      return answer(call, event.user_id, event.accepted, now);
    case 'cancel':
      return cancel(call, event.user_id, now);
    case 'leave':
      return leave(call, event.user_id, now);
    case 'joined':
      return joined(call, event.user_id, now);
    case 'ring_timeout':
      return ringTimeout(call, now);
  }
}

function answer(call: Call, userId: string, accepted: boolean, now: number): Transition {
  const me = call.participants.find((p) => p.user_id === userId);
  if (!me) return refuse('not_a_participant', 'You are not invited to this call');
  // Late, duplicate or second-device answers all land here: only a ringing invitee of a live call may answer.
  if (!isLive(call) || me.status !== 'ringing')
    return refuse('call_not_ringing', 'This call is no longer ringing for you');
  let next = withStatus(call, userId, accepted ? 'accepted' : 'declined');
  if (accepted && next.state === 'ringing') next = { ...next, state: 'active', started_at: now };
  const effects: Effect[] = [{ type: 'response', user_id: userId, accepted }];
  return settle(next, now, effects, accepted ? 'accepted' : 'declined');
}

function cancel(call: Call, userId: string, now: number): Transition {
  if (!call.participants.some((p) => p.user_id === userId)) {
    return refuse('not_a_participant', 'You are not in this call');
  }
  if (userId !== call.caller_id) return refuse('forbidden', 'Only the caller can cancel a call');
  if (call.state !== 'ringing') return refuse('call_not_ringing', 'This call is no longer ringing');
  return cancelled(call, now);
}

function cancelled(call: Call, now: number): Transition {
  let next = withStatus(call, call.caller_id, 'left');
  next = markRinging(next, 'missed');
  next = finish(next, 'cancelled', now);
  return {
    ok: true,
    call: next,
    effects: [
      { type: 'state', reason: 'cancelled' },
      { type: 'record', outcome: 'cancelled' },
    ],
  };
}

function leave(call: Call, userId: string, now: number): Transition {
  const me = call.participants.find((p) => p.user_id === userId);
  if (!me) return refuse('not_a_participant', 'You are not in this call');
  if (!isLive(call)) return refuse('call_ended', 'This call has already ended');
  if (me.status !== 'accepted') return refuse('not_in_call', 'You have not joined this call');
  // The caller hanging up before anyone answered is a cancel.
  if (call.state === 'ringing' && userId === call.caller_id) return cancelled(call, now);
  return settle(withStatus(call, userId, 'left'), now, [], 'left');
}

/**
 * Entering the room makes anyone of the conversation a participant: a ringing invitee has thereby
 * accepted (first answer wins, so a later answer from another device is refused); whoever declined,
 * was busy, missed it, left, or was never rung is back in / newly in. Already in: nothing changes.
 * Membership of the conversation is the caller's business (the join route checks it).
 */
function joined(call: Call, userId: string, now: number): Transition {
  if (!isLive(call)) return refuse('call_ended', 'This call has already ended');
  const me = call.participants.find((p) => p.user_id === userId);
  if (me?.status === 'accepted') return { ok: true, call, effects: [] };
  if (me?.status === 'ringing') return answer(call, userId, true, now);
  let next: Call = me
    ? withStatus(call, userId, 'accepted')
    : { ...call, participants: [...call.participants, { user_id: userId, status: 'accepted' }] };
  if (next.state === 'ringing') next = { ...next, state: 'active', started_at: now };
  return settle(next, now, [], 'joined');
}

function ringTimeout(call: Call, now: number): Transition {
  const deadline = deadlineOf(call);
  if (deadline === null || now < deadline) return { ok: true, call, effects: [] };
  return settle(markRinging(call, 'missed'), now, [], 'timeout');
}

/**
 * After a change: a ringing call nobody rings for any more ends with the most telling outcome; an active
 * call with nobody left in it ends (anyone still ringing has missed it). Otherwise it carries on.
 */
function settle(call: Call, now: number, effects: Effect[], reason: string): Transition {
  const statuses = call.participants.slice(1).map((p) => p.status);
  if (call.state === 'ringing' && !statuses.includes('ringing')) {
    const outcome: CallOutcome = statuses.includes('missed')
      ? 'missed'
      : statuses.includes('declined')
        ? 'declined'
        : 'busy';
    const next = finish(call, outcome, now);
    return {
      ok: true,
      call: next,
      effects: [...effects, { type: 'state', reason }, { type: 'record', outcome }],
    };
  }
  if (call.state === 'active' && !call.participants.some((p) => p.status === 'accepted')) {
    const next = finish(markRinging(call, 'missed'), 'ended', now);
    const duration_seconds = Math.max(0, Math.round((now - (call.started_at ?? now)) / 1000));
    return {
      ok: true,
      call: next,
      effects: [
        ...effects,
        { type: 'state', reason },
        { type: 'record', outcome: 'ended', duration_seconds },
      ],
    };
  }
  return { ok: true, call, effects: [...effects, { type: 'state', reason }] };
}

function finish(call: Call, state: CallState, now: number): Call {
  return { ...call, state, ended_at: now };
}

function withStatus(call: Call, userId: string, status: ParticipantStatus): Call {
  return {
    ...call,
    participants: call.participants.map((p) => (p.user_id === userId ? { ...p, status } : p)),
  };
}

function markRinging(call: Call, status: ParticipantStatus): Call {
  return {
    ...call,
    participants: call.participants.map((p) => (p.status === 'ringing' ? { ...p, status } : p)),
  };
}

function ringingIds(call: Call): string[] {
  return call.participants.filter((p) => p.status === 'ringing').map((p) => p.user_id);
}

function refuse(code: CallErrorCode, message: string): Transition {
  return { ok: false, code, message };
}
