import { describe, expect, it, vi } from 'vitest';
import { ChatStore } from '../../renderer/src/chat/chat-store.js';
import { noticeFor, shouldNotify } from '../../renderer/src/chat/message-notifications.js';
import { callsRing, isMuted } from '../../renderer/src/chat/mute.js';
import { refreshWhenMutesEnd } from '../../renderer/src/chat/mute-actions.js';
import type { NotifyPrefs } from '../../renderer/src/chat/notify-prefs.js';
import type { Api } from '../../renderer/src/lib/api.js';
import { setLocale } from '../../renderer/src/lib/i18n.js';
import type { ConversationSummary, Message, Mute } from '../../renderer/src/lib/types.js';

// setLocale writes <html lang>; a bare stand-in is enough here.
(globalThis as { document?: unknown }).document = { documentElement: {} };

const ME = { id: 'u-bob', username: 'bob', display_name: 'Bob' };
const ALICE = { id: 'u-alice', username: 'alice', display_name: 'Alice' };
const HOUR = 3_600_000;

function summary(id: string, type: 'direct' | 'group', mute: Mute | null = null): ConversationSummary {
  const title = type === 'group' ? 'Team' : null;
  return { id, type, title, members: [ALICE, ME], last_message: null, unread_count: 0, mute };
}

function message(conversationId: string, body = 'Lunch at noon?', senderId = ALICE.id): Message {
  return {
    id: 'm1',
    conversation_id: conversationId,
    sender_id: senderId,
    kind: 'text',
    body,
    created_at: new Date().toISOString(),
  };
}

const prefs: NotifyPrefs = { doNotDisturb: false, showPreviews: true, sound: true };

describe('mute on the clock', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('muted until a time still ahead, or until turned off; a passed time is no mute', () => {
    expect(isMuted(summary('c', 'group'), now)).toBe(false);
    expect(isMuted(summary('c', 'group', { until: at(HOUR), ring_calls: true }), now)).toBe(true);
    expect(isMuted(summary('c', 'group', { until: null, ring_calls: true }), now)).toBe(true);
    expect(isMuted(summary('c', 'group', { until: at(-1), ring_calls: true }), now)).toBe(false);
  });

  it('calls ring unless the mute says otherwise, and again once it has passed', () => {
    expect(callsRing(summary('c', 'group'), now)).toBe(true);
    expect(callsRing(summary('c', 'group', { until: null, ring_calls: true }), now)).toBe(true);
    expect(callsRing(summary('c', 'group', { until: null, ring_calls: false }), now)).toBe(false);
    expect(callsRing(summary('c', 'group', { until: at(-1), ring_calls: false }), now)).toBe(true);
  });
});

describe('a timed mute ending', () => {
  it('re-renders the list when it ends, so the badge turns blue on time', () => {
    vi.useFakeTimers();
    try {
      const chat = new ChatStore({} as Api, ME);
      const until = new Date(Date.now() + 60_000).toISOString();
      chat.set({ conversations: [summary('team', 'group', { until, ring_calls: true })] });
      const stop = refreshWhenMutesEnd(chat);
      let renders = 0;
      chat.subscribe(() => renders++);
      vi.advanceTimersByTime(59_000);
      expect(renders).toBe(0);
      vi.advanceTimersByTime(2_000);
      expect(renders).toBe(1);
      expect(isMuted(chat.conversation('team'))).toBe(false);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('which messages notify', () => {
  const chat = new ChatStore({} as Api, ME);
  chat.set({
    conversations: [
      summary('direct', 'direct'),
      summary('team', 'group'),
      summary('quiet', 'group', { until: null, ring_calls: true }),
    ],
    selectedId: 'team',
  });

  it("others' messages in a chat that is not open, or in any chat while the window is unfocused", () => {
    expect(shouldNotify(message('direct'), chat, prefs, true)).toBe(true);
    expect(shouldNotify(message('team'), chat, prefs, false)).toBe(true);
    expect(shouldNotify(message('team'), chat, prefs, true)).toBe(false);
  });

  it('never our own, never call records, never a muted chat, never under do-not-disturb', () => {
    expect(shouldNotify(message('direct', 'from my phone', ME.id), chat, prefs, false)).toBe(false);
    expect(shouldNotify({ ...message('direct'), kind: 'call' }, chat, prefs, false)).toBe(false);
    expect(shouldNotify(message('quiet'), chat, prefs, false)).toBe(false);
    expect(shouldNotify(message('direct'), chat, { ...prefs, doNotDisturb: true }, false)).toBe(false);
    expect(shouldNotify(message('unknown'), chat, prefs, false)).toBe(false);
  });
});

describe('what a notification says', () => {
  it('the sender (and the group), a short one-line preview, or only "New message"', () => {
    setLocale('en');
    const direct = summary('direct', 'direct');
    expect(noticeFor(message('direct'), direct, ME.id, prefs)).toEqual({
      conversation_id: 'direct',
      title: 'Alice',
      body: 'Lunch at noon?',
      sound: true,
    });
    const team = summary('team', 'group');
    const long = noticeFor(message('team', `a\n${'x'.repeat(300)}`), team, ME.id, prefs);
    expect(long.title).toBe('Alice in Team');
    expect(long.body).toHaveLength(120);
    expect(long.body.startsWith('a x')).toBe(true);
    expect(long.body.endsWith('…')).toBe(true);
    const hidden = noticeFor(message('team'), team, ME.id, { ...prefs, showPreviews: false, sound: false });
    expect(hidden).toMatchObject({ body: 'New message', sound: false });
  });

  it('in Chinese', () => {
    setLocale('zh-CN');
    const notice = noticeFor(message('team'), summary('team', 'group'), ME.id, {
      ...prefs,
      showPreviews: false,
    });
    expect(notice).toMatchObject({ title: 'Alice（Team）', body: '新消息' });
    setLocale('en');
  });
});
