import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';

/**
 * The secret that signs access tokens: SESSION_SECRET when given, else one generated on first run
 * and kept in the database, so tokens survive restarts and every node of a cluster shares it.
 */
export async function loadSessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('settings')
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'session_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}
