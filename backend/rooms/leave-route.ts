import type { FastifyPluginAsync } from 'fastify';
import { Compile } from 'typebox/compile';
import { LeaveRoomBody } from '../../contract/rooms.js';
import { type ParamsOf, pageRoutes } from '../../contract/routes.js';
import { notFound, unauthorized } from '../lib/errors.js';
import { findRoom } from './store.js';

const checkBody = Compile(LeaveRoomBody);

/** The body as JSON, whether it came as application/json or as a sendBeacon's text/plain string. */
function parseBody(body: unknown): LeaveRoomBody | null {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return checkBody.Check(value) ? (value as LeaveRoomBody) : null;
}

/**
 * `POST /room/{room_id}/leave` with `{jwt}`: the room page reports that its conference ended. The Jitsi
 * token it holds proves who is leaving which room, so no access token is needed (the page has none).
 */
const roomLeaveRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: ParamsOf<'POST /room/:room_id/leave'> }>(
    '/room/:room_id/leave',
    {
      // The body is checked by parseBody: a sendBeacon sends it as text/plain, which Fastify leaves a string.
      schema: { hide: true, params: pageRoutes['POST /room/:room_id/leave'].params },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = parseBody(request.body);
      const claims = body ? app.jitsi.verify(body.jwt) : null;
      // The token must be for this very room: one room's token cannot end a call elsewhere.
      if (!claims || claims.room !== request.params.room_id) {
        throw unauthorized('This Jitsi token is not valid for this room');
      }
      if (!(await findRoom(app.db, request.params.room_id))) throw notFound('room_not_found', 'No such room');
      await app.calls.leaveRoom(claims.context.user.id, request.params.room_id);
      return reply.status(204).send();
    },
  );
};

export default roomLeaveRoutes;
