import { describe, expect, it } from 'vitest';
import { argumentParsers } from '../../main/ipc/validate-args.js';
import { BACKEND, roomUrl, startDesktop } from './desktop-harness.js';
import { FakeBrowserWindow, invokeFrom, ipcMain } from './fake-electron.js';

describe('IPC trust checks', () => {
  it('registers a handler for every channel of the contract', () => {
    startDesktop();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(argumentParsers).sort());
  });

  it('answers the chat with its configuration', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('config/get')).toEqual({ ok: true, value: { serverUrl: BACKEND, language: 'en' } });
  });

  it('refuses a call from a window that is not ours', async () => {
    startDesktop();
    const stranger = new FakeBrowserWindow();
    await stranger.loadURL(`${BACKEND}/`);
    expect(await invokeFrom(stranger, 'call/open-window', [roomUrl(), 'c1'])).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
    expect(await invokeFrom(stranger, 'session/get-token')).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
  });

  it('refuses the main window when it shows another origin, and messages from subframes', async () => {
    const { main } = startDesktop();
    expect(await invokeFrom(main, 'session/get-token', [], { url: 'https://evil.example/' })).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
    expect(await invokeFrom(main, 'session/get-token', [], { parent: {} })).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
  });

  it('a call window may report its end but not drive the app', async () => {
    const { fromMain } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const call = FakeBrowserWindow.all[FakeBrowserWindow.all.length - 1]!;
    for (const channel of ['call/open-window', 'incoming/show', 'session/get-token', 'tray/set-state']) {
      expect(await invokeFrom(call, channel, [])).toEqual({ ok: false, error: 'sender_not_allowed' });
    }
  });

  it('the chat may not pretend to be the room page or a popup', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('call/report-ended')).toEqual({ ok: false, error: 'sender_not_allowed' });
    expect(await fromMain('popup/answer', true)).toEqual({ ok: false, error: 'sender_not_allowed' });
    expect(await fromMain('picker/choose', 'screen:0:0')).toEqual({ ok: false, error: 'sender_not_allowed' });
  });

  it('answers malformed arguments with invalid_arguments instead of throwing', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('call/open-window', { url: roomUrl() })).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(await fromMain('incoming/show', { call_id: 'x' })).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(await fromMain('tray/set-state', { unread: 'many' })).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
  });
});
