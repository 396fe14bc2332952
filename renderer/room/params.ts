import { ROOM_ID_PATTERN as ROOM_ID } from '../../contract/ids';

/** Validated parameters of a room link: `/room/{room_id}#jwt=…&server=…`. */
export interface RoomParams {
  room: string;
  jwt: string;
  /** Origin of the Jitsi server, e.g. `https://meet.example.org`. */
  server: string;
  /** What `JitsiMeetExternalAPI` calls the domain: host and port, no scheme. */
  domain: string;
}

/** Which parameters are missing or malformed, or what was found. */
export type ParamsResult =
  | { ok: true; params: RoomParams }
  | { ok: false; problems: ('room' | 'jwt' | 'server')[] };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function parseServer(raw: string | null): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Reads `room`, `jwt` and `server` from the page's own URL and nothing else: the room from the path
 * (or a `room` parameter), the other two from the fragment first, then the query (the original form).
 */
export function readRoomParams(location: Pick<Location, 'pathname' | 'search' | 'hash'>): ParamsResult {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(location.search);
  const pick = (name: string) => fragment.get(name) || query.get(name);
  const fromPath = /^\/room\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const room = fromPath ? decodeURIComponent(fromPath) : pick('room');
  const jwt = pick('jwt');
  const server = parseServer(pick('server'));

  const problems: ('room' | 'jwt' | 'server')[] = [];
  if (!room || !ROOM_ID.test(room)) problems.push('room');
  if (!jwt || !JWT_SHAPE.test(jwt)) problems.push('jwt');
  if (!server) problems.push('server');
  if (problems.length > 0 || !room || !jwt || !server) return { ok: false, problems };
  return { ok: true, params: { room, jwt, server: server.origin, domain: server.host } };
}
