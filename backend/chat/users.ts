import { sql } from 'kysely';
import type { User } from '../../contract/users.js';
import type { Db } from '../db/index.js';

const publicColumns = ['id', 'username', 'display_name'] as const;

/** The public fields of one user, or undefined. */
export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

/** The public fields of the users that exist among `ids`. */
export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(publicColumns).where('id', 'in', ids).execute();
}

/** Users whose username or display name contains `q` (case-insensitive), excluding the searcher. */
export async function searchUsers(db: Db, q: string, excludeId: string, limit = 20): Promise<User[]> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .selectFrom('users')
      .select(publicColumns)
      .where('id', '!=', excludeId)
      // ESCAPE is explicit: SQLite has no default LIKE escape character, PostgreSQL's is the backslash.
      .where(
        (eb) =>
          sql<boolean>`(lower(${eb.ref('username')}) like ${pattern} escape '\\' or lower(${eb.ref('display_name')}) like ${pattern} escape '\\')`,
      )
      .orderBy('username')
      .limit(limit)
      .execute()
  );
}
