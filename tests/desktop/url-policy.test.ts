import { describe, expect, it } from 'vitest';
import {
  acceptableJitsiOrigin,
  checkRoomUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isSenderUrlAllowed,
  isSubframeNavigationAllowed,
  originOf,
} from '../../main/policy/url-policy.js';

const backend = 'http://127.0.0.1:8080';
const jitsi = 'https://meet.example.org';
const room = (hash: string, path = '/room/abcd-1234-efgh') => `${backend}${path}${hash}`;

describe('room_url policy', () => {
  it('accepts the backend room page naming the configured Jitsi (fragment form)', () => {
    expect(checkRoomUrl(room(`#jwt=x.y.z&server=${jitsi}`), backend, jitsi)).toEqual({
      ok: true,
      roomId: 'abcd-1234-efgh',
      jitsiOrigin: jitsi,
    });
  });

  it('accepts the query form the room page also reads', () => {
    expect(checkRoomUrl(room(`?jwt=x&server=${encodeURIComponent(jitsi)}`), backend, jitsi).ok).toBe(true);
  });

  it('refuses a page on another origin', () => {
    expect(checkRoomUrl(`https://evil.example/room/abcd-1234-efgh#server=${jitsi}`, backend, jitsi)).toEqual({
      ok: false,
      error: 'room_url_not_allowed',
    });
  });

  it('refuses other backend paths and malformed room ids', () => {
    expect(checkRoomUrl(room(`#server=${jitsi}`, '/'), backend, jitsi).ok).toBe(false);
    expect(checkRoomUrl(room(`#server=${jitsi}`, '/room/SHORT'), backend, jitsi).ok).toBe(false);
    expect(checkRoomUrl(room(`#server=${jitsi}`, '/room/abcd-1234-efgh/../x'), backend, jitsi).ok).toBe(
      false,
    );
    expect(checkRoomUrl('not a url', backend, jitsi).ok).toBe(false);
  });

  it('refuses a Jitsi server other than the configured one', () => {
    expect(checkRoomUrl(room('#server=https://other.example'), backend, jitsi)).toEqual({
      ok: false,
      error: 'jitsi_server_not_allowed',
    });
    expect(checkRoomUrl(room('#jwt=x'), backend, jitsi).ok).toBe(false);
  });

  it('without a configured Jitsi, any HTTPS server passes but plain HTTP elsewhere does not', () => {
    expect(checkRoomUrl(room('#server=https://any.example'), backend, null)).toMatchObject({
      ok: true,
      jitsiOrigin: 'https://any.example',
    });
    expect(checkRoomUrl(room('#server=http://any.example'), backend, null).ok).toBe(false);
    expect(checkRoomUrl(room('#server=javascript:alert(1)'), backend, null).ok).toBe(false);
  });

  it('a local Jitsi over plain HTTP is allowed on loopback only', () => {
    expect(acceptableJitsiOrigin('http://localhost:8443/x')).toBe('http://localhost:8443');
    expect(acceptableJitsiOrigin('http://10.0.0.5')).toBeNull();
  });
});

describe('navigation and links', () => {
  it('the main window stays on the backend outside room pages; call windows on room pages', () => {
    expect(isNavigationAllowed('main', `${backend}/`, backend)).toBe(true);
    expect(isNavigationAllowed('main', `${backend}/room/abcd-1234-efgh`, backend)).toBe(false);
    expect(isNavigationAllowed('main', 'https://evil.example/', backend)).toBe(false);
    expect(isNavigationAllowed('call', `${backend}/room/abcd-1234-efgh#jwt=x`, backend)).toBe(true);
    expect(isNavigationAllowed('call', `${backend}/`, backend)).toBe(false);
    expect(isNavigationAllowed('incoming-popup', `${backend}/`, backend)).toBe(false);
  });

  it('only http and https links go to the system browser', () => {
    expect(isExternalLinkAllowed('https://jitsi.org/help')).toBe(true);
    expect(isExternalLinkAllowed('http://example.org')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'ms-settings:',
      'nope',
    ]) {
      expect(isExternalLinkAllowed(url)).toBe(false);
    }
    expect(isExternalLinkAllowed('https://user:pw@example.org')).toBe(false);
  });

  it('local pages are trusted only as the app’s own files', () => {
    const pages = 'file:///opt/app/dist/pages/';
    expect(isSenderUrlAllowed('incoming-popup', `${pages}incoming-call.html`, backend, pages)).toBe(true);
    expect(isSenderUrlAllowed('incoming-popup', `${pages}screen-picker.html`, backend, pages)).toBe(false);
    expect(isSenderUrlAllowed('screen-picker', `${pages}screen-picker.html`, backend, pages)).toBe(true);
    expect(isSenderUrlAllowed('incoming-popup', 'file:///tmp/incoming-call.html', backend, pages)).toBe(
      false,
    );
    expect(isSenderUrlAllowed('main', `${backend}/`, backend, pages)).toBe(true);
    expect(isSenderUrlAllowed('main', 'https://evil.example/', backend, pages)).toBe(false);
  });
});

