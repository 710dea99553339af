// Text that PostgreSQL cannot store: a NUL character anywhere in a request's body, query or path
// parameters is refused up front with the field's path, for every route, instead of failing in the
// database as a 500.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

function findNul(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, path) ?? findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const path = findNul(value, []);
      if (!path) continue;
      const field = path.join('.') || part;
      const message = 'Text must not contain NUL characters';
      throw new AppError(400, 'validation_failed', `Invalid request — ${field}: ${message}`, [
        { path: field, code: 'nul_character', message },
      ]);
    }
  });
}
