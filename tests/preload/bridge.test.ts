import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../contract/desktop-bridge.js';
import { BACKEND, incomingCall, roomUrl, startDesktop } from '../main/desktop-harness.js';
import { app, contextBridge, ipcRenderer, Notification } from '../main/fake-electron.js';

// The preloads run once, as in a page: they expose their APIs through the (fake) contextBridge.
await import('../../preload/index.js');
await import('../../preload/local-page.js');
const bridge = contextBridge.exposed.peaceDesktop as DesktopBridge;
const local = contextBridge.exposed.peaceLocal;

beforeEach(() => {
  app.userData = mkdtempSync(join(tmpdir(), 'peace-user-data-'));
});

describe('window.peaceDesktop', () => {
  it('exposes exactly the intention-level API of DesktopBridge, no raw channel', () => {
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'platform',
        'getConfig',
        'openCallWindow',
        'closeCallWindow',
        'showIncomingCall',
        'dismissIncomingCall',
        'onIncomingCallAction',
        'onCallWindowClosed',
        'onDeepLink',
        'showMessageNotification',
        'dismissMessageNotification',
        'onOpenConversation',
        'setTrayState',
        'getSessionToken',
        'setSessionToken',
        'reportCallEnded',
        'setTheme',
      ].sort(),
    );
    expect(bridge.platform).toBe('linux');
  });

  it('reaches main through the contract: config, call windows, session token', async () => {
    const { main, windows } = startDesktop();
    ipcRenderer.window = main;
    expect(await bridge.getConfig()).toEqual({ serverUrl: BACKEND, language: 'en' });
    expect(await bridge.openCallWindow(roomUrl(), 'call-1')).toEqual({ ok: true });
    expect(await bridge.openCallWindow('https://evil.example/room/abcd-1234-efgh', 'call-2')).toEqual({
      ok: false,
      error: 'room_url_not_allowed',
    });
    expect(windows('call')).toHaveLength(1);
    await bridge.setSessionToken('secret-access-token');
    expect(await bridge.getSessionToken()).toBe('secret-access-token');
  });

  it('a refused fire-and-forget call resolves quietly; a refused query rejects with its code', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    ipcRenderer.window = windows('call')[0]!;
    await expect(bridge.showIncomingCall(incomingCall())).resolves.toBeUndefined();
    await expect(bridge.getSessionToken()).rejects.toThrow('sender_not_allowed');
    await bridge.reportCallEnded();
    expect(windows('call')).toHaveLength(0);
  });

  it('a message notification goes through the bridge, and its click comes back as a conversation to open', async () => {
    const { main } = startDesktop();
    ipcRenderer.window = main;
    const notice = { conversation_id: 'conv-1', title: 'Alice', body: 'hi', sound: false };
    await bridge.showMessageNotification?.(notice);
    const [shown] = Notification.all;
    expect(shown?.options).toMatchObject({ title: 'Alice', body: 'hi', silent: true });
    const opened: string[] = [];
    bridge.onOpenConversation?.((id) => opened.push(id));
    shown?.emit('click');
    // Main sent it to the chat window; the fake delivers it to the page's ipcRenderer by hand.
    for (const id of main.webContents.sentOn('notification/open-conversation'))
      ipcRenderer.emit('notification/open-conversation', id);
    expect(opened).toEqual(['conv-1']);
  });

  it('keeps a deep link that arrives before the page listens, then delivers live ones', () => {
    ipcRenderer.emit('deep-link/open', 'wxyz-5678-room');
    const received: string[] = [];
    const unsubscribe = bridge.onDeepLink((roomId) => received.push(roomId));
    ipcRenderer.emit('deep-link/open', 'abcd-1234-efgh');
    unsubscribe();
    ipcRenderer.emit('deep-link/open', 'late-link-0000');
    expect(received).toEqual(['wxyz-5678-room', 'abcd-1234-efgh']);
  });
});

describe('window.peaceLocal (incoming-call popup)', () => {
  it('the popup reads its call and answers it', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('incoming/show', incomingCall());
    ipcRenderer.window = windows('incoming-popup')[0]!;
    expect(await local.incomingCall.getView()).toMatchObject({ callerName: 'Alice' });
    await local.incomingCall.answer(false);
    expect(main.webContents.sentOn('incoming/action')).toEqual([{ call_id: 'call-1', accepted: false }]);
  });
});
