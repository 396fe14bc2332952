import type { Socket } from 'socket.io';

export const sessionRoom = (sessionId: string) => `session_${sessionId}`;

/** setTimeout's limit (about 24.8 days); a longer delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Disconnects the socket when its access token expires: the handshake checked the token once, and
 * without this an open socket would keep receiving events long after the token stopped being valid.
 */
export function dropAtExpiry(socket: Socket, expiresAt: number, now: () => number = Date.now): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expiresAt - now();
    if (left <= 0) {
      socket.disconnect(true);
      return;
    }
    // Long lifetimes wait in steps, since one timer cannot span them.
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  socket.once('disconnect', () => clearTimeout(timer));
}
