import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  type Call,
  type CallEvent,
  createCall,
  deadlineOf,
  type Transition,
  transition,
} from '../../backend/calls/machine.js';

const T0 = 1_700_000_000_000;
const RING = 45_000;

function start(invitees: string[], busy: string[] = []) {
  return createCall(
    {
      id: 'c1',
      room_id: 'room-aaaaaaaa',
      conversation_id: 'conv',
      caller_id: 'alice',
      invitee_ids: invitees,
      busy_ids: new Set(busy),
      ring_timeout_ms: RING,
    },
    T0,
  );
}

function ok(result: Transition): Extract<Transition, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result;
}

function run(call: Call, ...steps: Array<[CallEvent, number]>): Call {
  return steps.reduce((c, [event, at]) => ok(transition(c, event, at)).call, call);
}

const statuses = (call: Call) => Object.fromEntries(call.participants.map((p) => [p.user_id, p.status]));

describe('call machine: starting a call', () => {
  it('rings every free invitee and counts the caller as in the call', () => {
    const { call, effects } = start(['bob', 'carol', 'alice']);
    expect(call.state).toBe('ringing');
    expect(statuses(call)).toEqual({ alice: 'accepted', bob: 'ringing', carol: 'ringing' });
    expect(call.ringing_until).toBe(T0 + RING);
    expect(deadlineOf(call)).toBe(T0 + RING);
    expect(effects).toEqual([
      { type: 'invite', user_ids: ['bob', 'carol'] },
      { type: 'state', reason: 'ringing' },
    ]);
  });

  it('ends at once as busy when every invitee is in another call, and tells only the caller', () => {
    const { call, effects } = start(['bob'], ['bob']);
    expect(call.state).toBe('busy');
    expect(call.ended_at).toBe(T0);
    expect(statuses(call)).toEqual({ alice: 'accepted', bob: 'busy' });
    expect(effects).toEqual([
      { type: 'state', reason: 'busy' },
      { type: 'record', outcome: 'busy' },
    ]);
    expect(audienceOf(call)).toEqual(['alice']);
    expect(deadlineOf(call)).toBeNull();
  });

  it('rings the free members of a group even when one is busy', () => {
    const { call } = start(['bob', 'carol'], ['carol']);
    expect(call.state).toBe('ringing');
    expect(statuses(call)).toMatchObject({ bob: 'ringing', carol: 'busy' });
  });
});

