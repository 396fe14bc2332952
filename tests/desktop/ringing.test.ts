import { describe, expect, it } from 'vitest';
import {
  initialRingingState,
  type RingingEvent,
  type RingingState,
  ringingStep,
} from '../../main/incoming/ringing.js';

const call = (id: string) => ({
  call_id: id,
  room_id: 'room-abcdefgh',
  conversation_id: 'c1',
  from: { id: 'u1', display_name: 'Alice' },
  ringing_until: '2030-01-01T00:00:45.000Z',
});

function run(events: RingingEvent[], state: RingingState = initialRingingState) {
  const effects = [];
  for (const event of events) {
    const step = ringingStep(state, event);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe('ringing state machine', () => {
  it('starts ringing loudly for a new invitation', () => {
    const { state, effects } = run([{ type: 'invited', call: call('k1') }]);
    expect(effects).toEqual([{ type: 'start', call: call('k1'), silent: false }]);
    expect([...state.ringing.keys()]).toEqual(['k1']);
  });

  it('rings once even when the invitation is repeated (socket reconnect)', () => {
    const { effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'invited', call: call('k1') },
    ]);
    expect(effects.filter((e) => e.type === 'start')).toHaveLength(1);
  });

  it('accepting in the popup stops everything and reports the answer', () => {
    const { state, effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'answered', callId: 'k1', accepted: true },
    ]);
    expect(effects.slice(1)).toEqual([
      { type: 'stop', callId: 'k1' },
      { type: 'report', callId: 'k1', accepted: true },
    ]);
    expect(state.ringing.size).toBe(0);
  });

  it('a dismissal (answered on another device, cancelled, missed) stops without reporting', () => {
    const { effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'dismissed', callId: 'k1' },
    ]);
    expect(effects.slice(1)).toEqual([{ type: 'stop', callId: 'k1' }]);
  });

  it('expiry stops a call the renderer forgot', () => {
    const { effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'expired', callId: 'k1' },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'stop', callId: 'k1' });
  });

  it('a finished call does not ring again when its invitation arrives late', () => {
    const { effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'answered', callId: 'k1', accepted: false },
      { type: 'invited', call: call('k1') },
    ]);
    expect(effects.filter((e) => e.type === 'start')).toHaveLength(1);
  });

  it('answers after the end are ignored: a double click reports once', () => {
    const { effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'answered', callId: 'k1', accepted: true },
      { type: 'answered', callId: 'k1', accepted: false },
      { type: 'dismissed', callId: 'k1' },
    ]);
    expect(effects.filter((e) => e.type === 'report')).toEqual([
      { type: 'report', callId: 'k1', accepted: true },
    ]);
    expect(effects.filter((e) => e.type === 'stop')).toHaveLength(1);
  });

  it('do-not-disturb shows new invitations silently and never answers for the user', () => {
    const { effects } = run([
      { type: 'do-not-disturb', on: true },
      { type: 'invited', call: call('k1') },
    ]);
    expect(effects).toEqual([{ type: 'start', call: call('k1'), silent: true }]);
  });

  it('two calls ring independently', () => {
    const { state, effects } = run([
      { type: 'invited', call: call('k1') },
      { type: 'invited', call: call('k2') },
      { type: 'dismissed', callId: 'k1' },
    ]);
    expect([...state.ringing.keys()]).toEqual(['k2']);
    expect(effects.at(-1)).toEqual({ type: 'stop', callId: 'k1' });
  });

  it('ends with nothing left over: no effect for an unknown call, the ring kept with its call and mode', () => {
    expect(initialRingingState).toEqual({ ringing: new Map(), doNotDisturb: false, finished: [] });
    expect(ringingStep(initialRingingState, { type: 'dismissed', callId: 'nope' }).effects).toEqual([]);
    const { state } = run([
      { type: 'do-not-disturb', on: true },
      { type: 'invited', call: call('k1') },
    ]);
    expect(state.ringing.get('k1')).toEqual({ call: call('k1'), silent: true });
    expect(run([{ type: 'invited', call: call('k1') }], state).effects).toEqual([]);
  });

  it('remembers the last 50 finished calls, enough for late invitations, and no more', () => {
    const events: RingingEvent[] = [];
    for (let i = 0; i < 60; i++) {
      events.push({ type: 'invited', call: call(`c${i}`) }, { type: 'dismissed', callId: `c${i}` });
    }
    const { state } = run(events);
    expect(state.finished).toHaveLength(50);
    expect(state.finished[0]).toBe('c10');
    expect(state.finished.at(-1)).toBe('c59');
  });
});
