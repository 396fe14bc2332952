import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../main/ipc/validate-args.js';
import { roomUrl, startDesktop } from './desktop-harness.js';
import { FakeBrowserWindow, invokeFrom, nativeTheme } from './fake-electron.js';

/** The chat's theme choice reaches every window through nativeTheme (popups and call windows follow). */
describe('theme across windows', () => {
  it('the chat sets the theme every window follows', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('theme/set', 'dark')).toEqual({ ok: true, value: null });
    expect(nativeTheme.themeSource).toBe('dark');
    await fromMain('theme/set', 'system');
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('refuses unknown themes and callers other than the chat', async () => {
    const { fromMain } = startDesktop();
    expect(await fromMain('theme/set', 'neon')).toEqual({ ok: false, error: 'invalid_arguments' });
    expect(parseArgs('theme/set', ['light', 'extra'])).toBeNull();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const call = FakeBrowserWindow.all[FakeBrowserWindow.all.length - 1] as FakeBrowserWindow;
    expect(await invokeFrom(call, 'theme/set', ['light'])).toEqual({
      ok: false,
      error: 'sender_not_allowed',
    });
    expect(nativeTheme.themeSource).toBe('system');
  });
});
