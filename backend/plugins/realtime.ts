import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { ServerEventName } from '../../contract/event-names.js';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerPayload,
  ServerToClientEvents,
  SocketData,
} from '../../contract/events.js';
import { dropAtExpiry, sessionRoom } from '../auth/socket-sessions.js';
import { unacceptedAmong } from '../chat/contact-requests.js';
import type { AppSocket } from '../lib/socket-events.js';
import { bearerToken } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

/** The Socket.IO server typed by the event maps of contract/events.ts. */
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: AppServer;
  /** Emits to every socket of every given user, on every node. */
  toUsers<E extends ServerEventName>(userIds: readonly string[], event: E, payload: ServerPayload<E>): void;
  /** Adds per-socket setup (event handlers) run for each authenticated connection. */
  onConnection(setup: (socket: AppSocket, userId: string) => void | Promise<void>): void;
  /** Users among `userIds` with at least one connected socket (on any node). */
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
  /** Tells the members of a new conversation which of them are online: they just became contacts. */
  introduce(userIds: readonly string[]): Promise<void>;
  /**
   * Disconnects, on every node, the sockets of a revoked session (`sessionId`) or of all the user's
   * sessions except `keepSessionId`: a revoked token must stop receiving events at once.
   */
  disconnectSessions(userId: string, which: { sessionId: string } | { keepSessionId?: string }): void;
}

const userRoom = (userId: string) => `user_${userId}`;

/** Users who share a conversation with `userId` and no block: the ones who see their presence. */
async function contactsOf(app: import('fastify').FastifyInstance, userId: string): Promise<string[]> {
  const rows = await app.db
    .selectFrom('members as mine')
    .innerJoin('members as other', 'other.conversation_id', 'mine.conversation_id')
    .select('other.user_id')
    .distinct()
    .where('mine.user_id', '=', userId)
    .where('other.user_id', '!=', userId)
    // A block hides presence both ways.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('blocks')
            .select('blocks.blocker_id')
            .where((b) =>
              b.or([
                b.and([
                  b('blocks.blocker_id', '=', userId),
                  b('blocks.blocked_id', '=', b.ref('other.user_id')),
                ]),
                b.and([
                  b('blocks.blocked_id', '=', userId),
                  b('blocks.blocker_id', '=', b.ref('other.user_id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  const ids = rows.map((r) => r.user_id);
  // A contact request not yet accepted (or declined) hides presence both ways too.
  const unaccepted = new Set(await unacceptedAmong(app.db, userId, ids));
  return ids.filter((id) => !unaccepted.has(id));
}

/** Socket.IO on Fastify's own HTTP server: handshake auth, a room per user, presence for contacts. */
export default fp(
  async (app) => {
    const io: AppServer = new Server(app.server, { path: '/socket.io', serveClient: false });
    const setups: Array<(socket: AppSocket, userId: string) => void | Promise<void>> = [];

    const realtime: Realtime = {
      io,
      toUsers(userIds, event, payload) {
        // `toUsers` is typed by event; socket.io's conditional parameter type cannot follow a generic `E`.
        if (userIds.length > 0) io.to(userIds.map(userRoom)).emit(event, ...([payload] as never));
      },
      onConnection(setup) {
        setups.push(setup);
      },
      async onlineAmong(userIds) {
        if (userIds.length === 0) return new Set();
        const sockets = await io.in(userIds.map(userRoom)).fetchSockets();
        return new Set(sockets.map((s) => s.data.userId));
      },
      async introduce(userIds) {
        // Best effort: the conversation exists either way, and the next connection sends a snapshot.
        try {
          const online = await realtime.onlineAmong(userIds);
          for (const userId of online) {
            const unaccepted = new Set(await unacceptedAmong(app.db, userId, userIds));
            const others = userIds.filter((id) => id !== userId && !unaccepted.has(id));
            realtime.toUsers(others, 'presence', { user_id: userId, online: true });
          }
        } catch (err) {
          app.log.warn({ err }, 'presence for new contacts failed');
        }
      },
      disconnectSessions(userId, which) {
        if ('sessionId' in which) io.in(sessionRoom(which.sessionId)).disconnectSockets(true);
        else if (which.keepSessionId)
          io.in(userRoom(userId)).except(sessionRoom(which.keepSessionId)).disconnectSockets(true);
        else io.in(userRoom(userId)).disconnectSockets(true);
      },
    };
    app.decorate('realtime', realtime);

    io.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token =
        typeof auth?.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
      if (!token) return next(new Error('unauthorized'));
      admit(socket, token).then(
        () => next(),
        (err: unknown) => {
          const refused = err instanceof Error && /^(unauthorized|token_expired)$/.test(err.message);
          if (!refused) app.log.error({ err }, 'socket handshake failed');
          // token_expired tells the client to refresh and reconnect rather than sign out.
          next(new Error(refused ? err.message : 'unauthorized'));
        },
      );
    });

    async function admit(socket: AppSocket, token: string): Promise<void> {
      const claims = await app.checkAccessToken(token);
      if (!claims) throw new Error(app.tokens.isExpired(token) ? 'token_expired' : 'unauthorized');
      const { userId, sessionId } = claims;
      socket.data.userId = userId;
      socket.data.sessionId = sessionId;
      // The session's room lets sign-out find this socket on whichever node holds it.
      await socket.join(sessionRoom(sessionId));
      dropAtExpiry(socket, claims.expiresAt);
      // Joined before the client hears it is connected: anything sent to the user from then on reaches
      // this socket, even while the per-connection setup below is still running.
      await socket.join(userRoom(userId));
    }

    // Set while the app shuts down: sockets are being dropped on purpose, nobody went offline.
    let closing = false;

    async function announceIfLast(userId: string): Promise<void> {
      if (closing) return;
      const left = await io.in(userRoom(userId)).fetchSockets();
      if (left.length === 0)
        realtime.toUsers(await contactsOf(app, userId), 'presence', { user_id: userId, online: false });
    }

    io.on('connection', async (socket) => {
      const userId = socket.data.userId;
      socket.on('disconnect', () => {
        announceIfLast(userId).catch((err) => app.log.error({ err }, 'presence failed'));
      });
      // Handlers first, so no event sent right after connecting is missed. Every setup starts at once:
      // each attaches its handlers before its first await, so one setup's queries (the calls snapshot)
      // never leave a later one's events without a handler.
      const setupsDone = await Promise.allSettled(setups.map(async (setup) => setup(socket, userId)));
      for (const result of setupsDone) {
        if (result.status === 'rejected') app.log.error({ err: result.reason }, 'socket setup failed');
      }
      try {
        const contacts = await contactsOf(app, userId);
        const online = await realtime.onlineAmong(contacts);
        // Gone already: its disconnect has had its say, an `online` now would be stale.
        if (!socket.connected) return;
        socket.emit('presence_snapshot', { online: [...online] });
        // Announced on every connection, not only the first: two devices connecting at once could each
        // see the other and stay silent. A repeated `online: true` changes nothing for a client.
        realtime.toUsers(contacts, 'presence', { user_id: userId, online: true });
      } catch (err) {
        app.log.error({ err }, 'presence failed');
      }
    });

    app.addHook('preClose', async () => {
      closing = true;
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'realtime', dependencies: ['config', 'db', 'auth'] },
);
