import { describe, expect, it } from 'vitest';
import type { CallStatePayload, CallSummary } from '../../contract/calls';
import type { IncomingCall } from '../../contract/ipc';
import { onCallState, onCallUpdated, onSnapshot } from '../../renderer/src/calls/call-events';
import type { StepState } from '../../renderer/src/calls/calls-state';
import { entered, hungUp, windowWasClosed } from '../../renderer/src/calls/in-call-steps';
import { invited, ringStopped } from '../../renderer/src/calls/incoming-steps';
import { fromSnapshot, windowKeyOfRoom } from '../../renderer/src/calls/live-calls';
import { cancelStep } from '../../renderer/src/calls/outgoing-steps';

/** The client's call logic as pure steps: events in, state and effects out, no browser, no timers. */

type Status = CallSummary['participants'][number]['status'];

function summary(id: string, statuses: Record<string, Status>, state: CallSummary['state']): CallSummary {
  const participants = Object.entries(statuses).map(([user_id, status]) => ({ user_id, status }));
  return {
    call_id: id,
    room_id: `room-${id}`,
    conversation_id: `conv-${id}`,
    caller_id: participants[0]?.user_id ?? 'alice',
    state,
    participants,
    ringing_until: '2026-01-01T10:00:45.000Z',
    started_at: state === 'active' ? '2026-01-01T10:00:05.000Z' : null,
  };
}

const stateEvent = (id: string, statuses: Record<string, Status>, state: CallSummary['state']) => {
  const { ringing_until: _r, started_at: _s, ...event } = summary(id, statuses, state);
  return event satisfies CallStatePayload;
};

const invitation = (id: string, from = 'alice'): IncomingCall => ({
  call_id: id,
  room_id: `room-${id}`,
  conversation_id: `conv-${id}`,
  from: { id: from, display_name: from },
  ringing_until: '2026-01-01T10:00:45.000Z',
});

const empty: StepState = { incoming: [], inCall: [], live: {} };
const beforeDeadline = Date.parse('2026-01-01T10:00:10.000Z');

describe('incoming rings', () => {
  it('rings once per invitation, never for the user’s own call or one whose time is up', () => {
    const first = invited(empty, invitation('x'), 'bob', beforeDeadline);
    expect(first.effects).toEqual([{ type: 'ring', call: invitation('x') }]);
    expect(invited(first.state, invitation('x'), 'bob', beforeDeadline).effects).toEqual([]);
    expect(invited(empty, invitation('x', 'bob'), 'bob', beforeDeadline).effects).toEqual([]);
    const late = Date.parse('2026-01-01T10:00:45.000Z');
    expect(invited(empty, invitation('x'), 'bob', late)).toEqual({ state: empty, effects: [] });
  });

  it('stops the sound only when nothing rings any more', () => {
    const two = { ...empty, incoming: [invitation('x'), invitation('y')] };
    expect(ringStopped(two, 'x').effects).toEqual([
      { type: 'silence', callId: 'x', wasRinging: true, anyLeft: true },
    ]);
    expect(ringStopped(ringStopped(two, 'x').state, 'y').effects).toEqual([
      { type: 'silence', callId: 'y', wasRinging: true, anyLeft: false },
    ]);
  });

  it('a group call someone else joined still rings for the user; answered elsewhere, it stops', () => {
    const ringing = { ...empty, incoming: [invitation('x')] };
    const joined = stateEvent('x', { alice: 'accepted', carol: 'accepted', bob: 'ringing' }, 'active');
    expect(onCallState(ringing, null, joined, 'bob').state.incoming).toHaveLength(1);
    const answered = stateEvent('x', { alice: 'accepted', bob: 'accepted' }, 'active');
    const step = onCallState(ringing, null, answered, 'bob');
    expect(step.state.incoming).toEqual([]);
    expect(step.effects).toContainEqual({ type: 'silence', callId: 'x', wasRinging: true, anyLeft: false });
  });
});