describe('call machine: 1:1', () => {
  it('accept makes the call active; the last one leaving ends it with its duration', () => {
    const { call } = start(['bob']);
    const accepted = ok(transition(call, { type: 'answer', user_id: 'bob', accepted: true }, T0 + 2000));
    expect(accepted.call.state).toBe('active');
    expect(accepted.call.started_at).toBe(T0 + 2000);
    expect(accepted.effects).toEqual([
      { type: 'response', user_id: 'bob', accepted: true },
      { type: 'state', reason: 'accepted' },
    ]);
    expect(deadlineOf(accepted.call)).toBeNull();
    const bobLeft = ok(transition(accepted.call, { type: 'leave', user_id: 'bob' }, T0 + 30_000));
    expect(bobLeft.call.state).toBe('active');
    const ended = ok(transition(bobLeft.call, { type: 'leave', user_id: 'alice' }, T0 + 65_400));
    expect(ended.call.state).toBe('ended');
    expect(ended.effects).toContainEqual({ type: 'record', outcome: 'ended', duration_seconds: 63 });
    expect(statuses(ended.call)).toEqual({ alice: 'left', bob: 'left' });
  });

  it('decline ends the call as declined', () => {
    const { call } = start(['bob']);
    const r = ok(transition(call, { type: 'answer', user_id: 'bob', accepted: false }, T0 + 1000));
    expect(r.call.state).toBe('declined');
    expect(r.effects).toEqual([
      { type: 'response', user_id: 'bob', accepted: false },
      { type: 'state', reason: 'declined' },
      { type: 'record', outcome: 'declined' },
    ]);
  });

  it('the first answer wins; a second or late answer is call_not_ringing', () => {
    const { call } = start(['bob']);
    const accepted = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1]);
    const again = transition(accepted, { type: 'answer', user_id: 'bob', accepted: false }, T0 + 2);
    expect(again).toMatchObject({ ok: false, code: 'call_not_ringing' });
    const missed = run(call, [{ type: 'ring_timeout' }, T0 + RING]);
    expect(
      transition(missed, { type: 'answer', user_id: 'bob', accepted: true }, T0 + RING + 1),
    ).toMatchObject({
      ok: false,
      code: 'call_not_ringing',
    });
  });

  it('cancel by the caller ends a ringing call as cancelled; anyone else is refused', () => {
    const { call } = start(['bob']);
    expect(transition(call, { type: 'cancel', user_id: 'bob' }, T0)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(transition(call, { type: 'cancel', user_id: 'eve' }, T0)).toMatchObject({
      ok: false,
      code: 'not_a_participant',
    });
    const r = ok(transition(call, { type: 'cancel', user_id: 'alice' }, T0 + 500));
    expect(r.call.state).toBe('cancelled');
    expect(statuses(r.call)).toEqual({ alice: 'left', bob: 'missed' });
    expect(r.effects).toContainEqual({ type: 'record', outcome: 'cancelled' });
    const active = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1]);
    expect(transition(active, { type: 'cancel', user_id: 'alice' }, T0 + 2)).toMatchObject({
      ok: false,
      code: 'call_not_ringing',
    });
  });

  it('the caller leaving a ringing call cancels it', () => {
    const { call } = start(['bob']);
    expect(run(call, [{ type: 'leave', user_id: 'alice' }, T0 + 1]).state).toBe('cancelled');
  });

  it('the ring timeout turns an unanswered call into missed, not a moment before', () => {
    const { call } = start(['bob']);
    const early = ok(transition(call, { type: 'ring_timeout' }, T0 + RING - 1));
    expect(early.effects).toEqual([]);
    expect(early.call).toBe(call);
    const r = ok(transition(call, { type: 'ring_timeout' }, T0 + RING));
    expect(r.call.state).toBe('missed');
    expect(statuses(r.call)).toEqual({ alice: 'accepted', bob: 'missed' });
    expect(r.effects).toEqual([
      { type: 'state', reason: 'timeout' },
      { type: 'record', outcome: 'missed' },
    ]);
    // A second timer (another node) finds nothing to do.
    expect(ok(transition(r.call, { type: 'ring_timeout' }, T0 + RING + 5)).effects).toEqual([]);
  });

  it('refuses outsiders everywhere', () => {
    const { call } = start(['bob']);
    for (const event of [
      { type: 'answer', user_id: 'eve', accepted: true },
      { type: 'cancel', user_id: 'eve' },
      { type: 'leave', user_id: 'eve' },
    ] as CallEvent[]) {
      expect(transition(call, event, T0)).toMatchObject({ ok: false, code: 'not_a_participant' });
    }
  });

  it('a ringing invitee cannot leave a call they never joined', () => {
    const { call } = start(['bob']);
    expect(transition(call, { type: 'leave', user_id: 'bob' }, T0)).toMatchObject({
      ok: false,
      code: 'not_in_call',
    });
  });
});

