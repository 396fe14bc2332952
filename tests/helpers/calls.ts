import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { CallSummary } from '../../contract/calls.js';
import { startBackend, type TestBackend, type TestSocket, type TestUser } from './backend.js';

/** Jitsi settings for call tests: a stand-in address is fine, nothing connects to it. */
export const TEST_JITSI_ENV = {
  // Call tests register many users quickly.
  AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  JITSI_SERVER_URL: 'http://127.0.0.1:9',
  JITSI_APP_ID: 'peace-test-app',
  JITSI_APP_SECRET: 'call-test-secret-0123456789abcdef',
};

let counter = 0;

export interface CallSetup {
  users: TestUser[];
  sockets: TestSocket[];
  conversationId: string;
  roomId: string;
}

/**
 * Fresh users (unique names), a direct conversation for two or a group for more, a room created by the
 * first user, and one connected socket per user.
 */
export async function setUpCall(b: TestBackend, count: number): Promise<CallSetup> {
  const run = ++counter;
  const users: TestUser[] = [];
  // Random part: a shared PostgreSQL test database keeps users from earlier runs.
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < count; i++) users.push(await b.register(`u${run}x${i}${tag}`, `User ${run}-${i}`));
  const [first, ...rest] = users as [TestUser, ...TestUser[]];
  const body =
    count === 2
      ? { type: 'direct', user_id: rest[0]!.id }
      : { type: 'group', title: `group ${run}`, member_ids: rest.map((u) => u.id) };
  const conv = await b.api(first.token, 'POST', '/api/v1/conversations', body);
  if (conv.status >= 300) throw new Error(`conversation: ${conv.status}`);
  const room = await b.api(first.token, 'POST', '/api/v1/rooms/create', { conversation_id: conv.body.id });
  if (room.status !== 201) throw new Error(`room: ${room.status}`);
  const sockets = await Promise.all(users.map((u) => b.connect(u.token)));
  return { users, sockets, conversationId: conv.body.id, roomId: room.body.room_id };
}

/** `userId`'s status in a call as `call_state`, `call_updated` or `calls_snapshot` show it. */
export const statusOf = (call: Pick<CallSummary, 'participants'> | undefined, userId: string) =>
  call?.participants.find((p) => p.user_id === userId)?.status;

/** The backend of a call test file; `backend` is usable inside tests (after `beforeAll`). */
export interface CallBackend {
  readonly backend: TestBackend;
}

/**
 * Registers hooks in the enclosing `describe` that start the backend with {@link TEST_JITSI_ENV} and
 * timers long enough that nothing rings out or ends on its own during a test (`extraEnv` overrides).
 */
export function useCallBackend(extraEnv: Record<string, string> = {}): CallBackend {
  let backend: TestBackend | undefined;
  beforeAll(async () => {
    backend = await startBackend({
      ...TEST_JITSI_ENV,
      RING_TIMEOUT_SECONDS: '120',
      CALL_LEAVE_GRACE_SECONDS: '60',
      ...extraEnv,
    });
  });
  afterAll(async () => backend?.close());
  return {
    get backend() {
      if (!backend) throw new Error('useCallBackend: the backend is only available inside tests');
      return backend;
    },
  };
}
