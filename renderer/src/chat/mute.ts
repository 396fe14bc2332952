/**
 * Whether a conversation is muted, decided against the clock: a timed mute ends on its own and is
 * never stored as a flag. Pure; the server exchanges are in mute-actions.ts.
 */
import type { ConversationSummary } from '../lib/types';

/** The mute lengths the menu offers, in minutes; undefined = until turned off. */
export const MUTE_CHOICES = [
  { key: 'muteOneHour', minutes: 60 },
  { key: 'muteEightHours', minutes: 8 * 60 },
  { key: 'muteForever', minutes: undefined },
] as const;

/** Whether the conversation is muted at `now` (a mute whose time has passed is none). */
export function isMuted(conversation: ConversationSummary | undefined, now = Date.now()): boolean {
  const mute = conversation?.mute;
  if (!mute) return false;
  return mute.until === null || Date.parse(mute.until) > now;
}

/** Whether an incoming call in this conversation rings: yes unless muted with calls silenced too. */
export function callsRing(conversation: ConversationSummary | undefined, now = Date.now()): boolean {
  return !isMuted(conversation, now) || conversation?.mute?.ring_calls !== false;
}
