import { describe, expect, it } from 'vitest';
import type { IncomingCall } from '../../contract/ipc';
import {
  callButtonStep,
  fromSnapshot,
  otherCallsOf,
  secondsSince,
  withUpdate,
} from '../../renderer/src/calls/live-calls';
import { reconcile } from '../../renderer/src/calls/reconcile';
import type { CallSummary } from '../../renderer/src/lib/types';

/** The client's pure call steps: what the live-call bar, the call button and a reconnect decide. */

type Status = CallSummary['participants'][number]['status'];

function call(
  id: string,
  conversation: string,
  statuses: Record<string, Status>,
  state: CallSummary['state'] = 'active',
): CallSummary {
  const participants = Object.entries(statuses).map(([user_id, status]) => ({ user_id, status }));
  return {
    call_id: id,
    room_id: `room-${id}`,
    conversation_id: conversation,
    caller_id: participants[0]!.user_id,
    state,
    participants,
    ringing_until: '2026-01-01T10:00:45.000Z',
    started_at: state === 'active' ? '2026-01-01T10:00:05.000Z' : null,
  };
}

const invitation = (id: string, conversation: string): IncomingCall => ({
  call_id: id,
  room_id: `room-${id}`,
  conversation_id: conversation,
  from: { id: 'alice', display_name: 'Alice' },
  ringing_until: '2026-01-01T10:00:45.000Z',
});

describe('live calls', () => {
  it('keeps one live call per conversation; an end removes only that call', () => {
    const x = call('x', 'team', { alice: 'accepted', bob: 'accepted' });
    let live = withUpdate({}, x);
    expect(live.team?.call_id).toBe('x');
    // A late end of an older call of the same conversation leaves the newer one alone.
    live = withUpdate(live, { ...call('old', 'team', { alice: 'left' }), state: 'ended' });
    expect(live.team?.call_id).toBe('x');
    live = withUpdate(live, { ...x, state: 'ended' });
    expect(live).toEqual({});
    expect(fromSnapshot([{ ...x, state: 'missed' }])).toEqual({});
  });

  it('the call button joins a call going on without the user, returns to one they are in, else starts', () => {
    const live = fromSnapshot([call('x', 'team', { alice: 'accepted', bob: 'accepted', carol: 'declined' })]);
    expect(callButtonStep(live, 'team', 'carol')).toMatchObject({ kind: 'join', call: { call_id: 'x' } });
    expect(callButtonStep(live, 'team', 'bob')).toMatchObject({ kind: 'return', call: { call_id: 'x' } });
    expect(callButtonStep(live, 'other', 'bob')).toEqual({ kind: 'start' });
  });

  it('the one-call rule asks to leave only the calls the user is in, not the one being entered', () => {
    const live = fromSnapshot([
      call('x', 'team', { alice: 'accepted', bob: 'accepted' }),
      call('y', 'pair', { carol: 'accepted', bob: 'ringing' }, 'ringing'),
    ]);
    expect(otherCallsOf(live, 'bob', 'y').map((c) => c.call_id)).toEqual(['x']);
    expect(otherCallsOf(live, 'bob', 'x')).toEqual([]);
    expect(otherCallsOf(live, 'carol').map((c) => c.call_id)).toEqual(['y']);
  });

  it("counts the duration from the server's started_at, none before anyone answered", () => {
    const x = call('x', 'team', { alice: 'accepted', bob: 'accepted' });
    expect(secondsSince(x, Date.parse('2026-01-01T10:01:10.000Z'))).toBe(65);
    expect(secondsSince({ ...x, started_at: null }, Date.now())).toBeNull();
  });
});

describe('reconcile on (re)connect', () => {
  it("brings back the caller's outgoing ring after a reload", () => {
    const ringing = call('x', 'pair', { alice: 'accepted', bob: 'ringing' }, 'ringing');
    const step = reconcile({ incoming: [], inCall: [], outgoing: null }, [ringing], 'alice');
    expect(step.outgoing?.call_id).toBe('x');
  });

  it('drops rings, windows and an outgoing ring the server no longer lists', () => {
    const device = {
      incoming: [invitation('gone', 'pair'), invitation('still', 'team')],
      inCall: ['left-call', 'kept'],
      outgoing: { call_id: 'over', phase: 'ringing' as const },
    };
    const calls = [
      call('still', 'team', { alice: 'accepted', bob: 'ringing' }, 'ringing'),
      call('kept', 'work', { carol: 'accepted', bob: 'accepted' }),
      call('left-call', 'old', { dave: 'accepted', bob: 'left' }),
    ];
    const step = reconcile(device, calls, 'bob');
    expect(step.stopRinging).toEqual(['gone']);
    expect(step.closeWindows).toEqual(['left-call']);
    expect(step.outgoing).toBeNull();
  });

  it('leaves a bar showing an outcome alone when nothing rings for the caller', () => {
    const step = reconcile({ incoming: [], inCall: [], outgoing: { phase: 'declined' } }, [], 'alice');
    expect(step.outgoing).toBeUndefined();
  });
});
