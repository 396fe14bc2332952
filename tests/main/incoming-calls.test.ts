import { describe, expect, it } from 'vitest';
import { incomingCall, startDesktop } from './desktop-harness.js';
import { app, invokeFrom, Notification } from './fake-electron.js';

describe('incoming calls', () => {
  it('rings with a notification, an always-on-top frameless popup and a flashing window', async () => {
    const { fromMain, windows, main } = startDesktop();
    expect(await fromMain('incoming/show', incomingCall())).toEqual({ ok: true, value: null });

    const [popup] = windows('incoming-popup');
    expect(popup!.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true });
    expect(popup!.visible).toBe(true);
    expect(popup!.loadedFile).toMatch(/incoming-call\.html$/);
    expect(Notification.all).toHaveLength(1);
    expect(Notification.all[0]!.shown).toBe(true);
    expect(Notification.all[0]!.options).toMatchObject({
      title: 'Incoming video call',
      body: 'Alice is calling you',
    });
    expect(main.flashing).toBe(true);
    // The popup learns what to show from main, not from its URL.
    expect(await invokeFrom(popup!, 'popup/get-view')).toEqual({
      ok: true,
      value: { callId: 'call-1', callerName: 'Alice', language: 'en' },
    });
  });

  it('dismissIncomingCall stops everything at once: popup, notification, flashing', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    const [popup] = windows('incoming-popup');

    await fromMain('incoming/dismiss', 'call-1');
    expect(popup!.destroyed).toBe(true);
    expect(Notification.all[0]!.closed).toBe(true);
    expect(main.flashing).toBe(false);
    expect(main.webContents.sentOn('incoming/action')).toEqual([]);
  });

  it('Accept in the popup tells the chat and stops ringing; the popup cannot answer twice', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    const [popup] = windows('incoming-popup');

    expect(await invokeFrom(popup!, 'popup/answer', [true])).toEqual({ ok: true, value: null });
    expect(main.webContents.sentOn('incoming/action')).toEqual([{ call_id: 'call-1', accepted: true }]);
    expect(popup!.destroyed).toBe(true);
    expect(Notification.all[0]!.closed).toBe(true);
    expect(main.visible).toBe(true);
  });

  it('Decline from the notification button answers the same way', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    Notification.all[0]!.emit('action', {}, 1);
    expect(main.webContents.sentOn('incoming/action')).toEqual([{ call_id: 'call-1', accepted: false }]);
    expect(windows('incoming-popup')).toHaveLength(0);
  });

  it('a repeated invitation does not ring twice', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    await fromMain('incoming/show', incomingCall());
    expect(windows('incoming-popup')).toHaveLength(1);
    expect(Notification.all).toHaveLength(1);
  });

  it('do-not-disturb (tray menu) shows the call silently: no popup, no flashing, the chat muted', async () => {
    const { fromMain, windows, main, desktop } = startDesktop();
    const dnd = desktop.tray.tray as any;
    const item = dnd.menu.items.find((i: any) => i.type === 'checkbox');
    item.click({ checked: true });
    expect(desktop.incomingCalls.doNotDisturb).toBe(true);

    await fromMain('incoming/show', incomingCall());
    expect(windows('incoming-popup')).toHaveLength(0);
    expect(main.flashing).toBe(false);
    expect(Notification.all[0]!.options.silent).toBe(true);
    expect(main.webContents.audioMuted).toBe(true);

    await fromMain('incoming/dismiss', 'call-1');
    expect(main.webContents.audioMuted).toBe(false);
    expect(Notification.all[0]!.closed).toBe(true);
    // Never answered for the user: other devices keep ringing.
    expect(main.webContents.sentOn('incoming/action')).toEqual([]);
  });

  it('speaks Chinese on a Chinese system', async () => {
    app.languages = ['zh-CN'];
    const { fromMain } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    expect(Notification.all[0]!.options).toMatchObject({ title: '视频来电', body: 'Alice 正在呼叫你' });
  });
});
