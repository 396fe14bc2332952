import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../contract/common.js';
import type { ErrorCode } from '../../contract/error-codes.js';
import { type ValidationDetails, validationDetails } from './validation.js';

/** An error a client should see: status, stable machine code (contract/error-codes.ts), human message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string) => new AppError(400, code, message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthorized', message);
export const forbidden = (code: ErrorCode, message: string) => new AppError(403, code, message);
export const notFound = (code: ErrorCode, message: string) => new AppError(404, code, message);
export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);

/** The wire shape of every error (contract/common.ts): `{ error: { code, message, field?, rule?, limit? } }`. */
export function errorBody(code: string, message: string, details?: ValidationDetails): ErrorBody {
  return { error: { code, message, ...details } };
}

/** Fastify's own 4xx errors, named for clients (the rest fall back to their lower-cased Fastify code). */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

function clientErrorCode(status: number, fastifyCode: string | undefined): string {
  if (status === 429) return 'rate_limited';
  if (fastifyCode && fastifyCode in FASTIFY_CODES) return FASTIFY_CODES[fastifyCode] as string;
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  return (fastifyCode ?? 'bad_request').toLowerCase().replace(/^fst_err_/, '');
}

/** One error handler: known errors keep their code, validation errors say what was wrong, 5xx hide details. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send(errorBody(err.code, err.message));
    }
    if (err.validation) {
      // field/rule/limit let clients word the problem in the user's language (the message is English).
      const details = validationDetails(err.validation, err.validationContext ?? 'body');
      return reply.status(400).send(errorBody('invalid_request', err.message, details));
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return reply.status(status).send(errorBody('internal_error', 'Something went wrong on the server'));
    }
    return reply.status(status).send(errorBody(clientErrorCode(status, err.code), err.message));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
