import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const MINUTE_MS = 60_000;

/**
 * @fastify/rate-limit options for a per-user budget per minute. Counted in preHandler, after
 * authentication, so the key is the account (not the address: one account must not flood from many,
 * and many users behind one NAT must not starve each other). The 429 carries `Retry-After`.
 */
export function perUserPerMinute(max: number) {
  return {
    max,
    timeWindow: MINUTE_MS,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => request.userId,
  };
}

/**
 * The same budget for Socket.IO events, which @fastify/rate-limit does not see: a fixed window per
 * key, counted on this node (a cluster of N nodes allows at most N times the budget).
 */
export function createEventLimiter(max: number, windowMs = MINUTE_MS, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one use by `key`; throws a 429 `rate_limited` AppError once the budget is spent. */
    take(key: string, what: string): void {
      const t = now();
      // Forget finished windows now and then, so idle keys do not pile up.
      if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      let window = windows.get(key);
      if (!window || t - window.start >= windowMs) {
        window = { start: t, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > max) {
        const retry = Math.ceil((window.start + windowMs - t) / 1000);
        throw new AppError(429, 'rate_limited', `Too many ${what}; try again in ${retry} s`);
      }
    },
  };
}
