import type { Db } from '../db/index.js';
import { forbidden, notFound } from '../lib/errors.js';
import { conversationExists, isMember } from './conversations.js';

/** 404 for an unknown conversation, 403 when the user is not in it: every conversation and room route asks first. */
export async function assertMember(db: Db, conversationId: string, userId: string): Promise<void> {
  if (await isMember(db, conversationId, userId)) return;
  if (!(await conversationExists(db, conversationId))) {
    throw notFound('conversation_not_found', 'No such conversation');
  }
  throw forbidden('not_a_member', 'You are not a member of this conversation');
}
