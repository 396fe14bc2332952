import { type Static, Type } from 'typebox';
import { ID_MAX_LENGTH, ID_PATTERN_SOURCE } from './ids.js';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'one of contract/error-codes.ts' }),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'invalid_request: the offending field' })),
      rule: Type.Optional(Type.String({ description: 'invalid_request: the rule it broke, e.g. maxLength' })),
      limit: Type.Optional(Type.Number({ description: 'invalid_request: the number in that rule' })),
    }),
  },
  { $id: 'Error', description: 'Every failure: a stable code and a message for people' },
);

export type ErrorBody = Static<typeof ErrorSchema>;

/** Ids are opaque strings; this bounds their size and alphabet. */
export const Id = Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN_SOURCE });

/** A success without a body (204). */
export const NoContent = Type.Unsafe<void>({ description: 'No content' });

/** `{400: ErrorSchema, 404: ErrorSchema, …}`, keyed by the literal statuses so reply types can skip them. */
export const errorResponses = <const S extends readonly number[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorSchema])) as { [K in S[number]]: typeof ErrorSchema };
