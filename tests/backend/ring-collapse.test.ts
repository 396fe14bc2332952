import { describe, expect, it } from 'vitest';
import { collect, emitAck, emitOk, nextEvent } from '../helpers/backend.js';
import { setUpCall, useCallBackend } from '../helpers/calls.js';
import { postgresUrl, usePostgresSchema } from '../helpers/postgres.js';

const engines = [
  { name: 'SQLite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
];

/**
 * Repeated invitations to the same person collapse into the call already ringing them: one alert (on the
 * desktop an always-on-top popup), however often and however fast the caller presses the button.
 */
describe.each(engines)('repeated call invitations, on $name', ({ postgres }) => {
  if (postgres && !postgresUrl) return;
  const database = postgres ? usePostgresSchema('peace_ring') : undefined;
  // A budget high enough that the rate limit is not what holds the line here.
  const server = useCallBackend({
    CALL_INVITATIONS_PER_MINUTE: '1000',
    // Read when the backend starts, after the schema exists.
    ...(database && {
      get DATABASE_URL() {
        return database.url;
      },
    }),
  });

  it('30 rapid invitations ring the callee once and all answer the same call', async () => {
    const { sockets, roomId } = await setUpCall(server.backend, 2);
    const alerts = collect(sockets[1]!, 'call_invitation');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => emitOk(sockets[0]!, 'call_invitation', { room_id: roomId })),
    );
    const callIds = new Set(answers.map((a) => a.call_id));
    expect(callIds.size).toBe(1);
    // Give any stray second alert time to arrive before counting.
    await new Promise((r) => setTimeout(r, 300));
    expect(alerts).toHaveLength(1);
  });

  it('30 invitations one after another also collapse, with a target in a group', async () => {
    const { users, sockets, roomId } = await setUpCall(server.backend, 3);
    const alerts = collect(sockets[1]!, 'call_invitation');
    const others = collect(sockets[2]!, 'call_invitation');
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const answer = await emitOk(sockets[0]!, 'call_invitation', {
        room_id: roomId,
        target_user_id: users[1]!.id,
      });
      ids.add(answer.call_id);
    }
    expect(ids.size).toBe(1);
    expect(alerts).toHaveLength(1);
    expect(others).toHaveLength(0);
  });

  it('once the callee declined, calling again is a new call that rings anew', async () => {
    const { sockets, roomId } = await setUpCall(server.backend, 2);
    const ring = nextEvent(sockets[1]!, 'call_invitation');
    const { call_id } = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    await ring;
    await emitAck(sockets[1]!, 'call_invitation_response', { call_id, accepted: false });
    // Declined: the call ended, so calling again rings again (a new call, a new alert).
    const again = nextEvent(sockets[1]!, 'call_invitation');
    const second = await emitOk(sockets[0]!, 'call_invitation', { room_id: roomId });
    expect(second.call_id).not.toBe(call_id);
    await again;
  });
});
