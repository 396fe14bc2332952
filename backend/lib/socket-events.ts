import type { Socket } from 'socket.io';
import { Compile } from 'typebox/compile';
import type { ClientEventName } from '../../contract/event-names.js';
import {
  type Ack,
  type ClientAck,
  type ClientAckData,
  type ClientPayload,
  type ClientToServerEvents,
  clientEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../contract/events.js';
import { AppError } from './errors.js';
import { findUnstorableText, unstorableMessage } from './input-hygiene.js';

/** A server-side socket typed by the event maps of contract/events.ts. */
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Compiled validators by event: compiling costs heap and CPU, so each schema is compiled once per process. */
const validators = new Map<ClientEventName, ReturnType<typeof Compile>>();

function validatorOf(event: ClientEventName): ReturnType<typeof Compile> {
  let validator = validators.get(event);
  if (!validator) {
    validator = Compile(clientEvents[event].payload);
    validators.set(event, validator);
  }
  return validator;
}

/**
 * Registers a client → server event whose payload is checked against its schema in contract/events.ts
 * before `handler` runs. The handler's result is acked as `{ok:true, ...result}`; a thrown AppError as
 * `{ok:false, error}`; anything else as an internal error (logged), so a bad payload never crashes the server.
 */
export function onEvent<E extends ClientEventName>(
  socket: AppSocket,
  event: E,
  handler: (payload: ClientPayload<E>) => Promise<ClientAckData<E>>,
  log: { error: (obj: object, msg: string) => void },
): void {
  const check = validatorOf(event);
  const listener = async (payload: unknown, ack?: unknown) => {
    // The client may omit the ack, or send anything in its place: nothing here trusts its type.
    const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
    if (!check.Check(payload)) {
      const [first] = check.Errors(payload);
      const where = first?.instancePath ? `${first.instancePath.slice(1)} ` : '';
      reply({
        ok: false,
        error: { code: 'invalid_payload', message: `${event}: ${where}${first?.message ?? 'invalid'}` },
      });
      return;
    }
    const unstorable = findUnstorableText(payload, event);
    if (unstorable) {
      reply({ ok: false, error: { code: 'invalid_characters', message: unstorableMessage(unstorable) } });
      return;
    }
    try {
      const answer: ClientAck<E> = { ok: true, ...(await handler(payload as ClientPayload<E>)) };
      reply(answer);
    } catch (err) {
      if (err instanceof AppError) {
        reply({ ok: false, error: { code: err.code, message: err.message } });
        return;
      }
      log.error({ err, event }, 'socket event failed');
      reply({ ok: false, error: { code: 'internal_error', message: 'Something went wrong on the server' } });
    }
  };
  // The listener takes `unknown` on purpose: it validates. TypeScript cannot match a generic event name
  // against socket.io's conditional listener type, hence `never`; callers stay typed through `onEvent`.
  socket.on(event, listener as never);
}
