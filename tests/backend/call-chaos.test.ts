import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestSocket } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { postgresUrl, usePostgresSchema } from '../helpers/postgres.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';

/** Calls that ring out together; the server is killed as soon as the first of them is settled. */
const CALLS = 16;

/**
 * A burst of ring timeouts with the server killed (SIGKILL) right after the first outcome, then restarted on
 * the same database: every call ends settled, each with exactly one `call` message. Before the state and the
 * message were written in one transaction, some calls were left `missed` with no message, for good.
 */
describe('calls settled exactly once across a crash', () => {
  const running = new Set<ServerProcess>();
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    for (const server of running) server.kill();
    await Promise.all([...running].map((s) => s.exited));
    running.clear();
  });

  async function start(env: Record<string, string>): Promise<ServerProcess> {
    const server = await startServerProcess({
      ...TEST_JITSI_ENV,
      SESSION_SECRET: 'chaos-test-session-secret-0123456789ab',
      RING_TIMEOUT_SECONDS: '1.5',
      // Nobody leaves for want of a socket, and only the start-up sweep settles what the crash left.
      CALL_LEAVE_GRACE_SECONDS: '600',
      CALL_SWEEP_SECONDS: '600',
      ...env,
    });
    running.add(server);
    return server;
  }

  function connect(url: string, token: string): Promise<TestSocket> {
    const socket: TestSocket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  async function api(url: string, token: string | null, path: string, body: unknown): Promise<any> {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async function register(url: string, name: string): Promise<{ token: string; id: string }> {
    const reply = await api(url, null, '/api/v1/auth/register', {
      username: name,
      password: `pw-${name}-secret`,
      display_name: name,
    });
    return { token: reply.access_token, id: reply.user.id };
  }

  /** Rings CALLS calls at once to one callee, kills the server at the first outcome, restarts it. */
  async function crashAndRestart(env: Record<string, string>): Promise<void> {
    const first = await start(env);
    const tag = randomBytes(3).toString('hex');
    const callee = await register(first.url, `callee${tag}`);
    const calleeSocket = await connect(first.url, callee.token);
    const callers = [];
    for (let i = 0; i < CALLS; i++) {
      const caller = await register(first.url, `caller${i}x${tag}`);
      const conversation = await api(first.url, caller.token, '/api/v1/conversations', {
        type: 'direct',
        user_id: callee.id,
      });
      const room = await api(first.url, caller.token, '/api/v1/rooms/create', {
        conversation_id: conversation.id,
      });
      callers.push({ socket: await connect(first.url, caller.token), roomId: room.room_id as string });
    }
    // Killed from inside the event handler: no await between the first outcome and the kill.
    calleeSocket.on('call_state', (s) => {
      if (s.state === 'missed') first.kill();
    });
    await Promise.all(
      callers.map(({ socket, roomId }) =>
        socket.timeout(5000).emitWithAck('call_invitation', { room_id: roomId, target_user_id: callee.id }),
      ),
    );
    await first.exited;
    running.delete(first);
    for (const s of sockets.splice(0)) s.disconnect();
    // It listens only after settling the calls that were overdue at start-up.
    const second = await start(env);
    await second.stop();
    running.delete(second);
  }

  /** Every call and how many `call` messages it has. */
  const COUNT_SQL = `select c.id as id, c.state as state,
      (select count(*) from messages m where m.kind = 'call' and m.client_id = 'call:' || c.id) as records
    from calls c`;

  function expectSettledOnce(rows: Array<{ id: string; state: string; records: number | string }>): void {
    expect(rows).toHaveLength(CALLS);
    const unsettled = rows.filter((r) => r.state === 'ringing' || r.state === 'active');
    expect(unsettled).toEqual([]);
    const wrong = rows.filter((r) => Number(r.records) !== 1);
    expect(wrong, `${wrong.length} of ${rows.length} calls without exactly one record`).toEqual([]);
  }

  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peace-chaos-'));
    try {
      const file = join(dir, 'peace.db');
      await crashAndRestart({ DATABASE_URL: `sqlite:${file}` });
      const db = new SQLite(file, { readonly: true });
      try {
        expectSettledOnce(db.prepare(COUNT_SQL).all() as any);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  describe.skipIf(!postgresUrl)('on PostgreSQL', () => {
    const database = usePostgresSchema('peace_chaos');
    it('every settled call has exactly one message', async () => {
      await crashAndRestart({ DATABASE_URL: database.url });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        expectSettledOnce((await client.query(COUNT_SQL)).rows);
      } finally {
        await client.end();
      }
    }, 120_000);
  });
});
