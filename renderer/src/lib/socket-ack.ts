import type { Socket } from 'socket.io-client';
import type { Ack } from './types';

/** Emits a client → server event and waits for its ack; no answer within 10 s counts as a network error. */
export function emitWithAck<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket
    .timeout(10_000)
    .emitWithAck(event, payload)
    .catch(() => ({
      ok: false,
      error: { code: 'network', message: 'no answer from the server' },
    })) as Promise<Ack<T>>;
}
