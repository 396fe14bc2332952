import type { Db } from '../db/index.js';
import { newId } from '../lib/ids.js';

/**
 * Server-side sessions: one row per sign-in (device or tab). An access token names its row, so deleting
 * the row revokes the token at once, whatever its `exp` says.
 */
export async function createSession(db: Db, userId: string, ttlSeconds: number): Promise<string> {
  const now = Date.now();
  const id = newId();
  // Each sign-in sweeps the user's own expired rows, so the table does not grow without bound.
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', new Date(now).toISOString())
    .execute();
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + ttlSeconds * 1000).toISOString(),
    })
    .execute();
  return id;
}

/** True when the session exists, belongs to `userId` and has not expired. */
export async function sessionIsLive(db: Db, sessionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes one session of the user (sign out). */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).execute();
}

/** Deletes every session of the user, except `keep` when given (sign out everywhere, password change). */
export async function revokeAllSessions(db: Db, userId: string, keep?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}
