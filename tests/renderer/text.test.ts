import { describe, expect, it } from 'vitest';
import { callOutcomeTone, memberLine } from '../../renderer/src/chat/describe.js';
import { splitLinks } from '../../renderer/src/chat/links.js';
import { formatTime, setLocale } from '../../renderer/src/lib/i18n.js';
import type { Conversation, Message } from '../../renderer/src/lib/types.js';

// setLocale writes <html lang>; a bare stand-in is enough here.
(globalThis as { document?: unknown }).document = { documentElement: {} };

describe('links in messages', () => {
  it('makes http(s) URLs links and keeps every other character as text', () => {
    expect(splitLinks('see https://example.org/a?b=1. ok')).toEqual([
      { text: 'see ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: '. ok' },
    ]);
    expect(splitLinks('（http://例子.测试/路径）好')).toEqual([
      { text: '（' },
      { text: 'http://例子.测试/路径', href: 'http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84' },
      { text: '）好' },
    ]);
    expect(splitLinks('(https://en.wikipedia.org/wiki/Peace_(disambiguation))')).toEqual([
      { text: '(' },
      {
        text: 'https://en.wikipedia.org/wiki/Peace_(disambiguation)',
        href: 'https://en.wikipedia.org/wiki/Peace_(disambiguation)',
      },
      { text: ')' },
    ]);
  });

  it('never links other schemes', () => {
    for (const body of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'peace://x']) {
      expect(splitLinks(body)).toEqual([{ text: body }]);
    }
    expect(splitLinks('xhttps://evil.example').some((p) => 'href' in p)).toBe(false);
  });
});

const call = (outcome: string, sender: string) =>
  ({ kind: 'call', sender_id: sender, call: { call_id: 'c', outcome }, body: '' }) as unknown as Message;

describe('call entry tone', () => {
  it('is red only for calls that rang for me unanswered', () => {
    expect(callOutcomeTone(call('missed', 'them'), 'me')).toBe('missed');
    expect(callOutcomeTone(call('cancelled', 'them'), 'me')).toBe('missed');
    expect(callOutcomeTone(call('declined', 'them'), 'me')).toBe('neutral');
    expect(callOutcomeTone(call('missed', 'me'), 'me')).toBe('neutral');
    expect(callOutcomeTone(call('busy', 'me'), 'me')).toBe('neutral');
    expect(callOutcomeTone(call('ended', 'them'), 'me')).toBe('ended');
  });
});

describe('locale formats', () => {
  const at1327 = new Date(2026, 10, 29, 13, 27).toISOString();
  const now = new Date(2026, 10, 29, 18, 0);

  it('English times have no leading zero; Chinese ones use 24 hours', () => {
    setLocale('en');
    expect(formatTime(at1327, now)).toBe('1:27 PM');
    expect(formatTime(new Date(2026, 10, 29, 9, 5).toISOString(), now)).toBe('9:05 AM');
    setLocale('zh-CN');
    expect(formatTime(at1327, now)).toBe('13:27');
  });

  it("a group's header line names its members, me as You", () => {
    const group = {
      id: 'g',
      type: 'group',
      title: 'T',
      members: [
        { id: 'me', username: 'me', display_name: 'Me' },
        { id: 'a', username: 'a', display_name: 'Ann' },
      ],
    } as Conversation;
    setLocale('en');
    expect(memberLine(group, 'me')).toBe('You, Ann · 2 members');
    setLocale('zh-CN');
    expect(memberLine(group, 'me')).toBe('我、Ann · 2 位成员');
  });
});
