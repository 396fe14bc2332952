import type { FastifyInstance } from 'fastify';
import type { Message } from '../../contract/chat.js';
import type { Db } from '../db/index.js';
import { memberIdsOf } from './conversations.js';
import { markRead } from './messages.js';

/**
 * A message a user just sent (text or file): it counts as read by its sender, and every socket of every
 * member, the sender's other devices too, hears `message_new`.
 */
export async function announceSentMessage(
  db: Db,
  realtime: Pick<FastifyInstance['realtime'], 'toUsers'>,
  message: Message,
): Promise<void> {
  await markRead(db, message.conversation_id, message.sender_id, message.id);
  realtime.toUsers(await memberIdsOf(db, message.conversation_id), 'message_new', message);
}
