import { type Static, Type } from 'typebox';
import { AttachmentSchema } from './attachments.js';
import { CALL_OUTCOMES } from './call-states.js';
import { Id } from './common.js';
import { MuteSchema } from './mute.js';
import { UserSchema, VisibleName } from './users.js';

export const CallOutcome = Type.Enum(CALL_OUTCOMES);
export type CallOutcome = Static<typeof CallOutcome>;
export const CallRecordSchema = Type.Object({
  call_id: Type.String(),
  outcome: CallOutcome,
  duration_seconds: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type CallRecord = Static<typeof CallRecordSchema>;

export const MessageSchema = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  sender_id: Type.String(),
  kind: Type.Union([Type.Literal('text'), Type.Literal('call')]),
  body: Type.String(),
  call: Type.Optional(CallRecordSchema),
  /** A file or image (kind stays `text`, `body` is its name: older clients show that). */
  attachment: Type.Optional(AttachmentSchema),
  client_id: Type.Optional(Type.String()),
  created_at: Type.String(),
  /** Set once the sender changed the text (contract/message-edits.ts). */
  edited_at: Type.Optional(Type.String()),
  /** Set once the sender deleted it: `body` is then "" and the text is gone from the server. */
  deleted_at: Type.Optional(Type.String()),
});
export type Message = Static<typeof MessageSchema>;

export const ConversationSchema = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('direct'), Type.Literal('group')]),
  title: Type.Union([Type.String(), Type.Null()]),
  members: Type.Array(UserSchema),
});
export type Conversation = Static<typeof ConversationSchema>;

export const ConversationSummarySchema = Type.Object({
  ...ConversationSchema.properties,
  last_message: Type.Union([MessageSchema, Type.Null()]),
  unread_count: Type.Integer({ minimum: 0 }),
  /** This user's mute of the conversation; null when not muted (an expired mute reads as null). */
  mute: Type.Union([MuteSchema, Type.Null()]),
});
export type ConversationSummary = Static<typeof ConversationSummarySchema>;

export const DirectConversationBody = Type.Object(
  { type: Type.Literal('direct'), user_id: Id },
  {
    additionalProperties: false,
    description: 'The one direct conversation with `user_id` (created on first use)',
  },
);
export const GroupConversationBody = Type.Object(
  {
    type: Type.Literal('group'),
    title: VisibleName(100),
    member_ids: Type.Array(Id, { minItems: 1, maxItems: 256, uniqueItems: true }),
  },
  { additionalProperties: false, description: 'A new group of the caller and `member_ids`' },
);
/**
 * `type` picks the shape (an OpenAPI discriminator), so a bad body gets an error about its own kind
 * instead of one about every alternative.
 */
export const CreateConversationBody = Type.Unsafe<
  Static<typeof DirectConversationBody> | Static<typeof GroupConversationBody>
>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [DirectConversationBody, GroupConversationBody],
});
export type CreateConversationBody = Static<typeof CreateConversationBody>;

export const ConversationParams = Type.Object({ id: Id });
export const MessagesQuery = Type.Object({
  before: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const SendMessageBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 10000 }),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const ReadBody = Type.Object({ message_id: Type.Optional(Id) }, { additionalProperties: false });

/** Server → client: the user's read marker moved (sent to all of that user's devices). */
export const ConversationReadSchema = Type.Object({
  conversation_id: Type.String(),
  last_read_message_id: Type.Union([Type.String(), Type.Null()]),
  unread_count: Type.Integer({ minimum: 0 }),
});
export type ConversationRead = Static<typeof ConversationReadSchema>;
