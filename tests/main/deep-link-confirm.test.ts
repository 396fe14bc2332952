import { describe, expect, it, vi } from 'vitest';
import { startDesktop } from './desktop-harness.js';
import { app, dialog, fakeEvent } from './fake-electron.js';

const LINK = ['/opt/peace', 'peace-messenger://room/abcd-1234-efgh'];

describe('a peace-messenger://room link', () => {
  it('asks before joining, naming the room, with Cancel as the default', async () => {
    const { main } = startDesktop();
    app.emit('second-instance', fakeEvent(), LINK, '/');
    await vi.waitFor(() => expect(dialog.shown).toHaveLength(1));
    const asked = dialog.shown[0] as {
      buttons: string[];
      defaultId: number;
      cancelId: number;
      detail: string;
    };
    expect(asked.buttons).toEqual(['Join call', 'Cancel']);
    expect(asked.defaultId).toBe(1);
    expect(asked.cancelId).toBe(1);
    expect(asked.detail).toContain('abcd-1234-efgh');
    // Cancelled (the fake's default answer): the chat never hears of the link.
    await Promise.resolve();
    await Promise.resolve();
    expect(main.webContents.sentOn('deep-link/open')).toEqual([]);
  });

  it('joins only after "Join call"', async () => {
    const { main } = startDesktop();
    dialog.responses.push(1, 0);
    app.emit('second-instance', fakeEvent(), LINK, '/');
    app.emit('second-instance', fakeEvent(), ['/opt/peace', 'peace-messenger://room/wxyz-5678-room'], '/');
    await vi.waitFor(() => expect(main.webContents.sentOn('deep-link/open')).toEqual(['wxyz-5678-room']));
    expect(dialog.shown).toHaveLength(2);
  });

  it('asks in Chinese on a Chinese system', async () => {
    app.languages = ['zh-CN'];
    startDesktop();
    app.emit('second-instance', fakeEvent(), LINK, '/');
    await vi.waitFor(() => expect(dialog.shown).toHaveLength(1));
    expect((dialog.shown[0] as { buttons: string[] }).buttons).toEqual(['加入通话', '取消']);
  });
});
