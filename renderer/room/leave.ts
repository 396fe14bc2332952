/**
 * Tells the backend this participant left the room: `POST /room/{room_id}/leave` with `{jwt}` on the
 * page's own origin (the Jitsi token identifies the user and the room; the page has no socket).
 * A beacon survives the window closing right after.
 */
export function reportLeave(room: string, jwt: string): void {
  const path = `/room/${encodeURIComponent(room)}/leave`;
  const body = JSON.stringify({ jwt });
  const sent = navigator.sendBeacon?.(path, new Blob([body], { type: 'application/json' }));
  if (!sent) {
    fetch(path, {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'content-type': 'application/json' },
    }).catch(() => undefined);
  }
}
