import type { Message } from '../../contract/chat.js';
import type { Db } from '../db/index.js';
import type { Realtime } from '../plugins/realtime.js';
import { declinersOf } from './contact-requests.js';
import { memberIdsOf } from './conversations.js';
import { insertMessage, markRead, type NewMessage } from './messages.js';

/**
 * The one way a stored message reaches the conversation: `message_new` to every device of every
 * member. A text message comes through postMessage below; a call's message is stored in the same
 * transaction as the call's state (calls/commit.ts) and announced from there.
 */
export async function announceMessage(db: Db, realtime: Realtime, message: Message): Promise<void> {
  const members = await memberIdsOf(db, message.conversation_id);
  // Whoever declined the sender's contact request never hears from them; the sender is not told.
  const declined = new Set(await declinersOf(db, message.sender_id, members));
  realtime.toUsers(
    members.filter((id) => !declined.has(id)),
    'message_new',
    message,
  );
}

/**
 * Stores a member's message and announces it. A retry with the same client_id answers the stored
 * message and announces nothing again.
 */
export async function postMessage(db: Db, realtime: Realtime, input: NewMessage): Promise<Message> {
  const { message, created } = await insertMessage(db, input);
  if (created) await announceSentMessage(db, realtime, message);
  return message;
}

/** A message a member just sent (text or file): read by its sender, then announced to everyone. */
export async function announceSentMessage(db: Db, realtime: Realtime, message: Message): Promise<void> {
  await markRead(db, message.conversation_id, message.sender_id, message.id);
  await announceMessage(db, realtime, message);
}
