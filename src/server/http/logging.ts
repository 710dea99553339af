// Structured JSON logs (pino). Errors are logged without the values a query was run with: a failed
// query's parameters can hold session tokens, password hashes or e-mail addresses.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

const PARAMS = /\nparams: [\s\S]*$/;

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  cause?: LoggedError;
}

export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: '' };
  const code = (err as { code?: unknown }).code;
  const out: LoggedError = {
    type: err.name,
    message: err.message.replace(PARAMS, '\nparams: [not logged]'),
    ...(typeof code === 'string' ? { code } : {}),
    stack: (err.stack ?? '').replace(err.message, '').trim(),
  };
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return { level: config.logLevel, serializers: { err: (err: unknown) => serializeError(err) } };
}

/** The authentication library's own messages, in our log (their extra arguments are not logged). */
export function authLibraryLogger(log: FastifyBaseLogger) {
  return {
    log: (level: 'debug' | 'info' | 'success' | 'warn' | 'error', message: string) => {
      log[level === 'success' ? 'info' : level]({ source: 'auth' }, message);
    },
  };
}
