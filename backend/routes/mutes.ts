import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ConversationMute } from '../../contract/mute.js';
import { routes } from '../../contract/routes.js';
import { assertMember } from '../chat/membership.js';
import { mute, unmute } from '../chat/mutes.js';

/**
 * Muting a conversation: stored per member on the server so it holds on every device, and sent at
 * once (`conversation_mute`) to the user's other devices. Only a member may mute; nobody else learns of it.
 */
const muteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  function tellMyDevices(userId: string, state: ConversationMute): ConversationMute {
    app.realtime.toUsers([userId], 'conversation_mute', state);
    return state;
  }

  app.put(
    '/conversations/:id/mute',
    {
      schema: { tags: ['conversations'], ...routes['PUT /conversations/:id/mute'] },
      // No body at all means the defaults: until turned off, calls still ring.
      preValidation: async (request) => {
        request.body ??= { ring_calls: true };
      },
    },
    async (request) => {
      const conversationId = request.params.id;
      await assertMember(app.db, conversationId, request.userId);
      const { minutes, ring_calls } = request.body;
      const state = await mute(app.db, conversationId, request.userId, minutes, ring_calls);
      return tellMyDevices(request.userId, { conversation_id: conversationId, mute: state });
    },
  );

  app.delete(
    '/conversations/:id/mute',
    {
      schema: { tags: ['conversations'], ...routes['DELETE /conversations/:id/mute'] },
    },
    async (request) => {
      const conversationId = request.params.id;
      await assertMember(app.db, conversationId, request.userId);
      await unmute(app.db, conversationId, request.userId);
      return tellMyDevices(request.userId, { conversation_id: conversationId, mute: null });
    },
  );
};

export default muteRoutes;
