// JSON request bodies. Before a body is parsed, one pass over its characters measures how deeply arrays
// and objects nest (brackets inside strings do not count); a body nested deeper than JSON_DEPTH_LIMIT is
// refused with a 400 that names the limit. The pass is linear, keeps no stack and allocates nothing, so
// a hostile body costs as much as reading it; everything after it (parsing, the input guard, the
// schemas) only ever sees shallow values. The size limit stays Fastify's bodyLimit (413).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Levels of arrays and objects a JSON body may nest. Downline's own bodies nest a handful of levels
 * (a diary entry's day plan with its items); 32 leaves room and keeps every later walk shallow.
 */
export const JSON_DEPTH_LIMIT = 32;

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }

/**
 * The deepest nesting of arrays and objects in a JSON text, counting only brackets outside strings
 * (with backslash escapes respected). Stops as soon as `limit` is passed and returns `limit + 1`.
 * Malformed text is measured all the same; JSON.parse refuses it afterwards.
 */
export function jsonDepth(text: string, limit = JSON_DEPTH_LIMIT): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

export const nestingTooDeep = () =>
  new AppError(
    400,
    'nesting_too_deep',
    `The request body nests arrays and objects more than ${JSON_DEPTH_LIMIT} levels deep.`,
  );

/**
 * Replaces Fastify's JSON parser with one that checks the nesting first and then parses exactly like
 * the default (prototype poisoning refused, an empty body is invalid JSON).
 */
export function registerJsonBodyParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > JSON_DEPTH_LIMIT) {
      done(nestingTooDeep(), undefined);
      return;
    }
    parse(request, text, done);
  });
}
