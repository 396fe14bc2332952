import type { Mute } from '../../contract/mute.js';
import type { Db } from '../db/index.js';
import { nowIso } from '../lib/ids.js';

type MuteRow = { conversation_id: string; muted_until: string | null; ring_calls: number };

/** A stored row as the wire shows it; an expired one is no mute at all (expiry is decided on read). */
export function rowToMute(row: MuteRow | undefined, now = nowIso()): Mute | null {
  if (!row || (row.muted_until !== null && row.muted_until <= now)) return null;
  return { until: row.muted_until, ring_calls: row.ring_calls === 1 };
}

/** Mutes `conversationId` for `userId` for `minutes` (undefined: until turned off); replaces an earlier mute. */
export async function mute(
  db: Db,
  conversationId: string,
  userId: string,
  minutes: number | undefined,
  ringCalls: boolean,
): Promise<Mute> {
  const now = Date.now();
  const mutedUntil = minutes === undefined ? null : new Date(now + minutes * 60_000).toISOString();
  const values = { muted_until: mutedUntil, ring_calls: ringCalls ? 1 : 0 };
  await db
    .insertInto('conversation_mutes')
    .values({ conversation_id: conversationId, user_id: userId, created_at: nowIso(), ...values })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet(values))
    .execute();
  return { until: mutedUntil, ring_calls: ringCalls };
}

/** Ends the mute; nothing happens when there was none (so a repeated unmute answers the same). */
export async function unmute(db: Db, conversationId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('conversation_mutes')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .execute();
}

/** The user's live mutes by conversation id (expired ones left out). */
export async function mutesOf(db: Db, userId: string): Promise<Map<string, Mute>> {
  const rows = await db
    .selectFrom('conversation_mutes')
    .select(['conversation_id', 'muted_until', 'ring_calls'])
    .where('user_id', '=', userId)
    .execute();
  const now = nowIso();
  return new Map(
    rows.flatMap((row) => {
      const live = rowToMute(row, now);
      return live ? [[row.conversation_id, live] as const] : [];
    }),
  );
}
