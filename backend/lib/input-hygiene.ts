import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.js';

/**
 * Characters the two databases do not store alike: PostgreSQL refuses NUL in text (an error, which
 * was a 500), SQLite keeps it; an unpaired UTF-16 surrogate is silently replaced by both. Refusing them
 * up front gives one answer, a 400, on either engine.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (e.g. `body/display_name`) of the first string that holds an unstorable character, or null. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = UNSTORABLE.test(key) ? `${path}/…` : findUnstorableText(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

export const unstorableMessage = (where: string) =>
  `${where} contains a character that cannot be stored (NUL or an unpaired surrogate)`;

/** Refuses, on every route, a path parameter, query value or body string the databases cannot store. */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const where = findUnstorableText(value, part);
      if (where) throw badRequest('invalid_characters', unstorableMessage(where));
    }
  });
}
