/**
 * Which URLs each window may load, navigate to or hand to the system browser. Pure functions: the
 * security module and the call windows ask them, tests drive them without Electron.
 */

import { ROOM_ID_PATTERN } from '../../contract/ids.js';

/** `/room/{room_id}`, the room id captured (ROOM_ID_PATTERN without its anchors). */
const ROOM_PATH = new RegExp(`^/room/(${ROOM_ID_PATTERN.source.slice(1, -1)})/?$`);

/** The origin of `url`, or null when it does not parse or has an opaque origin. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * A Jitsi origin the app may trust with camera and microphone: HTTPS, or plain HTTP on this machine
 * only (a developer's local Jitsi). Returns the normalised origin or null.
 */
export function acceptableJitsiOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return parsed.origin;
    if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return parsed.origin;
    return null;
  } catch {
    return null;
  }
}

export type RoomUrlCheck =
  | { ok: true; roomId: string; jitsiOrigin: string }
  | { ok: false; error: 'room_url_not_allowed' | 'jitsi_server_not_allowed' };

/**
 * Checks a backend `room_url` before a call window loads it: the page must be the configured
 * backend's `/room/{room_id}`, and its `server` parameter (fragment or query, as the room page reads
 * it) must be the allowed Jitsi origin. `allowedJitsiOrigin` null means "not configured": any
 * acceptable (HTTPS) origin passes and the caller pins it (see call windows).
 */
export function checkRoomUrl(
  roomUrl: string,
  backendOrigin: string,
  allowedJitsiOrigin: string | null,
): RoomUrlCheck {
  let url: URL;
  try {
    url = new URL(roomUrl);
  } catch {
    return { ok: false, error: 'room_url_not_allowed' };
  }
  const match = ROOM_PATH.exec(url.pathname);
  if (url.origin !== backendOrigin || !match?.[1] || url.username || url.password) {
    return { ok: false, error: 'room_url_not_allowed' };
  }
  const fragment = new URLSearchParams(url.hash.slice(1));
  const server = fragment.get('server') ?? url.searchParams.get('server');
  const jitsiOrigin = server ? acceptableJitsiOrigin(server) : null;
  if (!jitsiOrigin || (allowedJitsiOrigin !== null && jitsiOrigin !== allowedJitsiOrigin)) {
    return { ok: false, error: 'jitsi_server_not_allowed' };
  }
  return { ok: true, roomId: match[1], jitsiOrigin };
}

/** Links web content may hand to the system browser: plain http and https, nothing else. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol, username, password } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && !username && !password;
  } catch {
    return false;
  }
}

/** The kinds of windows the app opens; each has its own rules. */
export type WindowRole = 'main' | 'call' | 'incoming-popup' | 'screen-picker' | 'settings';

/** The local page each local-page role shows. */
const LOCAL_PAGES: Record<Exclude<WindowRole, 'main' | 'call'>, string> = {
  'incoming-popup': 'incoming-call.html',
  'screen-picker': 'screen-picker.html',
  settings: 'settings.html',
};

/**
 * Whether a top-level navigation of a window of `role` to `url` stays in the app. The chat stays
 * on the backend origin (outside /room/), a call window on the backend's room pages; local pages
 * never navigate.
 */
export function isNavigationAllowed(role: WindowRole, url: string, backendOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== backendOrigin) return false;
  const isRoom = ROOM_PATH.test(parsed.pathname);
  if (role === 'main') return !isRoom;
  if (role === 'call') return isRoom;
  return false;
}

/**
 * Whether an IPC message from a frame at `senderUrl` may come from a window of `role`: the main
 * window and call windows must show backend pages (a call window its room page), local pages must
 * be the app's own file.
 */
export function isSenderUrlAllowed(
  role: WindowRole,
  senderUrl: string,
  backendOrigin: string,
  pagesDirUrl: string,
): boolean {
  if (role === 'main' || role === 'call') return isNavigationAllowed(role, senderUrl, backendOrigin);
  const file = LOCAL_PAGES[role];
  try {
    const parsed = new URL(senderUrl);
    parsed.search = '';
    parsed.hash = '';
    return parsed.protocol === 'file:' && parsed.href === new URL(file, pagesDirUrl).href;
  } catch {
    return false;
  }
}

/**
 * Whether a sub-frame (an iframe) of a window of `role` may navigate to `url`. Only a call window
 * frames anything: its room page frames the call window's Jitsi origin, and what Jitsi's own page
 * frames in turn (`nested`, e.g. a shared video) is left to Jitsi's CSP, provided it is https. The chat
 * and the local pages frame nothing, so an injected iframe goes nowhere. Empty frames stay allowed.
 */
export function isSubframeNavigationAllowed(
  role: WindowRole,
  url: string,
  jitsiOrigin: string | null,
  nested: boolean,
): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (role !== 'call') return false;
  if (jitsiOrigin !== null && originOf(url) === jitsiOrigin) return true;
  try {
    return nested && new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
