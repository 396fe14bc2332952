import { describe, expect, it } from 'vitest';
import { startDesktop } from './desktop-harness.js';
import { Notification } from './fake-electron.js';

function notice(conversationId = 'conv-1', body = 'Lunch at noon?') {
  return { conversation_id: conversationId, title: 'Alice', body, sound: true };
}

/** The notifications still showing. */
const showing = () => Notification.all.filter((n) => n.shown && !n.closed);

describe('message notifications', () => {
  it('shows a native notification with the sender and the preview, with a sound', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('notification/show-message', notice())).toEqual({ ok: true, value: null });
    expect(showing()).toHaveLength(1);
    expect(showing()[0]!.options).toMatchObject({ title: 'Alice', body: 'Lunch at noon?', silent: false });
  });

  it("one per conversation: the next message replaces that conversation's notification", async () => {
    const { fromMain } = startDesktop();
    await fromMain('notification/show-message', notice('conv-1', 'first'));
    await fromMain('notification/show-message', notice('conv-2', 'elsewhere'));
    await fromMain('notification/show-message', notice('conv-1', 'second'));
    expect(showing().map((n) => n.options.body)).toEqual(['elsewhere', 'second']);
  });

  it('a click brings the chat forward and opens that conversation', async () => {
    const { fromMain, main } = startDesktop();
    main.hide();
    await fromMain('notification/show-message', notice('conv-7'));
    showing()[0]!.emit('click');
    expect(main.visible).toBe(true);
    expect(main.webContents.sentOn('notification/open-conversation')).toEqual(['conv-7']);
    expect(showing()).toHaveLength(0);
  });

  it('the chat closes a notification once the conversation is read', async () => {
    const { fromMain } = startDesktop();
    await fromMain('notification/show-message', notice('conv-1'));
    await fromMain('notification/dismiss-message', 'conv-1');
    expect(showing()).toHaveLength(0);
  });

  it('do-not-disturb silences them, and turning it on clears those already shown', async () => {
    const { fromMain, desktop } = startDesktop();
    await fromMain('notification/show-message', notice('conv-1'));
    const dnd = (desktop.tray.tray as any).menu.items.find((i: any) => i.type === 'checkbox');
    dnd.click({ checked: true });
    expect(showing()).toHaveLength(0);
    await fromMain('notification/show-message', notice('conv-2'));
    expect(Notification.all).toHaveLength(1);
  });

  it('do-not-disturb saved in the settings holds from the start', async () => {
    const { fromMain } = startDesktop(undefined, { doNotDisturb: true });
    await fromMain('notification/show-message', notice());
    expect(Notification.all).toHaveLength(0);
  });

  it('refuses malformed or oversized notices, showing nothing', async () => {
    const { fromMain } = startDesktop();
    const bad = [
      [{ ...notice(), body: 'x'.repeat(301) }],
      [{ ...notice(), title: '' }],
      [{ ...notice(), sound: 'yes' }],
      [{ title: 'Alice', body: 'hi', sound: false }],
      [],
    ];
    for (const args of bad) {
      expect(await fromMain('notification/show-message', ...args)).toEqual({
        ok: false,
        error: 'invalid_arguments',
      });
    }
    expect(Notification.all).toHaveLength(0);
  });
});
