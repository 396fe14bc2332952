import type { CallOutcome } from './machine.js';

/**
 * The plain-text body of a `call` message: a fallback for clients that do not render `call` themselves
 * (the app shows its own zh-CN/en text from `call.outcome`).
 */
export function outcomeText(outcome: CallOutcome, durationSeconds?: number): string {
  switch (outcome) {
    case 'missed':
      return 'Missed video call';
    case 'declined':
      return 'Video call declined';
    case 'cancelled':
      return 'Video call cancelled';
    case 'busy':
      return 'Video call: busy';
    case 'ended': {
      const s = durationSeconds ?? 0;
      const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      return `Video call ended (${clock})`;
    }
  }
}
