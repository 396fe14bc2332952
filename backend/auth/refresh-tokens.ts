import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';

/**
 * Refresh tokens: opaque random strings, kept server-side only as their SHA-256 and bound to one
 * session. Each is good for one exchange: the exchange rotates it (a new one replaces it) and marks the
 * old one rotated. A rotated token presented again means two parties hold the session's tokens — the
 * user and a thief — so the whole session ends (refresh-token reuse detection).
 */

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Creates a new refresh token for the session and returns it (the only time it exists in clear), or
 * null when the session no longer exists (ended meanwhile, e.g. by a concurrent reuse).
 */
export async function issueRefreshToken(
  db: Db | Transaction<Database>,
  sessionId: string,
): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const result = await db
    .insertInto('refresh_tokens')
    .columns(['token_hash', 'session_id', 'created_at'])
    .expression(
      db
        .selectFrom('sessions')
        .select([
          sql.lit(hashOf(token)).as('token_hash'),
          'id',
          sql.lit(new Date().toISOString()).as('created_at'),
        ])
        .where('id', '=', sessionId),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? token : null;
}

export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  /** Unknown token, or its session ended or expired. */
  | { kind: 'invalid' }
  /** A rotated token came back: the session has been ended. */
  | { kind: 'reused'; userId: string; sessionId: string };

/**
 * Exchanges `token` for a new refresh token of the same session and extends the session by
 * `sessionTtlSeconds` (a session used at least that often stays signed in).
 */
export async function rotateRefreshToken(
  db: Db,
  token: string,
  sessionTtlSeconds: number,
): Promise<RefreshOutcome> {
  const hash = hashOf(token);
  const row = await db
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .select([
      'refresh_tokens.session_id',
      'refresh_tokens.rotated_at',
      'sessions.user_id',
      'sessions.expires_at',
    ])
    .where('refresh_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return { kind: 'invalid' };
  const now = new Date();
  const stolen = { kind: 'reused', userId: row.user_id, sessionId: row.session_id } as const;
  if (row.rotated_at !== null) return endSession(db, stolen);
  if (row.expires_at <= now.toISOString()) return { kind: 'invalid' };
  // One transaction: the claim below row-locks the token (PostgreSQL; SQLite runs one writer at a time),
  // so a concurrent exchange of the same token waits, then finds it rotated and counts as reuse.
  const refreshToken = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('refresh_tokens')
      .set({ rotated_at: now.toISOString() })
      .where('token_hash', '=', hash)
      .where('rotated_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return null;
    await trx
      .updateTable('sessions')
      .set({ expires_at: new Date(now.getTime() + sessionTtlSeconds * 1000).toISOString() })
      .where('id', '=', row.session_id)
      .execute();
    // Rotated tokens older than a whole session lifetime could not be told from expired ones anyway.
    await trx
      .deleteFrom('refresh_tokens')
      .where('session_id', '=', row.session_id)
      .where('rotated_at', '<', new Date(now.getTime() - sessionTtlSeconds * 1000).toISOString())
      .execute();
    return issueRefreshToken(trx, row.session_id);
  });
  if (refreshToken === null) return endSession(db, stolen);
  return { kind: 'rotated', userId: row.user_id, sessionId: row.session_id, refreshToken };
}

async function endSession<T extends { sessionId: string }>(db: Db, outcome: T): Promise<T> {
  await db.deleteFrom('sessions').where('id', '=', outcome.sessionId).execute();
  return outcome;
}