describe('call machine: group', () => {
  it('one accept and one decline: active, then ended when the last one leaves', () => {
    const { call } = start(['bob', 'carol']);
    const declined = ok(transition(call, { type: 'answer', user_id: 'carol', accepted: false }, T0 + 1000));
    expect(declined.call.state).toBe('ringing');
    const active = run(declined.call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 2000]);
    expect(active.state).toBe('active');
    expect(statuses(active)).toEqual({ alice: 'accepted', bob: 'accepted', carol: 'declined' });
    const aliceLeft = run(active, [{ type: 'leave', user_id: 'alice' }, T0 + 10_000]);
    expect(aliceLeft.state).toBe('active');
    const ended = ok(transition(aliceLeft, { type: 'leave', user_id: 'bob' }, T0 + 12_000));
    expect(ended.call.state).toBe('ended');
    expect(ended.effects).toContainEqual({ type: 'record', outcome: 'ended', duration_seconds: 10 });
  });

  it('stays active while anyone rings or talks; the timeout marks the silent ones missed', () => {
    const { call } = start(['bob', 'carol']);
    const active = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1000]);
    expect(deadlineOf(active)).toBe(T0 + RING);
    const r = ok(transition(active, { type: 'ring_timeout' }, T0 + RING));
    expect(r.call.state).toBe('active');
    expect(statuses(r.call)).toMatchObject({ carol: 'missed' });
    expect(r.effects).toEqual([{ type: 'state', reason: 'timeout' }]);
    expect(deadlineOf(r.call)).toBeNull();
  });

  it('everyone declining ends it as declined; a mix with silence is missed', () => {
    const { call } = start(['bob', 'carol']);
    const allDeclined = run(
      call,
      [{ type: 'answer', user_id: 'bob', accepted: false }, T0 + 1],
      [{ type: 'answer', user_id: 'carol', accepted: false }, T0 + 2],
    );
    expect(allDeclined.state).toBe('declined');
    const mixed = run(
      call,
      [{ type: 'answer', user_id: 'bob', accepted: false }, T0 + 1],
      [{ type: 'ring_timeout' }, T0 + RING],
    );
    expect(mixed.state).toBe('missed');
  });

  it('ending an active call stops anyone still ringing', () => {
    const { call } = start(['bob', 'carol']);
    const ended = run(
      call,
      [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1],
      [{ type: 'leave', user_id: 'alice' }, T0 + 2],
      [{ type: 'leave', user_id: 'bob' }, T0 + 3],
    );
    expect(ended.state).toBe('ended');
    expect(statuses(ended)).toMatchObject({ carol: 'missed' });
    expect(transition(ended, { type: 'leave', user_id: 'bob' }, T0 + 4)).toMatchObject({
      ok: false,
      code: 'call_ended',
    });
  });

  describe('joined (entering the room via /join)', () => {
    it('a decliner who joins an active call is accepted, and the call ends only when they leave too', () => {
      const { call } = start(['bob', 'carol']);
      const active = run(
        call,
        [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1000],
        [{ type: 'answer', user_id: 'carol', accepted: false }, T0 + 2000],
      );
      const r = ok(transition(active, { type: 'joined', user_id: 'carol' }, T0 + 5000));
      expect(r.call.state).toBe('active');
      expect(statuses(r.call)).toEqual({ alice: 'accepted', bob: 'accepted', carol: 'accepted' });
      expect(r.effects).toEqual([{ type: 'state', reason: 'joined' }]);
      expect(audienceOf(r.call)).toContain('carol');
      const onlyCarol = run(
        r.call,
        [{ type: 'leave', user_id: 'bob' }, T0 + 10_000],
        [{ type: 'leave', user_id: 'alice' }, T0 + 11_000],
      );
      expect(onlyCarol.state).toBe('active');
      const ended = ok(transition(onlyCarol, { type: 'leave', user_id: 'carol' }, T0 + 21_000));
      expect(ended.call.state).toBe('ended');
      expect(ended.effects).toContainEqual({ type: 'record', outcome: 'ended', duration_seconds: 20 });
    });

    it('a ringing invitee who joins has accepted: first answer wins, a later answer is refused', () => {
      const { call } = start(['bob', 'carol']);
      const r = ok(transition(call, { type: 'joined', user_id: 'bob' }, T0 + 3000));
      expect(r.call.state).toBe('active');
      expect(r.call.started_at).toBe(T0 + 3000);
      expect(statuses(r.call)).toEqual({ alice: 'accepted', bob: 'accepted', carol: 'ringing' });
      expect(r.effects).toEqual([
        { type: 'response', user_id: 'bob', accepted: true },
        { type: 'state', reason: 'accepted' },
      ]);
      expect(
        transition(r.call, { type: 'answer', user_id: 'bob', accepted: false }, T0 + 4000),
      ).toMatchObject({ ok: false, code: 'call_not_ringing' });
    });

    it('someone never rung, busy or gone joins as accepted; joining a ringing call makes it active', () => {
      const { call } = start(['bob', 'carol'], ['carol']);
      const dave = ok(transition(call, { type: 'joined', user_id: 'dave' }, T0 + 1000));
      expect(dave.call.state).toBe('active');
      expect(dave.call.started_at).toBe(T0 + 1000);
      expect(statuses(dave.call)).toEqual({
        alice: 'accepted',
        bob: 'ringing',
        carol: 'busy',
        dave: 'accepted',
      });
      expect(dave.call.participants[0]?.user_id).toBe('alice');
      // Bob still rings until the ring deadline.
      expect(deadlineOf(dave.call)).toBe(T0 + RING);
      const carol = run(dave.call, [{ type: 'joined', user_id: 'carol' }, T0 + 2000]);
      expect(statuses(carol)).toMatchObject({ carol: 'accepted' });
      expect(audienceOf(carol)).toContain('carol');
      // One who left comes back.
      const back = run(
        carol,
        [{ type: 'leave', user_id: 'dave' }, T0 + 3000],
        [{ type: 'joined', user_id: 'dave' }, T0 + 4000],
      );
      expect(statuses(back)).toMatchObject({ dave: 'accepted' });
    });

    it('joining again, or as the caller of a ringing call, changes nothing; an ended call refuses', () => {
      const { call } = start(['bob']);
      expect(ok(transition(call, { type: 'joined', user_id: 'alice' }, T0 + 1))).toEqual({
        ok: true,
        call,
        effects: [],
      });
      const active = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 2]);
      expect(ok(transition(active, { type: 'joined', user_id: 'bob' }, T0 + 3)).effects).toEqual([]);
      const ended = run(
        active,
        [{ type: 'leave', user_id: 'alice' }, T0 + 4],
        [{ type: 'leave', user_id: 'bob' }, T0 + 5],
      );
      expect(transition(ended, { type: 'joined', user_id: 'bob' }, T0 + 6)).toMatchObject({
        ok: false,
        code: 'call_ended',
      });
    });
  });
});

