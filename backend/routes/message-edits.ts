import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/routes.js';
import { assertDirectNotBlocked } from '../chat/blocks.js';
import { memberIdsOf } from '../chat/conversations.js';
import { assertMember } from '../chat/membership.js';
import { deleteMessage, type EditOutcome, editMessage } from '../chat/message-edits.js';
import { badRequest } from '../lib/errors.js';
import { perUserPerMinute } from '../lib/user-rate-limit.js';

/**
 * Edit and delete of one's own messages. Each change reaches every device of every member as
 * `message_updated` (the whole message, as `GET …/messages` would now answer it); a repeat changes
 * nothing and announces nothing.
 */
const messageEditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Same budget as sending: an edit delivers new text to everyone just like a new message.
  const rateLimit = perUserPerMinute(app.config.MESSAGES_PER_MINUTE);

  async function announce(conversationId: string, outcome: EditOutcome) {
    if (outcome.changed)
      app.realtime.toUsers(await memberIdsOf(app.db, conversationId), 'message_updated', outcome.message);
    return outcome.message;
  }

  app.patch(
    '/conversations/:id/messages/:messageId',
    {
      config: { rateLimit },
      schema: { tags: ['messages'], ...routes['PATCH /conversations/:id/messages/:messageId'] },
    },
    async (request) => {
      const { id, messageId } = request.params;
      await assertMember(app.db, id, request.userId);
      // New text is new content: a blocked contact is spared it, as with sending.
      await assertDirectNotBlocked(app.db, id, request.userId);
      if (request.body.body.trim() === '') throw badRequest('empty_message', 'A message needs some text');
      return announce(id, await editMessage(app.db, id, messageId, request.userId, request.body.body));
    },
  );

  app.delete(
    '/conversations/:id/messages/:messageId',
    {
      config: { rateLimit },
      schema: { tags: ['messages'], ...routes['DELETE /conversations/:id/messages/:messageId'] },
    },
    async (request) => {
      const { id, messageId } = request.params;
      // No block check: taking one's own words back is always allowed.
      await assertMember(app.db, id, request.userId);
      return announce(id, await deleteMessage(app.db, id, messageId, request.userId));
    },
  );
};

export default messageEditRoutes;
