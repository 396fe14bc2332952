import type { Socket } from 'socket.io-client';
import type { ClientEventName } from '../../../contract/event-names';
import type {
  ClientAck,
  ClientPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../../contract/events';

/** The web client's socket, typed by the event maps of contract/events.ts. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Emits a client → server event and waits for its ack; no answer within 10 s counts as a network error. */
export function emitWithAck<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<ClientAck<E>> {
  const timed = socket.timeout(10_000);
  // socket.io's conditional parameter types cannot follow a generic `E`; the signature above keeps callers typed.
  const answer = timed.emitWithAck(event, ...([payload] as never)) as Promise<ClientAck<E>>;
  return answer.catch(
    (): ClientAck<E> => ({ ok: false, error: { code: 'network', message: 'no answer from the server' } }),
  );
}
