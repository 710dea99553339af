// One place turns every failure into the JSON error shape: validation problems name each field,
// client errors keep their message, and anything unexpected becomes a 500 without internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorBody, type FieldError } from './errors.ts';

const CLIENT_ERROR_CODES: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
};

const PARAM_KEYS = ['minimum', 'maximum', 'expected', 'format', 'origin'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const raw = (v.params ?? {}) as Record<string, unknown>;
    const params: Record<string, string | number> = {};
    for (const key of PARAM_KEYS) {
      const value = raw[key];
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      else if (typeof value === 'bigint') params[key] = Number(value);
    }
    // A rule of our own (`reason(...)` in a refinement) names its reason and numbers in `params`.
    const own = v.keyword === 'custom' && isRecord(raw.params) ? raw.params : undefined;
    const code = typeof own?.reason === 'string' ? own.reason : v.keyword;
    for (const [key, value] of Object.entries(own ?? {})) {
      if (key !== 'reason' && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
    }
    const field: FieldError = {
      path: path || (error.validationContext ?? 'body'),
      code,
      message: v.message ?? 'Invalid value',
    };
    if (Object.keys(params).length) field.params = params;
    return field;
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrors(error);
      const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      return reply.status(400).send(errorBody('validation_failed', `Invalid request — ${summary}`, fields));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(errorBody('invalid_json', 'The request body is not valid JSON.'));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('payload_too_large', 'The request body is too large.'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send(errorBody('unsupported_media_type', 'Send the request body as application/json.'));
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send(errorBody('rate_limited', 'Too many attempts. Wait a minute and try again.'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(CLIENT_ERROR_CODES[status] ?? 'bad_request', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send(errorBody('internal', 'Something went wrong on the server. It has been logged.'));
  });
}
