import fp from 'fastify-plugin';
import { onEvent } from '../lib/socket-events.js';
import { createEventLimiter } from '../lib/user-rate-limit.js';
import { assertDirectNotBlocked } from './blocks.js';
import { memberIdsOf } from './conversations.js';
import { assertMember } from './membership.js';

/**
 * Clients send one `typing` at most every 3 s per conversation; this leaves room for a few
 * conversations at once and refuses a flood.
 */
const TYPING_EVENTS_PER_MINUTE = 60;

/**
 * The typing indicator: `typing` from a member is relayed to the other members' sockets, never stored.
 * There is no "stopped" event: receivers let it fade after a few seconds or when the message arrives.
 */
export default fp(
  async (app) => {
    const limiter = createEventLimiter(TYPING_EVENTS_PER_MINUTE);
    app.realtime.onConnection((socket, userId) => {
      onEvent(
        socket,
        'typing',
        async ({ conversation_id }) => {
          limiter.take(userId, 'typing events');
          await assertMember(app.db, conversation_id, userId);
          await assertDirectNotBlocked(app.db, conversation_id, userId);
          const others = (await memberIdsOf(app.db, conversation_id)).filter((id) => id !== userId);
          app.realtime.toUsers(others, 'typing', { conversation_id, user_id: userId });
          return {};
        },
        app.log,
      );
    });
  },
  { name: 'typing-relay', dependencies: ['realtime', 'db'] },
);
