import type { FastifyBaseLogger } from 'fastify';
import type { Room } from '../../contract/rooms.js';
import { getConversation } from '../chat/conversations.js';
import type { Db } from '../db/index.js';
import { AppError, conflict, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { keyedSerial } from '../lib/keyed-serial.js';
import type { Realtime } from '../plugins/realtime.js';
import { findRoom } from '../rooms/store.js';
import { commitTransition } from './commit.js';
import { createEffectRunner } from './effects.js';
import { createLivenessCheck } from './liveness.js';
import {
  type Call,
  type CallEvent,
  createCall,
  deadlineOf,
  isLive,
  type Transition,
  transition,
} from './machine.js';
import { repairMissingRecords } from './repair.js';
import { inviteesOf, ringingCallToCollapseInto } from './ring-policy.js';
import { callsWithDeadline, liveCalls, liveCallsOf, liveCallsOfConversation, loadCall } from './store.js';

export interface CallServiceOptions {
  db: Db;
  realtime: Realtime;
  log: FastifyBaseLogger;
  jitsiConfigured: boolean;
  ringTimeoutMs: number;
  /** How long a participant may have no socket at all before they count as having left. */
  leaveGraceMs: number;
  /** How often to look for deadlines another (perhaps dead) node owned. */
  sweepIntervalMs: number;
}

const STATUS_OF_ERROR: Record<string, number> = {
  not_a_participant: 403,
  forbidden: 403,
  call_not_ringing: 409,
  not_in_call: 409,
  call_ended: 409,
};

/** How many times an event is retried after losing a write race before giving up. */
const MAX_ATTEMPTS = 8;

/**
 * The call service: runs the pure machine on calls stored in the database, writes each transition with an
 * optimistic version check (so the first answer wins even across nodes), then emits the effects.
 * Ring deadlines live in the database; each node keeps timers for them and sweeps for overdue ones.
 */
export function createCallService(opts: CallServiceOptions) {
  const { db, realtime, log } = opts;
  const runEffects = createEffectRunner(db, realtime);
  const timers = new Map<string, NodeJS.Timeout>();
  const graceTimers = new Map<string, NodeJS.Timeout>();
  let sweeper: NodeJS.Timeout | undefined;
  let liveness: NodeJS.Timeout | undefined;
  let stopped = false;
  const checkLiveness = createLivenessCheck({
    db,
    realtime,
    log,
    graceMs: opts.leaveGraceMs,
    leave: async (userId, callId) => {
      if (!stopped) await apply(callId, { type: 'leave', user_id: userId });
    },
  });

  function fail(result: Extract<Transition, { ok: false }>): never {
    throw new AppError(STATUS_OF_ERROR[result.code] ?? 400, result.code, result.message);
  }

  /** Loads, transitions and saves a call until the write lands; then runs the effects. */
  async function apply(callId: string, event: CallEvent): Promise<Call> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await loadCall(db, callId);
      if (!stored) throw notFound('call_not_found', 'No such call');
      const result = transition(stored.call, event, Date.now());
      if (!result.ok) fail(result);
      if (result.effects.length === 0) return result.call;
      const commit = await commitTransition(db, result.call, stored.version, result.effects);
      if (!commit.saved) continue;
      await runEffects(result.call, result.effects, commit.recorded);
      schedule({ id: callId, deadline: deadlineOf(result.call) });
      return result.call;
    }
    throw new AppError(503, 'call_busy', 'The call changed too often; try again');
  }

  /** Keeps one timer per ringing call on this node, firing at its ring deadline. */
  function schedule(call: Pick<Call, 'id'> & { deadline: number | null }): void {
    const existing = timers.get(call.id);
    if (existing) clearTimeout(existing);
    timers.delete(call.id);
    if (call.deadline === null || stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(call.id);
        apply(call.id, { type: 'ring_timeout' }).catch((err) => log.error({ err }, 'ring timeout failed'));
      },
      Math.max(0, call.deadline - Date.now()),
    );
    timers.set(call.id, timer);
  }

  /** Overdue deadlines (e.g. of a node that died) and, at start-up, every pending one. */
  async function sweep(all: boolean): Promise<void> {
    const due = await callsWithDeadline(db, all ? undefined : Date.now());
    for (const { id, deadline } of due) {
      if (deadline <= Date.now()) {
        await apply(id, { type: 'ring_timeout' }).catch((err) => log.error({ err }, 'ring timeout failed'));
      } else {
        schedule({ id, deadline });
      }
    }
  }

  /** After a grace period without any socket, a user counts as gone from every call they are in. */
  function scheduleGoneCheck(userId: string): void {
    if (stopped || graceTimers.has(userId)) return;
    const timer = setTimeout(() => {
      graceTimers.delete(userId);
      leaveIfGone(userId).catch((err) => log.error({ err }, 'leaving calls of a disconnected user failed'));
    }, opts.leaveGraceMs);
    graceTimers.set(userId, timer);
  }

  async function leaveIfGone(userId: string): Promise<void> {
    if (stopped) return;
    if ((await realtime.onlineAmong([userId])).size > 0) return;
    for (const call of await liveCallsOf(db, userId, 'accepted')) await leaveQuietly(userId, call.id);
  }

  /** `leave`, where a call that ended or was left in between is no error. */
  async function leaveQuietly(userId: string, callId: string): Promise<void> {
    await apply(callId, { type: 'leave', user_id: userId }).catch((err) => {
      if (!(err instanceof AppError)) throw err;
    });
  }

  /** Leaves every live call `userId` is in but `keepCallId`: the server's half of the one-call rule. */
  async function leaveOthers(userId: string, keepCallId: string): Promise<void> {
    for (const call of await liveCallsOf(db, userId, 'accepted')) {
      if (call.id !== keepCallId) await leaveQuietly(userId, call.id);
    }
  }

  const inviteSerially = keyedSerial();

  /** The body of `invite`, run one at a time per conversation. */
  async function inviteInto(room: Room, callerId: string, target?: string): Promise<{ call_id: string }> {
    // One read gives the members (for the check and the invitees) and the type (groups are never busy).
    const conversation = await getConversation(db, room.conversation_id);
    const members = conversation?.members.map((m) => m.id) ?? [];
    if (!members.includes(callerId)) {
      throw forbidden('not_a_member', 'You are not a member of this conversation');
    }
    const invitees = await inviteesOf(db, members, callerId, target);
    const liveHere = await liveCallsOfConversation(db, room.conversation_id);
    const ringing = ringingCallToCollapseInto(liveHere, callerId, invitees);
    if (ringing) return { call_id: ringing.id };
    // Busy = in a call of another conversation; someone in this conversation's call is not busy, the
    // call is simply going on (and is joined instead, below).
    const elsewhere = (await liveCalls(db)).filter((c) => c.conversation_id !== room.conversation_id);
    const inCall = (id: string) =>
      elsewhere.some((c) => c.participants.some((p) => p.user_id === id && p.status === 'accepted'));
    const busy = new Set(invitees.filter(inCall));
    // A group is never "busy" as a whole: with every member elsewhere there is nobody to ring, and
    // nothing happened worth a timeline entry.
    if (conversation?.type === 'group' && busy.size === invitees.length) {
      throw conflict('everyone_busy', 'Everyone in this group is in another call');
    }
    // One call at a time: starting a new one leaves any other (whose window may have died unnoticed),
    // including a call of this very conversation that nobody but the caller is in or rung for any more.
    for (const old of await liveCallsOf(db, callerId, 'accepted')) {
      const stillOn = old.participants.some(
        (p) => p.user_id !== callerId && (p.status === 'accepted' || p.status === 'ringing'),
      );
      if (old.conversation_id === room.conversation_id && stillOn) continue;
      await leaveQuietly(callerId, old.id);
    }
    if ((await liveCallsOfConversation(db, room.conversation_id)).length > 0) {
      throw conflict('call_in_progress', 'A call is already going on in this conversation; join it instead');
    }
    const { call, effects } = createCall(
      {
        id: newId(),
        room_id: room.room_id,
        conversation_id: room.conversation_id,
        caller_id: callerId,
        invitee_ids: invitees,
        busy_ids: busy,
        ring_timeout_ms: opts.ringTimeoutMs,
      },
      Date.now(),
    );
    const { recorded } = await commitTransition(db, call, null, effects);
    await runEffects(call, effects, recorded);
    schedule({ id: call.id, deadline: isLive(call) ? call.ringing_until : null });
    return { call_id: call.id };
  }

  return {
    /**
     * `call_invitation`: creates the call and rings the invitees; answers the new call's id, or the id
     * of the caller's call already ringing them (repeated invitations collapse: ring-policy.ts).
     */
    async invite(
      callerId: string,
      payload: { room_id: string; target_user_id?: string },
    ): Promise<{ call_id: string }> {
      if (!opts.jitsiConfigured) {
        throw new AppError(503, 'jitsi_not_configured', 'Video calls are not configured on this server');
      }
      const room = await findRoom(db, payload.room_id);
      if (!room) throw notFound('room_not_found', 'No such room');
      // Per conversation (the call button makes a fresh room each time): a rapid repeat sees the first's call.
      return inviteSerially(room.conversation_id, () => inviteInto(room, callerId, payload.target_user_id));
    },

    /** An answer; accepting leaves every other call the user is in (one call at a time). */
    async answer(userId: string, callId: string, accepted: boolean): Promise<Call> {
      const call = await apply(callId, { type: 'answer', user_id: userId, accepted });
      if (accepted) await leaveOthers(userId, callId);
      return call;
    },
    cancel: (userId: string, callId: string) => apply(callId, { type: 'cancel', user_id: userId }),
    leave: (userId: string, callId: string) => apply(callId, { type: 'leave', user_id: userId }),

    /**
     * `POST /rooms/{room_id}/join` by a member of the room's conversation: they become a participant of
     * the room's live call (a ringing invitee thereby accepts). No live call: nothing happens, no call starts.
     */
    async joinRoom(userId: string, roomId: string): Promise<void> {
      for (const call of await liveCalls(db, roomId)) {
        const joined = await apply(call.id, { type: 'joined', user_id: userId }).catch((err) => {
          // The call ended in between: the token is still good for the (now empty) room.
          if (!(err instanceof AppError)) throw err;
          return null;
        });
        // One call at a time: entering this one leaves any other.
        if (joined) await leaveOthers(userId, joined.id);
      }
    },

    /** The room page's "conference ended": the user leaves the live call of that room, if they are in it. */
    async leaveRoom(userId: string, roomId: string): Promise<void> {
      for (const call of await liveCalls(db, roomId)) {
        if (call.participants.some((p) => p.user_id === userId && p.status === 'accepted'))
          await leaveQuietly(userId, call.id);
      }
    },

    /** A socket of `userId` went away; if it was their last, they leave their calls after the grace period. */
    socketGone(userId: string): void {
      scheduleGoneCheck(userId);
    },

    /** A user connected again: a pending grace check is moot (it re-checks presence anyway). */
    socketBack(userId: string): void {
      const timer = graceTimers.get(userId);
      if (timer) clearTimeout(timer);
      graceTimers.delete(userId);
    },

    /** Picks up every stored deadline and participants left without a socket (e.g. after a restart). */
    async start(): Promise<void> {
      const repaired = await repairMissingRecords(db);
      if (repaired > 0) log.warn({ repaired }, 'settled calls without their call message: recorded now');
      await sweep(true);
      for (const call of await liveCalls(db)) {
        for (const p of call.participants) if (p.status === 'accepted') scheduleGoneCheck(p.user_id);
      }
      sweeper = setInterval(() => {
        sweep(false).catch((err) => log.error({ err }, 'call sweep failed'));
      }, opts.sweepIntervalMs);
      sweeper.unref();
      // Often enough that a caller whose node died cancels well before a default ring would time out.
      const livenessMs = Math.min(opts.sweepIntervalMs, Math.max(1000, opts.leaveGraceMs / 3));
      liveness = setInterval(() => {
        checkLiveness().catch((err) => log.warn({ err }, 'call liveness check failed'));
      }, livenessMs);
      liveness.unref();
    },

    stop(): void {
      stopped = true;
      if (sweeper) clearInterval(sweeper);
      if (liveness) clearInterval(liveness);
      for (const timer of [...timers.values(), ...graceTimers.values()]) clearTimeout(timer);
      timers.clear();
      graceTimers.clear();
    },
  };
}

export type CallService = ReturnType<typeof createCallService>;
