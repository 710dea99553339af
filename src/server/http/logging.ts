// Structured JSON logs (pino). Errors are logged without the values a query was run with: a failed
// query's parameters can hold session tokens, password hashes or e-mail addresses. Request lines are
// logged without the secrets some addresses carry (invitation links, calendar feeds): whoever reads the
// log must not be able to join or subscribe with what they read.
import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions } from 'fastify';
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

/** Characters of a secret kept in the log, so that a line can still be matched with its link. */
export const SECRET_PREFIX_LENGTH = 6;

/** A route parameter with one of these names is a secret (`/api/v1/join/:token`, `…/calendar/:token`). */
const SECRET_PARAM = /token|secret/i;
/**
 * Path segments followed by a secret, whether a route matched or not: the web app's page `/join/<token>`
 * (the link an invitation hands out) and the API's `/join/<token>` and `/calendar/<token>`.
 */
const SECRET_AFTER = new Set(['join', 'calendar']);
/** Query parameters that are secrets wherever they appear. */
const SECRET_QUERY = /^(token|code|secret|key|password)$/i;

function hide(value: string): string {
  return value.length <= SECRET_PREFIX_LENGTH ? '…' : `${value.slice(0, SECRET_PREFIX_LENGTH)}…`;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/**
 * The request's address as it may be logged: a path segment matched by a secret route parameter, the
 * segment after `join` or `calendar`, and secret query values keep their first characters and "…".
 * `route` is the matched route pattern (`/api/v1/join/:token`); a page of the web app has none.
 */
export function redactUrl(url: string, route?: string): string {
  const q = url.indexOf('?');
  const segments = (q < 0 ? url : url.slice(0, q)).split('/');
  const pattern = route?.split('/') ?? [];
  for (let i = 1; i < segments.length; i++) {
    const param = pattern.length === segments.length ? pattern[i] : undefined;
    const secret =
      (param?.startsWith(':') && SECRET_PARAM.test(param)) || SECRET_AFTER.has(decoded(segments[i - 1]!));
    if (secret && segments[i]) segments[i] = hide(segments[i]!);
  }
  let out = segments.join('/');
  if (q >= 0) {
    out += `?${url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq > 0 && SECRET_QUERY.test(decoded(pair.slice(0, eq)))
          ? `${pair.slice(0, eq + 1)}${hide(pair.slice(eq + 1))}`
          : pair;
      })
      .join('&')}`;
  }
  return out;
}

/** Fastify's request line (method, url, host, client address), with the url's secrets hidden. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, request.routeOptions?.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    serializers: {
      err: (err: unknown) => serializeError(err),
      req: (request) => serializeRequest(request as unknown as FastifyRequest),
    },
  };
}

/** The authentication library's own messages, in our log (their extra arguments are not logged). */
export function authLibraryLogger(log: FastifyBaseLogger) {
  return {
    log: (level: 'debug' | 'info' | 'success' | 'warn' | 'error', message: string) => {
      log[level === 'success' ? 'info' : level]({ source: 'auth' }, message);
    },
  };
}
