import { assertDirectNotBlocked, assertNotBlocked } from '../chat/blocks.js';
import type { Db } from '../db/index.js';
import { findRoom } from '../rooms/store.js';

/**
 * Whom a caller may ring, beyond membership (which the call service checks): nobody across a block. In
 * a direct conversation that is the other member; in a group, a `target_user_id` who is blocked.
 * A group call without a target still rings everyone else: the group is shared by choice.
 */
export async function assertMayRing(
  db: Db,
  callerId: string,
  payload: { room_id: string; target_user_id?: string },
): Promise<void> {
  const room = await findRoom(db, payload.room_id);
  // No room: the call service answers room_not_found.
  if (!room) return;
  await assertDirectNotBlocked(db, room.conversation_id, callerId);
  if (payload.target_user_id) await assertNotBlocked(db, callerId, [payload.target_user_id]);
}
