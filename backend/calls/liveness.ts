import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { AppError } from '../lib/errors.js';
import type { Realtime } from '../plugins/realtime.js';
import { liveCalls } from './store.js';

export interface LivenessOptions {
  db: Db;
  realtime: Realtime;
  log: FastifyBaseLogger;
  /** How long a participant may be without any socket, on any node, before they count as gone. */
  graceMs: number;
  /** Makes `userId` leave `callId` (a ringing call's caller thereby cancels it). */
  leave(userId: string, callId: string): Promise<unknown>;
}

/**
 * Liveness that does not depend on the node that held a socket. A node that dies takes its sockets'
 * disconnect events and grace timers with it, so every node also checks, on each sweep, every participant
 * `accepted` in a live call against the sockets of the whole cluster (the Redis adapter asks every node
 * still subscribed; a killed node's connection drops and it is no longer asked). Whoever stays without a
 * socket for the grace period, from the first sweep that saw it, leaves their calls — on whichever node
 * gets there first; the optimistic version check lets only one leave land.
 * A presence query that fails (Redis down, a node not answering) changes nothing: it fails safe.
 */
export function createLivenessCheck(opts: LivenessOptions) {
  const { db, realtime, log } = opts;
  /** When this node first saw each participant without a socket anywhere. */
  const offlineSince = new Map<string, number>();
  let running = false;

  async function check(now: number): Promise<void> {
    const callsOf = new Map<string, string[]>();
    for (const call of await liveCalls(db)) {
      for (const p of call.participants) {
        if (p.status === 'accepted') callsOf.set(p.user_id, [...(callsOf.get(p.user_id) ?? []), call.id]);
      }
    }
    const online = await realtime.onlineAmong([...callsOf.keys()]);
    for (const userId of offlineSince.keys()) {
      if (!callsOf.has(userId) || online.has(userId)) offlineSince.delete(userId);
    }
    for (const [userId, callIds] of callsOf) {
      if (online.has(userId)) continue;
      const since = offlineSince.get(userId) ?? now;
      offlineSince.set(userId, since);
      if (now - since < opts.graceMs) continue;
      offlineSince.delete(userId);
      log.info(
        { userId, calls: callIds.length },
        'participant without a socket anywhere: leaving their calls',
      );
      for (const callId of callIds) {
        await opts.leave(userId, callId).catch((err) => {
          // Settled meanwhile (another node, the user's own leave): nothing left to do.
          if (!(err instanceof AppError)) throw err;
        });
      }
    }
  }

  /** One pass; skipped while the previous one still runs (a slow cluster query must not pile them up). */
  return async function checkLiveness(now = Date.now()): Promise<void> {
    if (running) return;
    running = true;
    try {
      await check(now);
    } finally {
      running = false;
    }
  };
}
