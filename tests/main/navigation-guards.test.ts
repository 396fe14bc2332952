import { describe, expect, it } from 'vitest';
import { BACKEND, JITSI, roomUrl, startDesktop } from './desktop-harness.js';
import { shell } from './fake-electron.js';

/** A frame as Electron's details give it: `depth` 0 is the main frame, 1 its iframe, 2 an iframe in that. */
function frameAt(depth: number): { parent: unknown } | null {
  let frame: { parent: unknown } | null = null;
  for (let i = 0; i <= depth; i++) frame = { parent: frame };
  return frame;
}

/** Emits `event` with Electron's details object; says whether the guard stopped it. */
function attempt(
  contents: NodeJS.EventEmitter,
  event: 'will-redirect' | 'will-frame-navigate',
  url: string,
  depth = 0,
): 'allowed' | 'blocked' {
  const details = {
    url,
    isMainFrame: depth === 0,
    frame: frameAt(depth),
    defaultPrevented: false,
    preventDefault() {
      details.defaultPrevented = true;
    },
  };
  contents.emit(event, details);
  return details.defaultPrevented ? 'blocked' : 'allowed';
}

describe('redirect and frame navigation guards', () => {
  it('a server redirect cannot take the chat off the backend or into a room page', () => {
    const { main } = startDesktop();
    expect(attempt(main.webContents, 'will-redirect', `${BACKEND}/index.html`)).toBe('allowed');
    expect(attempt(main.webContents, 'will-redirect', 'https://evil.example/phish')).toBe('blocked');
    expect(attempt(main.webContents, 'will-redirect', `${BACKEND}/room/abcd-1234-efgh`)).toBe('blocked');
    expect(attempt(main.webContents, 'will-redirect', 'file:///etc/passwd')).toBe('blocked');
    // Blocked, not handed to the browser: a redirect is the server's choice, not a link the user followed.
    expect(shell.opened).toEqual([]);
  });

  it('the chat frames nothing: an injected iframe cannot navigate anywhere', () => {
    const { main } = startDesktop();
    expect(attempt(main.webContents, 'will-frame-navigate', 'https://evil.example/', 1)).toBe('blocked');
    expect(attempt(main.webContents, 'will-frame-navigate', `${BACKEND}/`, 1)).toBe('blocked');
    expect(attempt(main.webContents, 'will-frame-navigate', 'about:blank', 1)).toBe('allowed');
    // The main frame is will-navigate's business (tested in app-shell.test.ts), not this guard's.
    expect(attempt(main.webContents, 'will-frame-navigate', `${BACKEND}/`, 0)).toBe('allowed');
  });

  it("a call window frames its own Jitsi origin, and Jitsi's https frames inside it", async () => {
    const { fromMain, windows } = startDesktop();
    await fromMain('call/open-window', roomUrl(), 'call-1');
    const [call] = windows('call');
    const contents = call!.webContents;
    expect(attempt(contents, 'will-frame-navigate', `${JITSI}/abcd-1234-efgh#config`, 1)).toBe('allowed');
    expect(attempt(contents, 'will-frame-navigate', 'https://other-jitsi.example/room', 1)).toBe('blocked');
    expect(attempt(contents, 'will-frame-navigate', 'https://www.youtube.com/embed/x', 2)).toBe('allowed');
    expect(attempt(contents, 'will-frame-navigate', 'http://insecure.example/', 2)).toBe('blocked');
    expect(attempt(contents, 'will-redirect', 'https://other-jitsi.example/room', 1)).toBe('blocked');
    expect(attempt(contents, 'will-redirect', 'https://evil.example/', 0)).toBe('blocked');
    expect(attempt(contents, 'will-redirect', roomUrl(), 0)).toBe('allowed');
  });
});
