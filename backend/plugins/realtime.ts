import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import { bearerToken } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

export interface Realtime {
  io: Server;
  /** Emits to every socket of every given user, on every node. */
  toUsers(userIds: readonly string[], event: string, payload: unknown): void;
  /** Adds per-socket setup (event handlers) run for each authenticated connection. */
  onConnection(setup: (socket: Socket, userId: string) => void | Promise<void>): void;
  /** Users among `userIds` with at least one connected socket (on any node). */
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}

export const userRoom = (userId: string) => `user_${userId}`;

/** Users who share a conversation with `userId`: the ones who see their presence. */
async function contactsOf(app: import('fastify').FastifyInstance, userId: string): Promise<string[]> {
  const rows = await app.db
    .selectFrom('members as mine')
    .innerJoin('members as other', 'other.conversation_id', 'mine.conversation_id')
    .select('other.user_id')
    .distinct()
    .where('mine.user_id', '=', userId)
    .where('other.user_id', '!=', userId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Socket.IO on Fastify's own HTTP server: handshake auth, a room per user, presence for contacts. */
export default fp(
  async (app) => {
    const io = new Server(app.server, { path: '/socket.io', serveClient: false });
    const setups: Array<(socket: Socket, userId: string) => void | Promise<void>> = [];

    const realtime: Realtime = {
      io,
      toUsers(userIds, event, payload) {
        if (userIds.length > 0) io.to(userIds.map(userRoom)).emit(event, payload);
      },
      onConnection(setup) {
        setups.push(setup);
      },
      async onlineAmong(userIds) {
        if (userIds.length === 0) return new Set();
        const sockets = await io.in(userIds.map(userRoom)).fetchSockets();
        return new Set(sockets.map((s) => s.data.userId as string));
      },
    };
    app.decorate('realtime', realtime);

    io.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token =
        typeof auth?.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
      const userId = token ? app.tokens.userIdOf(token) : null;
      if (!userId) return next(new Error('unauthorized'));
      socket.data.userId = userId;
      next();
    });

    // Set while the app shuts down: sockets are being dropped on purpose, nobody went offline.
    let closing = false;

    async function announceIfLast(userId: string): Promise<void> {
      if (closing) return;
      const left = await io.in(userRoom(userId)).fetchSockets();
      if (left.length === 0)
        realtime.toUsers(await contactsOf(app, userId), 'presence', { user_id: userId, online: false });
    }

    io.on('connection', async (socket) => {
      const userId = socket.data.userId as string;
      // Handlers first, so no event sent right after connecting is missed.
      for (const setup of setups) {
        try {
          await setup(socket, userId);
        } catch (err) {
          app.log.error({ err }, 'socket setup failed');
        }
      }
      await socket.join(userRoom(userId));
      socket.on('disconnect', () => {
        announceIfLast(userId).catch((err) => app.log.error({ err }, 'presence failed'));
      });
      try {
        const contacts = await contactsOf(app, userId);
        const online = await realtime.onlineAmong(contacts);
        socket.emit('presence_snapshot', { online: [...online] });
        const mine = await io.in(userRoom(userId)).fetchSockets();
        if (mine.length === 1) realtime.toUsers(contacts, 'presence', { user_id: userId, online: true });
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
