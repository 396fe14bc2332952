import type { Db } from '../db/index.js';
import { newRoomId, nowIso } from '../lib/ids.js';
import type { Room } from '../schemas/calls.js';

export async function findRoom(db: Db, roomId: string): Promise<Room | undefined> {
  return db.selectFrom('rooms').selectAll().where('room_id', '=', roomId).executeTakeFirst();
}

/**
 * Binds a new room to a conversation. With `roomId` the caller proposes the id (validated by the route);
 * returns null when it is taken. The primary key decides races between two creators.
 */
export async function createRoom(
  db: Db,
  conversationId: string,
  createdBy: string,
  roomId?: string,
): Promise<Room | null> {
  const room: Room = {
    room_id: roomId ?? newRoomId(),
    conversation_id: conversationId,
    created_by: createdBy,
    created_at: nowIso(),
  };
  const result = await db
    .insertInto('rooms')
    .values(room)
    .onConflict((oc) => oc.column('room_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? room : null;
}

/**
 * Who gets moderator rights in a room's conference: the caller of the call that is ringing or active
 * in it, else the room's creator (who starts calls from it).
 */
export async function moderatorOf(db: Db, room: Room): Promise<string> {
  const live = await db
    .selectFrom('calls')
    .select('caller_id')
    .where('room_id', '=', room.room_id)
    .where('state', 'in', ['ringing', 'active'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return live?.caller_id ?? room.created_by;
}
