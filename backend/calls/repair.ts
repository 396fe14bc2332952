import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { commitRecord } from './commit.js';
import { type CallOutcome, LIVE_STATES } from './machine.js';
import { loadCall } from './store.js';

/**
 * Gives a settled call without its `call` message the message it should have had. Before the state and the
 * record were committed together (commit.ts), a crash between the two left such calls for good; a node
 * repairs them at start-up. The message is dated now (it was never sent), and stored at most once.
 * Returns how many were repaired.
 */
export async function repairMissingRecords(db: Db): Promise<number> {
  const orphans = await db
    .selectFrom('calls')
    .select('id')
    .where('state', 'not in', [...LIVE_STATES])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('messages')
            .select('messages.id')
            .whereRef('messages.conversation_id', '=', 'calls.conversation_id')
            .whereRef('messages.sender_id', '=', 'calls.caller_id')
            .where('messages.client_id', '=', sql<string>`'call:' || calls.id`),
        ),
      ),
    )
    .execute();
  for (const { id } of orphans) {
    const stored = await loadCall(db, id);
    if (!stored) continue;
    const { call } = stored;
    const outcome = call.state as CallOutcome;
    const duration =
      outcome === 'ended' && call.started_at !== null && call.ended_at !== null
        ? Math.max(0, Math.round((call.ended_at - call.started_at) / 1000))
        : undefined;
    await commitRecord(db, call, outcome, duration);
  }
  return orphans.length;
}
