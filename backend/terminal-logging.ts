import type { FastifyServerOptions } from 'fastify';
import { loggerOptions } from './app.js';

/**
 * Fastify options for where the logs go. A person at a terminal reads short coloured lines (pino-pretty)
 * and one line per request; anything else (a file, journald, a log collector) gets pino's JSON, as
 * before. LOG_FORMAT (`json` or `pretty`, validated with the rest of the configuration) overrides the guess.
 */
export function loggingOptions(
  level: string,
  stdout: { isTTY?: boolean } = process.stdout,
  format?: 'pretty' | 'json',
): Pick<FastifyServerOptions, 'logger' | 'disableRequestLogging'> {
  const pretty = format === 'pretty' || (format !== 'json' && stdout.isTTY === true);
  if (!pretty) return { logger: loggerOptions(level) };
  return {
    logger: {
      ...loggerOptions(level),
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true },
      },
    },
    // buildApp then logs one "GET /path 200 3ms" line per request instead of Fastify's two.
    disableRequestLogging: true,
  };
}
