import type { Room } from '../../contract/rooms.js';
import type { Db } from '../db/index.js';
import { newRoomId, nowIso } from '../lib/ids.js';

export async function findRoom(db: Db, roomId: string): Promise<Room | undefined> {
  return db.selectFrom('rooms').selectAll().where('room_id', '=', roomId).executeTakeFirst();
}

/**
 * What `POST /rooms/{id}/join` needs in one read: the room, whether `userId` is a member of its
 * conversation, and the user's display name (undefined when the account is gone).
 */
export async function roomForJoin(
  db: Db,
  roomId: string,
  userId: string,
): Promise<{ room: Room; member: boolean; displayName: string | undefined } | undefined> {
  const row = await db
    .selectFrom('rooms')
    .leftJoin('members', (join) =>
      join.onRef('members.conversation_id', '=', 'rooms.conversation_id').on('members.user_id', '=', userId),
    )
    .leftJoin('users', (join) => join.on('users.id', '=', userId))
    .select([
      'rooms.room_id',
      'rooms.conversation_id',
      'rooms.created_by',
      'rooms.created_at',
      'members.user_id as member_id',
      'users.display_name',
    ])
    .where('rooms.room_id', '=', roomId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { member_id, display_name, ...room } = row;
  return { room, member: member_id !== null, displayName: display_name ?? undefined };
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
