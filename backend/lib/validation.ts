import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

const shared: Options = { useDefaults: true, removeAdditional: true, allErrors: false, addUsedSchema: false };

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...shared, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Route validation: URL parts (params, query, headers) arrive as strings and are coerced to the schema's
 * types; JSON bodies are typed already, so a body field of the wrong type is refused, never coerced
 * (`{"body": 123}` is not a text message). Bodies may pick their shape by a `discriminator` property.
 */
export function installValidation(app: FastifyInstance): void {
  const body = makeAjv({ coerceTypes: false, discriminator: true });
  const url = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? body : url).compile(schema as FastifySchema & object),
  );
  app.setSchemaErrorFormatter((errors, dataVar) => new Error(describeValidationError(errors, dataVar)));
}

/** One readable sentence for the first schema violation, e.g. `body/username must NOT have fewer than 3 characters`. */
function describeValidationError(errors: readonly ErrorObject[], dataVar: string): string {
  const first = errors[0];
  if (!first) return `${dataVar} is invalid`;
  const where = `${dataVar}${first.instancePath}`;
  const params = first.params as Record<string, unknown>;
  switch (first.keyword) {
    case 'discriminator':
      return `${where}/${String(params.tag)} is missing or not one of the accepted values`;
    case 'required':
      return `${where}/${String(params.missingProperty)} is required`;
    case 'type':
      return first.instancePath === '' && dataVar === 'body'
        ? 'body must be a JSON object'
        : `${where} must be of type ${String(params.type)}`;
    default:
      return `${where} ${first.message ?? 'is invalid'}`;
  }
}

/** What a client needs to name a schema violation in its own language: the field, the rule and its limit. */
export interface ValidationDetails {
  /** The offending property, e.g. `password` (`body` for the body as a whole). */
  field: string;
  /** The Ajv keyword that failed: `maxLength`, `minLength`, `pattern`, `required`, `type`, … */
  rule: string;
  /** The number in the rule (`maxLength: 200` → 200), when it has one. */
  limit?: number;
}

/** The first violation as {@link ValidationDetails}. */
export function validationDetails(errors: readonly ErrorObject[], dataVar: string): ValidationDetails {
  const first = errors[0];
  if (!first) return { field: dataVar, rule: 'invalid' };
  const params = first.params as Record<string, unknown>;
  const path = first.instancePath.split('/').filter(Boolean);
  if (first.keyword === 'required') path.push(String(params.missingProperty));
  if (first.keyword === 'discriminator') path.push(String(params.tag));
  // Array items (`member_ids/3`) are reported as their array.
  const field = path.filter((part) => !/^\d+$/.test(part)).pop() ?? dataVar;
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  return limit === undefined ? { field, rule: first.keyword } : { field, rule: first.keyword, limit };
}
