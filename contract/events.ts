import type { Static, TSchema } from 'typebox';
import {
  CallIdAck,
  CallIdPayload,
  CallInvitationPayload,
  CallResponsePayload,
  CallStatePayload,
  CallSummary,
  CallsSnapshot,
  IncomingCallSchema,
  InvitationResponseSchema,
  InvitationSentSchema,
} from './calls.js';
import { ConversationReadSchema, ConversationSchema, MessageSchema } from './chat.js';
import { ContactRequestSchema } from './contact-requests.js';
import type { ErrorCode } from './error-codes.js';
import type { ClientEventName, ServerEventName } from './event-names.js';
import { TypingAck, TypingEventSchema, TypingPayload } from './message-edits.js';
import { ConversationMuteSchema } from './mute.js';
import { PresenceSchema, PresenceSnapshotSchema } from './users.js';

/** The payload of every server → client event. */
export const serverEvents = {
  message_new: MessageSchema,
  message_updated: MessageSchema,
  typing: TypingEventSchema,
  conversation_mute: ConversationMuteSchema,
  contact_request: ContactRequestSchema,
  conversation_new: ConversationSchema,
  conversation_read: ConversationReadSchema,
  presence: PresenceSchema,
  presence_snapshot: PresenceSnapshotSchema,
  call_invitation: IncomingCallSchema,
  call_invitation_sent: InvitationSentSchema,
  call_invitation_response: InvitationResponseSchema,
  call_state: CallStatePayload,
  call_updated: CallSummary,
  calls_snapshot: CallsSnapshot,
} as const satisfies Record<ServerEventName, TSchema>;

/** The payload of every client → server event, and what its ack adds to `ok: true`. */
export const clientEvents = {
  call_invitation: { payload: CallInvitationPayload, ack: CallIdAck },
  call_invitation_response: { payload: CallResponsePayload, ack: CallIdAck },
  call_cancel: { payload: CallIdPayload, ack: CallIdAck },
  call_leave: { payload: CallIdPayload, ack: CallIdAck },
  typing: { payload: TypingPayload, ack: TypingAck },
} as const satisfies Record<ClientEventName, { payload: TSchema; ack: TSchema }>;

/** What every client → server event is acknowledged with. */
export type Ack<T = Record<string, unknown>> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ErrorCode; message: string } };

export type ServerPayload<E extends ServerEventName> = Static<(typeof serverEvents)[E]>;
export type ClientPayload<E extends ClientEventName> = Static<(typeof clientEvents)[E]['payload']>;
/** What a successful ack of `E` adds to `ok: true`. */
export type ClientAckData<E extends ClientEventName> = Static<(typeof clientEvents)[E]['ack']>;
export type ClientAck<E extends ClientEventName> = Ack<ClientAckData<E>>;

/** The socket.io typing of `Server` and of socket.io-client's `Socket`, derived from the schemas above. */
export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerPayload<E>) => void };
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (reply: ClientAck<E>) => void) => void;
};
/** Between backend nodes (the Redis adapter): no events of their own. */
export type InterServerEvents = Record<never, never>;
/** What the handshake stores on every server-side socket. */
export interface SocketData {
  userId: string;
  sessionId: string;
}
export type { ClientEventName, ServerEventName } from './event-names.js';
