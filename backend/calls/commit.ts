import type { CallRecord, Message } from '../../contract/chat.js';
import { insertMessage } from '../chat/messages.js';
import type { Db } from '../db/index.js';
import type { Call, CallOutcome, Effect } from './machine.js';
import { outcomeText } from './outcome-text.js';
import { insertCall, saveCall } from './store.js';

/** What a commit did: whether the state was written, and the outcome message it stored (to announce). */
export interface Commit {
  saved: boolean;
  /** The `call` message stored in this commit; null when there was none to store (or it existed already). */
  recorded: Message | null;
}

/**
 * Writes a call's new state and, when the transition settled it, its `call` message, in ONE transaction:
 * whatever moment the process dies, a settled call has its message and a live call has none. (Written
 * separately, a crash in between left calls settled, their deadline cleared, and no message ever.)
 * `version` null inserts a new call; otherwise the optimistic version check applies and a lost race
 * (`saved: false`) stores nothing at all.
 */
export async function commitTransition(
  db: Db,
  call: Call,
  version: number | null,
  effects: readonly Effect[],
): Promise<Commit> {
  return db.transaction().execute(async (trx) => {
    if (version === null) await insertCall(trx, call);
    else if (!(await saveCall(trx, call, version))) return { saved: false, recorded: null };
    let recorded: Message | null = null;
    for (const effect of effects) {
      if (effect.type === 'record')
        recorded = await commitRecord(trx, call, effect.outcome, effect.duration_seconds);
    }
    return { saved: true, recorded };
  });
}

/** Stores the `call` message of a settled call; null when it exists already. */
export async function commitRecord(
  db: Db,
  call: Call,
  outcome: CallOutcome,
  durationSeconds?: number,
): Promise<Message | null> {
  const record: CallRecord = { call_id: call.id, outcome };
  if (durationSeconds !== undefined) record.duration_seconds = durationSeconds;
  // The client_id (a reserved namespace, backend/lib/reserved-ids.ts) keeps it to one message per call.
  const { message, created } = await insertMessage(db, {
    conversationId: call.conversation_id,
    senderId: call.caller_id,
    body: outcomeText(outcome, durationSeconds),
    clientId: `call:${call.id}`,
    call: record,
  });
  return created ? message : null;
}
