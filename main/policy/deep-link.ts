/** Deep links `peace-messenger://room/{room_id}`: parsing only, no Electron. */

import { ROOM_ID_PATTERN as ROOM_ID } from '../../contract/ids.js';

/** The URL scheme the app registers with the operating system. */
export const DEEP_LINK_SCHEME = 'peace-messenger';

/** The room id a deep link points at, or null for anything else. */
export function parseDeepLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // Non-special schemes keep "room" as the host; some launchers hand over `peace-messenger:room/…`.
  const path = parsed.host ? `${parsed.host}${parsed.pathname}` : parsed.pathname.replace(/^\/+/, '');
  const match = /^room\/([^/]+)\/?$/.exec(path);
  const roomId = match?.[1] ? decodeURIComponent(match[1]).toLowerCase() : null;
  return roomId && ROOM_ID.test(roomId) ? roomId : null;
}

/** The first deep link in a command line (Windows and Linux pass it as an argument). */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const roomId = parseDeepLink(arg);
    if (roomId) return roomId;
  }
  return null;
}
