import { describe, expect, it } from 'vitest';
import {
  acceptableJitsiOrigin,
  checkRoomUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isSenderUrlAllowed,
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
