import { describe, expect, it, vi } from 'vitest';
import { DeepLinkInbox } from '../../main/deep-links.js';
import { start } from '../../main/start.js';
import { BACKEND, startDesktop } from './desktop-harness.js';
import { app, FakeBrowserWindow, fakeEvent, ipcMain, shell } from './fake-electron.js';

describe('start-up', () => {
  it('sandboxes every renderer, registers the deep-link scheme and opens the chat from the backend', async () => {
    start();
    expect(app.sandboxed).toBe(true);
    expect(app.protocols).toContain('peace-messenger');
    await new Promise((r) => setImmediate(r)); // whenReady()
    const [main] = FakeBrowserWindow.all;
    expect(main!.loadedUrl).toBe('http://127.0.0.1:8080/');
    expect(ipcMain.handlers.size).toBeGreaterThan(0);
  });
});

describe('main window and tray', () => {
  it('closing the main window hides it to the tray; Quit really closes it', () => {
    const { main, desktop } = startDesktop();
    main.close();
    expect(main.destroyed).toBe(false);
    expect(main.visible).toBe(false);

    const tray = desktop.tray.tray as any;
    tray.emit('click');
    expect(main.visible).toBe(true);

    const quit = tray.menu.items.find((i: any) => i.label === 'Quit');
    quit.click();
    expect(app.quitCalls).toBe(1);
    app.emit('before-quit');
    main.close();
    expect(main.destroyed).toBe(true);
  });

  it('the tray menu offers open, do not disturb, settings and quit; unread and in-call show on icon and badge', async () => {
    const { fromMain, desktop } = startDesktop();
    const tray = desktop.tray.tray as any;
    expect(tray.menu.items.map((i: any) => i.label ?? i.type)).toEqual([
      'Open Peace Messenger',
      'Do not disturb',
      'Settings…',
      'separator',
      'Quit',
    ]);
    await fromMain('tray/set-state', { unread: 4, inCall: true });
    expect(app.badgeCount).toBe(4);
    expect(tray.toolTip).toBe('Peace Messenger · In a call · 4 unread');
  });
});

describe('security guards', () => {
  it('new windows are denied; http(s) links open in the system browser, other schemes nowhere', () => {
    const { main } = startDesktop();
    const open = main.webContents.windowOpenHandler!;
    expect(open({ url: 'https://jitsi.org/help' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://jitsi.org/help']);
  });

  it('the chat cannot be navigated away from the backend; a foreign link goes to the browser', () => {
    const { main } = startDesktop();
    const navigate = (url: string) => {
      const event = fakeEvent();
      main.webContents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate(`${BACKEND}/`)).toBe(false);
    expect(navigate('https://example.org/article')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(shell.opened).toEqual(['https://example.org/article']);
  });

  it('refuses <webview> everywhere', () => {
    const { main } = startDesktop();
    const event = fakeEvent();
    main.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('deep links', () => {
  it('a link on a second instance command line reaches the chat and brings it forward', () => {
    const { main } = startDesktop();
    main.hide();
    app.emit('second-instance', fakeEvent(), ['/opt/peace', 'peace-messenger://room/abcd-1234-efgh'], '/');
    expect(main.webContents.sentOn('deep-link/open')).toEqual(['abcd-1234-efgh']);
    expect(main.visible).toBe(true);
  });

  it('links that arrive before the chat has loaded (macOS open-url at launch) wait for it', () => {
    const inbox = new DeepLinkInbox();
    const delivered: string[] = [];
    inbox.receiveUrl('peace-messenger://room/wxyz-5678-room');
    inbox.receiveUrl('https://not-a-deep-link.example');
    inbox.connect((roomId) => delivered.push(roomId));
    expect(delivered).toEqual([]);
    inbox.markReady();
    inbox.receiveArgv(['peace', 'peace-messenger://room/abcd-1234-efgh']);
    expect(delivered).toEqual(['wxyz-5678-room', 'abcd-1234-efgh']);
  });
});

describe('backend not reachable yet', () => {
  it('the chat keeps retrying the backend, but not after a navigation was merely replaced', () => {
    vi.useFakeTimers();
    try {
      const { main } = startDesktop();
      main.loadedUrl = null;
      main.webContents.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', `${BACKEND}/`, true);
      vi.runOnlyPendingTimers();
      expect(main.loadedUrl).toBeNull();
      main.webContents.emit(
        'did-fail-load',
        fakeEvent(),
        -102,
        'ERR_CONNECTION_REFUSED',
        `${BACKEND}/`,
        true,
      );
      vi.runOnlyPendingTimers();
      expect(main.loadedUrl).toBe(`${BACKEND}/`);
    } finally {
      vi.useRealTimers();
    }
  });
});
