import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { type Call, deadlineOf, LIVE_STATES, type Participant } from './machine.js';

type CallRow = Selectable<Database['calls']>;

/** A stored call and the version it was read at (the optimistic-concurrency token). */
export interface StoredCall {
  call: Call;
  version: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const ms = (text: string | null): number | null => (text === null ? null : Date.parse(text));

function toRow(call: Call) {
  return {
    id: call.id,
    room_id: call.room_id,
    conversation_id: call.conversation_id,
    caller_id: call.caller_id,
    state: call.state,
    participants_json: JSON.stringify(call.participants),
    ringing_until: iso(call.ringing_until) as string,
    ring_deadline: iso(deadlineOf(call)),
    started_at: iso(call.started_at),
    ended_at: iso(call.ended_at),
    created_at: iso(call.created_at) as string,
  };
}

function fromRow(row: CallRow): StoredCall {
  return {
    version: Number(row.version),
    call: {
      id: row.id,
      room_id: row.room_id,
      conversation_id: row.conversation_id,
      caller_id: row.caller_id,
      state: row.state as Call['state'],
      participants: JSON.parse(row.participants_json) as Participant[],
      ringing_until: Date.parse(row.ringing_until),
      started_at: ms(row.started_at),
      ended_at: ms(row.ended_at),
      created_at: Date.parse(row.created_at),
    },
  };
}

export async function insertCall(db: Db, call: Call): Promise<void> {
  await db
    .insertInto('calls')
    .values({ ...toRow(call), version: 0 })
    .execute();
}

export async function loadCall(db: Db, id: string): Promise<StoredCall | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Writes `call` only if the row is still at `version` (then bumps it). False means another event (on this
 * node or another) got there first: the caller reloads and runs its event again on the fresh state.
 */
export async function saveCall(db: Db, call: Call, version: number): Promise<boolean> {
  const { id, ...fields } = toRow(call);
  const result = await db
    .updateTable('calls')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Calls that are ringing or active, optionally only those of one room. */
export async function liveCalls(db: Db, roomId?: string): Promise<Call[]> {
  let query = db
    .selectFrom('calls')
    .selectAll()
    .where('state', 'in', [...LIVE_STATES]);
  if (roomId !== undefined) query = query.where('room_id', '=', roomId);
  const rows = await query.orderBy('created_at').execute();
  return rows.map((r) => fromRow(r).call);
}

/** Live calls in which `userId` has the given status. */
export async function liveCallsOf(db: Db, userId: string, status: Participant['status']): Promise<Call[]> {
  // The LIKE narrows the rows cheaply; the exact check runs on the parsed participants.
  const rows = await db
    .selectFrom('calls')
    .selectAll()
    .where('state', 'in', [...LIVE_STATES])
    .where('participants_json', 'like', `%${JSON.stringify(userId)}%`)
    .execute();
  return rows
    .map((r) => fromRow(r).call)
    .filter((c) => c.participants.some((p) => p.user_id === userId && p.status === status));
}

/** Calls with a ring deadline, due now or later (`until` bounds it). */
export async function callsWithDeadline(
  db: Db,
  until?: number,
): Promise<Array<{ id: string; deadline: number }>> {
  let query = db.selectFrom('calls').select(['id', 'ring_deadline']).where('ring_deadline', 'is not', null);
  if (until !== undefined) query = query.where('ring_deadline', '<=', new Date(until).toISOString());
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, deadline: Date.parse(r.ring_deadline as string) }));
}

/** Live calls of every conversation `userId` is a member of (what their devices show on connecting). */
export async function liveCallsForMember(db: Db, userId: string): Promise<Call[]> {
  const rows = await db
    .selectFrom('calls')
    .innerJoin('members', 'members.conversation_id', 'calls.conversation_id')
    .selectAll('calls')
    .where('members.user_id', '=', userId)
    .where('calls.state', 'in', [...LIVE_STATES])
    .orderBy('calls.created_at')
    .execute();
  return rows.map((r) => fromRow(r).call);
}

/** Live calls of one conversation, oldest first. */
export async function liveCallsOfConversation(db: Db, conversationId: string): Promise<Call[]> {
  const rows = await db
    .selectFrom('calls')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('state', 'in', [...LIVE_STATES])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => fromRow(r).call);
}
