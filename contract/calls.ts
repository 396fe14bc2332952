import { type Static, Type } from 'typebox';
import { CALL_STATES, PARTICIPANT_STATUSES } from './call-states.js';
import { Id } from './common.js';

// ---- Socket.IO: client → server payloads and their acks ----

export const CallInvitationPayload = Type.Object(
  { room_id: Type.String({ minLength: 1, maxLength: 200 }), target_user_id: Type.Optional(Id) },
  { additionalProperties: false },
);
export const CallResponsePayload = Type.Object(
  { call_id: Id, accepted: Type.Boolean() },
  { additionalProperties: false },
);
export const CallIdPayload = Type.Object({ call_id: Id }, { additionalProperties: false });
/** What a successful call event is acknowledged with, besides `ok: true`. */
export const CallIdAck = Type.Object({ call_id: Type.String() });

// ---- Socket.IO: server → client payloads (the service builds them) ----

export const CallStateName = Type.Enum(CALL_STATES);
export const ParticipantStatus = Type.Enum(PARTICIPANT_STATUSES);
export type CallStateName = Static<typeof CallStateName>;
export type ParticipantStatus = Static<typeof ParticipantStatus>;

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

/** Server → each invitee's sockets: a call rings for them until `ringing_until` (ISO 8601). */
export const IncomingCallSchema = Type.Object({
  call_id: Type.String(),
  room_id: Type.String(),
  conversation_id: Type.String(),
  from: Type.Object({ id: Type.String(), display_name: Type.String() }),
  ringing_until: Type.String(),
});
export type IncomingCall = Static<typeof IncomingCallSchema>;

/** Server → the caller's sockets: whom the call now rings. */
export const InvitationSentSchema = Type.Object({
  call_id: Type.String(),
  room_id: Type.String(),
  invitees: Type.Array(Type.String()),
  ringing_until: Type.String(),
});

/** Server → everyone else in the call: one participant accepted or declined. */
export const InvitationResponseSchema = Type.Object({
  call_id: Type.String(),
  user_id: Type.String(),
  accepted: Type.Boolean(),
});
