import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Thread } from '../../renderer/src/chat/chat-store.js';
import { messagePreview } from '../../renderer/src/chat/describe.js';
import { isChangeable } from '../../renderer/src/chat/message-actions.js';
import { applyMessageUpdate } from '../../renderer/src/chat/message-updates.js';
import { TypingStore } from '../../renderer/src/chat/typing-store.js';
import { TYPING_VISIBLE_MS, TypingThrottle, typingText } from '../../renderer/src/chat/typing-text.js';
import { setLocale } from '../../renderer/src/lib/i18n.js';
import type { ConversationSummary, Message } from '../../renderer/src/lib/types.js';

// setLocale writes <html lang>; a bare stand-in is enough here.
(globalThis as { document?: unknown }).document = { documentElement: {} };
afterEach(() => setLocale('en'));

describe('who is typing, in words', () => {
  it('names one or two people and counts the rest as several, in en and zh-CN', () => {
    setLocale('en');
    expect(typingText([])).toBe('');
    expect(typingText(['Alice'])).toBe('Alice is typing…');
    expect(typingText(['Alice', 'Bob'])).toBe('Alice and Bob are typing…');
    expect(typingText(['Alice', 'Bob', 'Carol'])).toBe('Several people are typing…');
    setLocale('zh-CN');
    expect(typingText(['爱丽丝'])).toBe('爱丽丝 正在输入…');
    expect(typingText(['爱丽丝', '鲍勃'])).toBe('爱丽丝 和 鲍勃 正在输入…');
    expect(typingText(['a', 'b', 'c'])).toBe('多人正在输入…');
  });
});

describe('typing throttle', () => {
  it('lets the first keystroke through, then one per interval per conversation, afresh after a send', () => {
    let now = 1_000;
    const throttle = new TypingThrottle(3000, () => now);
    expect(throttle.take('c1')).toBe(true);
    now += 2999;
    expect(throttle.take('c1')).toBe(false);
    expect(throttle.take('c2')).toBe(true);
    now += 1;
    expect(throttle.take('c1')).toBe(true);
    now += 10;
    expect(throttle.take('c1')).toBe(false);
    throttle.reset('c1');
    expect(throttle.take('c1')).toBe(true);
  });
});

const message = (patch: Partial<Message> = {}): Message => ({
  id: 'm1',
  conversation_id: 'c1',
  sender_id: 'me',
  kind: 'text',
  body: 'teh plan',
  created_at: '2026-11-29T10:00:00.000Z',
  ...patch,
});

describe('applying an edit or a delete', () => {
  const thread = (messages: Message[]): Thread => ({
    messages,
    hasMore: false,
    loadingOlder: false,
    loaded: true,
  });
  const summary = (last: Message | null): ConversationSummary => ({
    id: 'c1',
    type: 'direct',
    title: null,
    members: [],
    last_message: last,
    unread_count: 2,
    mute: null,
  });

  it('replaces the message in its thread and in the list preview, nothing else', () => {
    const other = message({ id: 'm0', body: 'before' });
    const state = { conversations: [summary(message())], threads: { c1: thread([other, message()]) } };
    const edited = message({ body: 'the plan', edited_at: '2026-11-29T10:01:00.000Z' });
    const next = { ...state, ...applyMessageUpdate(state, edited) };
    expect(next.threads.c1?.messages).toEqual([other, edited]);
    expect(next.conversations[0]).toEqual({ ...summary(edited), unread_count: 2 });
  });

  it('leaves state alone for a message it does not show', () => {
    const state = { conversations: [summary(null)], threads: {} };
    expect(applyMessageUpdate(state, message())).toEqual({});
  });

  it('previews a deleted message as such and lets only the sender change their live text', () => {
    setLocale('en');
    const deleted = message({ body: '', deleted_at: '2026-11-29T10:02:00.000Z' });
    expect(messagePreview(deleted, 'me')).toBe('Message deleted');
    expect(isChangeable(message(), 'me')).toBe(true);
    expect(isChangeable(deleted, 'me')).toBe(false);
    expect(isChangeable(message(), 'someone else')).toBe(false);
    expect(isChangeable(message({ kind: 'call' }), 'me')).toBe(false);
  });
});

describe('typing indicator store', () => {
  afterEach(() => vi.useRealTimers());

  it('emits throttled, shows others until silence or their message, then forgets them', () => {
    vi.useFakeTimers();
    const emitted: unknown[] = [];
    const socket = { emit: (event: string, payload: unknown) => emitted.push([event, payload]) };
    const store = new TypingStore(socket as unknown as Socket);
    store.typed('c1');
    store.typed('c1');
    expect(emitted).toEqual([['typing', { conversation_id: 'c1' }]]);
    store.sent('c1');
    store.typed('c1');
    expect(emitted).toHaveLength(2);

    store.onTyping({ conversation_id: 'c1', user_id: 'bob' });
    store.onTyping({ conversation_id: 'c1', user_id: 'carol' });
    expect(store.typists('c1')).toEqual(['bob', 'carol']);
    store.onMessage(message({ sender_id: 'bob' }));
    expect(store.typists('c1')).toEqual(['carol']);
    vi.advanceTimersByTime(TYPING_VISIBLE_MS - 1000);
    // Carol typed again: her indicator lasts from this announcement on.
    store.onTyping({ conversation_id: 'c1', user_id: 'carol' });
    vi.advanceTimersByTime(1500);
    expect(store.typists('c1')).toEqual(['carol']);
    vi.advanceTimersByTime(TYPING_VISIBLE_MS);
    expect(store.typists('c1')).toEqual([]);
    expect(store.state.typing.c1).toEqual({});
    store.dispose();
  });
});