describe('frames and origins', () => {
  it('only a call window frames anything: its Jitsi origin, and what Jitsi frames over https', () => {
    const cases: [Parameters<typeof isSubframeNavigationAllowed>, boolean][] = [
      // Empty frames are harmless everywhere.
      [['main', 'about:blank', null, false], true],
      [['settings', 'about:srcdoc', null, false], true],
      [['call', 'about:blank', jitsi, false], true],
      // The chat and the local pages frame nothing, not even the Jitsi origin.
      [['main', `${jitsi}/room`, jitsi, false], false],
      [['incoming-popup', `${jitsi}/room`, jitsi, true], false],
      // A call window frames its own Jitsi origin, but not another one directly.
      [['call', `${jitsi}/room`, jitsi, false], true],
      [['call', 'https://other.example/x', jitsi, false], false],
      [['call', `${jitsi}/room`, null, false], false],
      // What Jitsi's page frames in turn: https only.
      [['call', 'https://www.youtube.com/embed/x', jitsi, true], true],
      [['call', 'http://www.youtube.com/embed/x', jitsi, true], false],
      [['call', 'not a url', jitsi, true], false],
    ];
    for (const [args, allowed] of cases)
      expect(isSubframeNavigationAllowed(...args), args.join(' ')).toBe(allowed);
  });

  it('an origin only for URLs that have one', () => {
    expect(originOf('https://meet.example.org/x?y#z')).toBe('https://meet.example.org');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('nope')).toBeNull();
  });

  it('plain HTTP Jitsi only on this machine: localhost, 127.0.0.1 and [::1]', () => {
    expect(acceptableJitsiOrigin('http://127.0.0.1:8000/x')).toBe('http://127.0.0.1:8000');
    expect(acceptableJitsiOrigin('http://[::1]:8000/x')).toBe('http://[::1]:8000');
    expect(acceptableJitsiOrigin('ftp://127.0.0.1/')).toBeNull();
    expect(acceptableJitsiOrigin('nope')).toBeNull();
  });

  it('says why a room_url was refused', () => {
    expect(checkRoomUrl('nope', backend, jitsi)).toEqual({ ok: false, error: 'room_url_not_allowed' });
    expect(checkRoomUrl(`${backend}/room/abcd-1234-efgh`, backend, jitsi)).toEqual({
      ok: false,
      error: 'jitsi_server_not_allowed',
    });
  });

  it('each local page is trusted only in its own window', () => {
    const pages = 'file:///opt/app/dist/pages/';
    expect(isSenderUrlAllowed('settings', `${pages}settings.html?x=1#y`, backend, pages)).toBe(true);
    expect(isSenderUrlAllowed('settings', `${pages}incoming-call.html`, backend, pages)).toBe(false);
    expect(isSenderUrlAllowed('settings', `${backend}/settings.html`, backend, pages)).toBe(false);
    expect(isSenderUrlAllowed('settings', 'nope', backend, pages)).toBe(false);
    expect(isSenderUrlAllowed('call', `${backend}/room/abcd-1234-efgh`, backend, pages)).toBe(true);
    expect(isSenderUrlAllowed('call', `${backend}/`, backend, pages)).toBe(false);
    expect(isNavigationAllowed('main', 'nope', backend)).toBe(false);
  });
});