describe('call machine: refusals and timing details', () => {
  it('every refusal says why in words, not only a code', () => {
    const { call } = start(['bob']);
    const active = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1]);
    const ended = run(
      active,
      [{ type: 'leave', user_id: 'alice' }, T0 + 2],
      [{ type: 'leave', user_id: 'bob' }, T0 + 3],
    );
    const refusals: Array<[Call, CallEvent]> = [
      [call, { type: 'answer', user_id: 'eve', accepted: true }],
      [active, { type: 'answer', user_id: 'bob', accepted: true }],
      [call, { type: 'cancel', user_id: 'eve' }],
      [call, { type: 'cancel', user_id: 'bob' }],
      [active, { type: 'cancel', user_id: 'alice' }],
      [call, { type: 'leave', user_id: 'eve' }],
      [ended, { type: 'leave', user_id: 'bob' }],
      [call, { type: 'leave', user_id: 'bob' }],
      [ended, { type: 'joined', user_id: 'bob' }],
    ];
    for (const [state, event] of refusals) {
      const result = transition(state, event, T0 + 10);
      expect(result.ok, JSON.stringify(event)).toBe(false);
      if (!result.ok) expect(result.message, result.code).toMatch(/^[A-Z].{10,}/);
    }
  });

  it('a call starts when the first invitee accepts; later answers do not move its start', () => {
    const { call } = start(['bob', 'carol']);
    const first = run(call, [{ type: 'answer', user_id: 'bob', accepted: true }, T0 + 1_000]);
    expect(first.started_at).toBe(T0 + 1_000);
    const second = run(first, [{ type: 'answer', user_id: 'carol', accepted: true }, T0 + 5_000]);
    expect(second.started_at).toBe(first.started_at);
  });

  it('a cancel tells everyone the call stopped ringing, as cancelled', () => {
    const { call } = start(['bob']);
    const r = ok(transition(call, { type: 'cancel', user_id: 'alice' }, T0 + 1));
    expect(r.effects).toContainEqual({ type: 'state', reason: 'cancelled' });
  });
});
