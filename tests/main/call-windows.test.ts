import { describe, expect, it } from 'vitest';
import { BACKEND, roomUrl, startDesktop } from './desktop-harness.js';
import { invokeFrom } from './fake-electron.js';

describe('call windows', () => {
  it('opens one sandboxed window per call at its room_url, and focuses it when opened again', async () => {
    const { fromMain, windows } = startDesktop();
    expect(await fromMain('call/open-window', roomUrl(), 'call-1')).toEqual({ ok: true, value: null });
    expect(await fromMain('call/open-window', roomUrl(), 'call-1')).toEqual({ ok: true, value: null });

    const calls = windows('call');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.loadedUrl).toBe(roomUrl());
    expect(calls[0]!.focusCount).toBe(1);
    expect(calls[0]!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('a second call gets its own window', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    await fromMain('call/open-window', roomUrl('wxyz-5678-room'), 'call-2');
    expect(windows('call')).toHaveLength(2);
  });

  it('refuses a room_url on another origin or naming another Jitsi server, opening nothing', async () => {
    const { fromMain, windows } = startDesktop();
    expect(
      await fromMain('call/open-window', roomUrl(undefined, undefined, 'https://evil.example'), 'c'),
    ).toEqual({
      ok: false,
      error: 'room_url_not_allowed',
    });
    expect(
      await fromMain('call/open-window', roomUrl(undefined, 'https://other-jitsi.example'), 'c'),
    ).toEqual({
      ok: false,
      error: 'jitsi_server_not_allowed',
    });
    expect(windows('call')).toHaveLength(0);
  });

  it('without a configured Jitsi, pins the first HTTPS server and refuses a different one later', async () => {
    const { fromMain, windows } = startDesktop(null);
    expect((await fromMain('call/open-window', roomUrl(undefined, 'https://first.example'), 'c1')).ok).toBe(
      true,
    );
    expect(
      await fromMain('call/open-window', roomUrl('wxyz-5678-room', 'https://second.example'), 'c2'),
    ).toEqual({
      ok: false,
      error: 'jitsi_server_not_allowed',
    });
    expect(windows('call')).toHaveLength(1);
  });

  it('closes when the room page reports the call ended, and tells the chat', async () => {
    const { fromMain, windows, main, desktop } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    expect(desktop.tray.state().inCall).toBe(true);
    const [call] = windows('call');

    expect(await invokeFrom(call!, 'call/report-ended')).toEqual({ ok: true, value: null });
    expect(call!.destroyed).toBe(true);
    expect(main.webContents.sentOn('call/window-closed')).toEqual(['call-1']);
    expect(desktop.tray.state().inCall).toBe(false);
  });

  it('tells the chat when the user closes a call window, and the chat can close one', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    await fromMain('call/open-window', roomUrl('wxyz-5678-room'), 'call-2');
    windows('call')[0]!.close();
    expect(await fromMain('call/close-window', 'call-2')).toEqual({ ok: true, value: null });
    expect(main.webContents.sentOn('call/window-closed')).toEqual(['call-1', 'call-2']);
    expect(await fromMain('call/close-window', 'call-2')).toEqual({ ok: false, error: 'no_such_window' });
  });

  it('keeps a call window on its room page: other navigation is blocked', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const [call] = windows('call');
    const navigate = (url: string) => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      call!.webContents.emit('will-navigate', event, url);
      return event.defaultPrevented ? 'blocked' : 'allowed';
    };
    expect(navigate(`${BACKEND}/room/abcd-1234-efgh#jwt=x`)).toBe('allowed');
    expect(navigate(`${BACKEND}/`)).toBe('blocked');
    expect(navigate('https://evil.example/')).toBe('blocked');
  });
});