describe('in call on this device', () => {
  it('is entered once, left by closing the window (nothing to close) or by hanging up (its window closes)', () => {
    const inX = entered(entered(empty, 'x').state, 'x').state;
    expect(inX.inCall).toEqual(['x']);
    expect(windowWasClosed(inX, 'x')).toEqual({ state: empty, effects: [] });
    expect(hungUp(inX, 'x')).toEqual({ state: empty, effects: [{ type: 'close-window', callId: 'x' }] });
  });

  it('ends with the call: a terminal call_state leaves it without closing the room page itself', () => {
    const inX = { ...empty, inCall: ['x'] };
    const step = onCallState(inX, null, stateEvent('x', { alice: 'left', bob: 'left' }, 'ended'), 'bob');
    expect(step.state.inCall).toEqual([]);
    expect(step.effects.filter((e) => e.type === 'close-window')).toEqual([]);
  });

  it('closes the window when the user left the call elsewhere, and one the desktop app kept over a reload', () => {
    const leftElsewhere = summary('x', { alice: 'accepted', bob: 'left' }, 'active');
    const here = onCallUpdated({ ...empty, inCall: ['x'] }, leftElsewhere, 'bob', false);
    expect(here.state.inCall).toEqual([]);
    expect(here.effects).toEqual([{ type: 'close-window', callId: 'x' }]);
    expect(onCallUpdated(empty, leftElsewhere, 'bob', false).effects).toEqual([]);
    expect(onCallUpdated(empty, leftElsewhere, 'bob', true).effects).toEqual([
      { type: 'close-window', callId: 'x' },
    ]);
    const stillIn = summary('x', { alice: 'accepted', bob: 'accepted' }, 'active');
    expect(onCallUpdated({ ...empty, inCall: ['x'] }, stillIn, 'bob', true).effects).toEqual([]);
  });
});

describe('the outgoing call', () => {
  const ringingOut = {
    conversation_id: 'conv-x',
    room_id: 'room-x',
    call_id: 'x',
    phase: 'ringing' as const,
  };

  it('shows a refusal and closes the window opened for it; an answered call keeps its window', () => {
    const outgoingEffects = (step: ReturnType<typeof onCallState>) =>
      step.effects.filter((e) => e.type !== 'silence');
    const declined = stateEvent('x', { alice: 'accepted', bob: 'declined' }, 'declined');
    expect(outgoingEffects(onCallState(empty, ringingOut, declined, 'alice'))).toEqual([
      { type: 'settle-outgoing', phase: 'declined', patch: { call_id: 'x', busy_ids: [] } },
      { type: 'close-window', callId: 'x' },
    ]);
    const answered = stateEvent('x', { alice: 'accepted', bob: 'accepted', carol: 'busy' }, 'active');
    expect(outgoingEffects(onCallState(empty, ringingOut, answered, 'alice'))).toEqual([
      { type: 'settle-outgoing', phase: 'active', patch: { call_id: 'x', busy_ids: ['carol'] } },
    ]);
    expect(outgoingEffects(onCallState(empty, null, declined, 'alice'))).toEqual([]);
  });

  it('cancels only a call the server knows; before that, hanging up just closes the bar', () => {
    expect(cancelStep(null)).toEqual({ kind: 'none' });
    expect(cancelStep({ conversation_id: 'c', phase: 'starting' })).toEqual({ kind: 'close-bar' });
    expect(cancelStep(ringingOut)).toEqual({ kind: 'cancel', callId: 'x' });
  });

  it('a reconnect shows the caller’s own ringing call again, and closes a bar whose ring the server forgot', () => {
    const ringing = summary('x', { alice: 'accepted', bob: 'ringing' }, 'ringing');
    expect(onSnapshot(empty, null, [ringing], 'alice').effects).toEqual([
      { type: 'show-outgoing', outgoing: ringingOut },
    ]);
    expect(onSnapshot(empty, ringingOut, [], 'alice').effects).toEqual([
      { type: 'show-outgoing', outgoing: null },
    ]);
  });

  it('a reconnect stops rings and closes windows of calls the user is no longer in, in one step', () => {
    const device = { incoming: [invitation('gone')], inCall: ['left'], live: {} };
    const left = summary('left', { alice: 'accepted', bob: 'left' }, 'active');
    const step = onSnapshot(device, null, [left], 'bob');
    expect(step.state).toEqual({ incoming: [], inCall: [], live: fromSnapshot([left]) });
    expect(step.effects).toEqual([
      { type: 'silence', callId: 'gone', wasRinging: true, anyLeft: false },
      { type: 'close-window', callId: 'left' },
    ]);
  });
});

describe('a peace-messenger://room link', () => {
  it('keys the call window by the live call in that room, so closing it leaves that call', () => {
    const live = fromSnapshot([summary('x', { alice: 'accepted' }, 'active')]);
    expect(windowKeyOfRoom(live, 'room-x')).toBe('x');
    expect(windowKeyOfRoom(live, 'room-without-call')).toBe('room-without-call');
  });
});
