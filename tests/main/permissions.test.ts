import { describe, expect, it } from 'vitest';
import { BACKEND, JITSI, roomUrl, startDesktop } from './desktop-harness.js';
import { FakeBrowserWindow, invokeFrom, session } from './fake-electron.js';

function request(contents: unknown, permission: string, requestingUrl: string, extra = {}) {
  let granted: boolean | undefined;
  session.defaultSession.permissionRequestHandler(contents, permission, (g: boolean) => (granted = g), {
    requestingUrl,
    isMainFrame: false,
    ...extra,
  });
  return granted;
}

describe('permission handlers', () => {
  it('grant camera and microphone to the Jitsi frame of a call window only', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const call = windows('call')[0]!.webContents;

    expect(request(call, 'media', `${JITSI}/abcd-1234-efgh`, { mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(request(call, 'display-capture', `${JITSI}/x`)).toBe(true);
    expect(request(call, 'fullscreen', `${JITSI}/x`)).toBe(true);
    expect(request(call, 'media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    expect(request(call, 'media', `${BACKEND}/room/abcd-1234-efgh`, { mediaTypes: ['video'] })).toBe(false);
    expect(request(call, 'geolocation', `${JITSI}/x`)).toBe(false);
    expect(request(main.webContents, 'media', `${JITSI}/x`, { mediaTypes: ['audio'] })).toBe(false);
    expect(request(main.webContents, 'notifications', `${BACKEND}/`)).toBe(false);
  });

  it('the check handler answers the same way', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const call = windows('call')[0]!.webContents;
    const check = session.defaultSession.permissionCheckHandler;
    expect(check(call, 'media', JITSI, { mediaType: 'video', isMainFrame: false })).toBe(true);
    expect(check(call, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: false })).toBe(
      false,
    );
    expect(check(null, 'media', JITSI, { isMainFrame: false })).toBe(false);
  });
});

describe('screen sharing', () => {
  function displayMedia(frame: unknown, securityOrigin: string) {
    return new Promise((resolve) =>
      session.defaultSession.displayMediaRequestHandler(
        { frame, securityOrigin, videoRequested: true, audioRequested: false, userGesture: true },
        resolve,
      ),
    );
  }

  it('offers screens and windows in a picker and shares the chosen one', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const call = windows('call')[0]!;
    const granted = displayMedia(call.webContents.mainFrame, JITSI);

    await new Promise((r) => setImmediate(r)); // the sources are listed asynchronously
    const [picker] = windows('screen-picker');
    expect(picker!.options).toMatchObject({ parent: call, modal: true });
    const offered = await invokeFrom(picker!, 'picker/get-sources');
    expect(offered.value.sources.map((s: any) => [s.id, s.kind])).toEqual([
      ['screen:0:0', 'screen'],
      ['window:42:0', 'window'],
    ]);
    await invokeFrom(picker!, 'picker/choose', ['window:42:0']);
    expect(await granted).toMatchObject({ video: { id: 'window:42:0', name: 'Editor' } });
    expect(picker!.destroyed).toBe(true);
  });

  it('closing the picker shares nothing', async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const granted = displayMedia(windows('call')[0]!.webContents.mainFrame, JITSI);
    await new Promise((r) => setImmediate(r));
    windows('screen-picker')[0]!.close();
    expect(await granted).toBeNull();
  });

  it('refuses requests from other origins and other windows without asking', async () => {
    const { fromMain, windows, main } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    expect(await displayMedia(windows('call')[0]!.webContents.mainFrame, 'https://evil.example')).toBeNull();
    expect(await displayMedia(main.webContents.mainFrame, JITSI)).toBeNull();
    expect(await displayMedia(new FakeBrowserWindow().webContents.mainFrame, JITSI)).toBeNull();
    expect(windows('screen-picker')).toHaveLength(0);
  });
});
