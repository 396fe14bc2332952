import { type Static, Type } from 'typebox';
import { Id } from './common.js';

/** Path parameter; loose on purpose so a malformed id answers 404/400 from the handler, not a schema error. */
export const RoomParams = Type.Object({ room_id: Type.String({ minLength: 1, maxLength: 200 }) });

export const CreateRoomBody = Type.Object(
  {
    conversation_id: Id,
    // Checked against ROOM_ID_PATTERN (ids.ts) in the handler so the client gets `invalid_room_id`.
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

// ---- Socket.IO: client → server payloads ----

export const CallInvitationPayload = Type.Object(
  { room_id: Type.String({ minLength: 1, maxLength: 200 }), target_user_id: Type.Optional(Id) },
  { additionalProperties: false },
);
export const CallResponsePayload = Type.Object(
  { call_id: Id, accepted: Type.Boolean() },
  { additionalProperties: false },
);
export const CallIdPayload = Type.Object({ call_id: Id }, { additionalProperties: false });

// ---- Socket.IO: server → client payloads (documented shapes; the service builds them) ----

// Spelled out (not mapped from an array) so Static<> keeps the literal types.
export const CallStateName = Type.Union([
  Type.Literal('ringing'),
  Type.Literal('active'),
  Type.Literal('ended'),
  Type.Literal('missed'),
  Type.Literal('declined'),
  Type.Literal('cancelled'),
  Type.Literal('busy'),
]);
export const ParticipantStatus = Type.Union([
  Type.Literal('ringing'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('missed'),
  Type.Literal('busy'),
  Type.Literal('left'),
]);
/** What every view of a call carries: which call, where, whose, in what state, and who is in it. */
const CallCore = {
  call_id: Type.String(),
  room_id: Type.String(),
  conversation_id: Type.String(),
  caller_id: Type.String(),
  state: CallStateName,
  participants: Type.Array(Type.Object({ user_id: Type.String(), status: ParticipantStatus })),
};
export const CallStatePayload = Type.Object({ ...CallCore, reason: Type.Optional(Type.String()) });
export type CallStatePayload = Static<typeof CallStatePayload>;

/**
 * A call as every member of its conversation sees it (`call_updated`, `calls_snapshot`): who is in it
 * and since when. Times are ISO 8601; `started_at` is null until the first participant besides the
 * caller is in.
 */
export const CallSummary = Type.Object({
  ...CallCore,
  ringing_until: Type.String(),
  started_at: Type.Union([Type.String(), Type.Null()]),
});
export type CallSummary = Static<typeof CallSummary>;

/** Server → one connecting socket: every ringing or active call in the user's conversations. */
export const CallsSnapshot = Type.Object({ calls: Type.Array(CallSummary) });
export type CallsSnapshot = Static<typeof CallsSnapshot>;
