import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { incomingCall, startDesktop } from './desktop-harness.js';
import { Notification } from './fake-electron.js';

/**
 * Main's own expiry: when the renderer never says a call stopped ringing (its connection died with the
 * backend's `call_state`), main stops the popup 5 s after `ringing_until` by itself. Fake timers stand in
 * for the wait, so the test runs instantly and cannot be flaky.
 */
describe('incoming call popup expiry', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops the popup, the notification and the flashing 5 s after ringing_until, not before', async () => {
    const { fromMain, windows, main } = startDesktop();
    const call = incomingCall();
    const ringingUntil = Date.parse(call.ringing_until);
    await fromMain('incoming/show', call);
    const [popup] = windows('incoming-popup');

    vi.advanceTimersByTime(ringingUntil + 4_900 - Date.now());
    expect(popup!.destroyed).toBe(false);
    expect(main.flashing).toBe(true);

    vi.advanceTimersByTime(200);
    expect(popup!.destroyed).toBe(true);
    expect(Notification.all[0]!.closed).toBe(true);
    expect(main.flashing).toBe(false);
    // Expiry is not an answer: the backend decides missed, other devices are not told anything.
    expect(main.webContents.sentOn('incoming/action')).toEqual([]);
  });
});
