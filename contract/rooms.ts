import { type Static, Type } from 'typebox';
import { Id } from './common.js';

/** Path parameter; loose on purpose so a malformed id answers 404/400 from the handler, not a schema error. */
export const RoomParams = Type.Object({ room_id: Type.String({ minLength: 1, maxLength: 200 }) });

export const CreateRoomBody = Type.Object(
  {
    conversation_id: Id,
    // Checked against ROOM_ID_PATTERN (contract/ids.ts) in the handler so the client gets `invalid_room_id`.
    room_id: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateRoomBody = Static<typeof CreateRoomBody>;

export const RoomSchema = Type.Object({
  room_id: Type.String(),
  conversation_id: Type.String(),
  created_by: Type.String(),
  created_at: Type.String(),
});
export type Room = Static<typeof RoomSchema>;

export const JoinReply = Type.Object({
  room_id: Type.String(),
  jitsi_token: Type.String(),
  jitsi_server_url: Type.String(),
  room_url: Type.String(),
});
export type JoinReply = Static<typeof JoinReply>;

/** Body of `POST /room/{room_id}/leave` once parsed (a sendBeacon may deliver it as text/plain). */
export const LeaveRoomBody = Type.Object({ jwt: Type.String({ minLength: 1, maxLength: 8192 }) });
export type LeaveRoomBody = Static<typeof LeaveRoomBody>;
