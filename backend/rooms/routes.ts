import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROOM_ID_PATTERN } from '../../contract/ids.js';
import { routes } from '../../contract/routes.js';
import { assertMember } from '../chat/membership.js';
import { buildRoomUrl, publicBase } from '../jitsi/room-url.js';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../lib/errors.js';
import { isReservedRoomId } from '../lib/reserved-ids.js';
import { perUserPerMinute } from '../lib/user-rate-limit.js';
import { createRoom, moderatorOf, roomForJoin } from './store.js';

/** Rooms: a Jitsi room bound to one conversation; only its members get a token for it. */
const roomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/rooms/create',
    {
      config: { rateLimit: perUserPerMinute(app.config.ROOMS_PER_MINUTE) },
      schema: { tags: ['rooms'], ...routes['POST /rooms/create'] },
    },
    async (request, reply) => {
      const { conversation_id, room_id } = request.body;
      if (room_id !== undefined && !ROOM_ID_PATTERN.test(room_id)) {
        throw badRequest('invalid_room_id', 'room_id: use 8 to 64 lowercase letters, digits or "-"');
      }
      if (room_id !== undefined && isReservedRoomId(room_id)) {
        throw badRequest('reserved_room_id', 'room_id: 32 hex digits is the form of ids the server makes');
      }
      await assertMember(app.db, conversation_id, request.userId);
      const room = await createRoom(app.db, conversation_id, request.userId, room_id);
      if (!room) throw conflict('room_taken', 'This room_id is already taken');
      return reply.status(201).send(room);
    },
  );

  app.post(
    '/rooms/:room_id/join',
    {
      config: { rateLimit: perUserPerMinute(app.config.ROOMS_PER_MINUTE) },
      schema: { tags: ['rooms'], ...routes['POST /rooms/:room_id/join'] },
    },
    async (request, reply) => {
      // Room, membership and name in one read: this route is on every call's path.
      const found = await roomForJoin(app.db, request.params.room_id, request.userId);
      if (!found) throw notFound('room_not_found', 'No such room');
      const { room } = found;
      // The hole this closes: a token only for members of the room's conversation.
      if (!found.member) throw forbidden('not_a_member', 'You are not a member of this conversation');
      if (found.displayName === undefined) throw unauthorized('This account no longer exists');
      const user = { id: request.userId, display_name: found.displayName };
      const serverUrl = app.jitsi.serverUrl();
      const moderator = (await moderatorOf(app.db, room)) === user.id;
      const token = app.jitsi.sign(room.room_id, { id: user.id, name: user.display_name, moderator });
      // Entering an active call's room makes the user one of its participants (e.g. "join the ongoing call").
      await app.calls.joinRoom(user.id, room.room_id);
      const base = publicBase(app.config.PUBLIC_BASE_URL, request);
      // A per-user secret: no shared cache may keep it (and a Host-dependent answer can't be served to others).
      reply.header('cache-control', 'no-store');
      return {
        room_id: room.room_id,
        jitsi_token: token,
        jitsi_server_url: serverUrl,
        room_url: buildRoomUrl(base, room.room_id, token, serverUrl),
      };
    },
  );
};

export default roomRoutes;
