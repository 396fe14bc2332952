import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../main/ipc/validate-args.js';

const call = {
  call_id: 'k1',
  room_id: 'abcd-1234-efgh',
  conversation_id: 'c1',
  from: { id: 'u1', display_name: 'Alice' },
  ringing_until: '2030-01-01T00:00:45.000Z',
};

describe('IPC argument validation', () => {
  it('accepts well-formed arguments', () => {
    expect(parseArgs('call/open-window', ['http://h/room/abcd-1234-efgh', 'k1'])).toEqual([
      'http://h/room/abcd-1234-efgh',
      'k1',
    ]);
    expect(parseArgs('incoming/show', [call])).toEqual([call]);
    expect(parseArgs('tray/set-state', [{ unread: 3, inCall: false }])).toEqual([
      { unread: 3, inCall: false },
    ]);
    expect(parseArgs('session/set-token', [null])).toEqual([null]);
    expect(parseArgs('config/get', [])).toEqual([]);
  });

  it('strips fields the contract does not know', () => {
    expect(
      parseArgs('incoming/show', [{ ...call, extra: 'x', from: { ...call.from, admin: true } }]),
    ).toEqual([call]);
  });

  it('refuses wrong types, counts and sizes', () => {
    expect(parseArgs('call/open-window', ['http://h/room/x'])).toBeNull();
    expect(parseArgs('call/open-window', [42, 'k1'])).toBeNull();
    expect(parseArgs('call/close-window', ['x'.repeat(129)])).toBeNull();
    expect(parseArgs('incoming/show', [{ ...call, ringing_until: 'soon' }])).toBeNull();
    expect(parseArgs('incoming/show', [{ ...call, from: null }])).toBeNull();
    expect(parseArgs('tray/set-state', [{ unread: -1, inCall: false }])).toBeNull();
    expect(parseArgs('tray/set-state', [{ unread: 1.5, inCall: false }])).toBeNull();
    expect(parseArgs('popup/answer', ['yes'])).toBeNull();
    expect(parseArgs('config/get', ['extra'])).toBeNull();
    expect(parseArgs('session/set-token', [''])).toBeNull();
  });
});
