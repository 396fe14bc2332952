import { type Static, Type } from 'typebox';
import { SendMessageBody } from './chat.js';
import { Id } from './common.js';

/** `/conversations/:id/messages/:messageId`: one message of one conversation. */
export const MessageParams = Type.Object({ id: Id, messageId: Id });

/** `PATCH` a message: its new text, with the same limits as sending. */
export const EditMessageBody = Type.Object(
  { body: SendMessageBody.properties.body },
  { additionalProperties: false },
);

/** Client → server `typing`: the sender is typing in `conversation_id` (sent at most every few seconds). */
export const TypingPayload = Type.Object(
  { conversation_id: Id },
  { additionalProperties: false, description: 'The sender is typing in this conversation' },
);

/** Server → the other members' sockets: `user_id` is typing in `conversation_id`. No stop event: it fades. */
export const TypingEventSchema = Type.Object({ conversation_id: Type.String(), user_id: Type.String() });
export type TypingEvent = Static<typeof TypingEventSchema>;

/** `typing` is acknowledged with `ok` alone. */
export const TypingAck = Type.Object({});
