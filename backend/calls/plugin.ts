import fp from 'fastify-plugin';
import { onEvent } from '../lib/socket-events.js';
import { createEventLimiter } from '../lib/user-rate-limit.js';
import { sendConnectState } from './connect-state.js';
import { assertMayRing } from './ring-policy.js';
import { type CallService, createCallService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    calls: CallService;
  }
}

/** The call service behind the Socket.IO call events of docs/CONTRACT.md. */
export default fp(
  async (app) => {
    const ringTimeoutMs = app.config.RING_TIMEOUT_SECONDS * 1000;
    const service = createCallService({
      db: app.db,
      realtime: app.realtime,
      log: app.log,
      jitsiConfigured: app.jitsi.configured,
      ringTimeoutMs,
      leaveGraceMs: app.config.CALL_LEAVE_GRACE_SECONDS * 1000,
      // Often enough that a deadline owned by a dead node is late by a fraction of the ring time at most.
      sweepIntervalMs:
        app.config.CALL_SWEEP_SECONDS !== undefined
          ? app.config.CALL_SWEEP_SECONDS * 1000
          : Math.min(30_000, Math.max(1000, ringTimeoutMs / 2)),
    });
    app.decorate('calls', service);
    // Each invitation rings the callee (on the desktop an always-on-top popup): a per-caller budget.
    const invitations = createEventLimiter(app.config.CALL_INVITATIONS_PER_MINUTE);

    app.realtime.onConnection(async (socket, userId) => {
      service.socketBack(userId);
      const log = app.log;
      onEvent(
        socket,
        'call_invitation',
        async (p) => {
          invitations.take(userId, 'call invitations');
          await assertMayRing(app.db, userId, p);
          return service.invite(userId, p);
        },
        log,
      );
      onEvent(
        socket,
        'call_invitation_response',
        async (p) => {
          await service.answer(userId, p.call_id, p.accepted);
          return { call_id: p.call_id };
        },
        log,
      );
      onEvent(
        socket,
        'call_cancel',
        async (p) => {
          await service.cancel(userId, p.call_id);
          return { call_id: p.call_id };
        },
        log,
      );
      onEvent(
        socket,
        'call_leave',
        async (p) => {
          await service.leave(userId, p.call_id);
          return { call_id: p.call_id };
        },
        log,
      );
      socket.on('disconnect', () => service.socketGone(userId));
      // The socket joined the user's room at admission (plugins/realtime.ts), before this runs: an
      // invitation sent while the connect state is read is not lost.
      await sendConnectState(app.db, socket, userId);
    });

    app.addHook('onReady', async () => service.start());
    app.addHook('preClose', async () => service.stop());
  },
  { name: 'calls', dependencies: ['db', 'auth', 'realtime', 'jitsi'] },
);
