import type { Socket } from 'socket.io';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from './errors.js';
import { findUnstorableText, unstorableMessage } from './input-hygiene.js';

/** What every client → server event is acknowledged with. */
export type Ack =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: { code: string; message: string } };

/** Compiled validators by schema: compiling costs heap and CPU, so each schema is compiled once per process. */
const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function validatorOf(schema: TSchema): ReturnType<typeof Compile> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Registers a client → server event whose payload is checked against `schema` before `handler` runs.
 * The handler's result is acked as `{ok:true, ...result}`; a thrown AppError as `{ok:false, error}`;
 * anything else as an internal error (logged), so a bad payload never crashes the server.
 */
export function onEvent<S extends TSchema>(
  socket: Socket,
  event: string,
  schema: S,
  handler: (payload: Static<S>) => Promise<Record<string, unknown> | undefined>,
  log: { error: (obj: object, msg: string) => void },
): void {
  const check = validatorOf(schema);
  socket.on(event, async (payload: unknown, ack?: unknown) => {
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
      reply({ ok: true, ...((await handler(payload as Static<S>)) ?? {}) });
    } catch (err) {
      if (err instanceof AppError) {
        reply({ ok: false, error: { code: err.code, message: err.message } });
        return;
      }
      log.error({ err, event }, 'socket event failed');
      reply({ ok: false, error: { code: 'internal_error', message: 'Something went wrong on the server' } });
    }
  });
}
