import { Type } from 'typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'invalid_request: the offending field' })),
      rule: Type.Optional(Type.String({ description: 'invalid_request: the rule it broke, e.g. maxLength' })),
      limit: Type.Optional(Type.Number({ description: 'invalid_request: the number in that rule' })),
    }),
  },
  { $id: 'Error', description: 'Every failure: a stable code and a message for people' },
);

/** Ids are opaque strings; this bounds their size and alphabet. */
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorSchema])) as Record<number, typeof ErrorSchema>;
