import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A new id that sorts by creation time: 12 hex digits of milliseconds, a 4-digit counter
 * for ids made in the same millisecond, then 8 random hex digits. Messages page by it.
 */
export function newId(): string {
  const now = Date.now();
  if (now === lastMs) counter += 1;
  else {
    lastMs = now;
    counter = 0;
  }
  return (
    now.toString(16).padStart(12, '0') +
    (counter & 0xffff).toString(16).padStart(4, '0') +
    randomBytes(4).toString('hex')
  );
}

/** An unguessable room id: 128 random bits, lowercase base32-ish, valid per docs/CONTRACT.md. */
export function newRoomId(): string {
  return randomBytes(16).toString('hex');
}

export const nowIso = (): string => new Date().toISOString();
