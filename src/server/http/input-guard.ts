// Every string of a request — body, query and path parameters, values and object keys — passes through
// here once, before validation, so text is the same whether it ends up in a text column or in JSON:
// - an unpaired UTF-16 surrogate (which JSON can carry but UTF-8 cannot) becomes U+FFFD, what a text
//   column would have stored anyway; a JSON column would refuse it with a 500;
// - a NUL character (which PostgreSQL cannot store at all) is refused with the field's path.
// The walk keeps its own stack (no recursion), so no value can exhaust the call stack; JSON bodies reach
// it already limited in depth (json-body.ts).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const hasNul = (text: string) => text.includes('\u0000');

/** Text with every unpaired UTF-16 surrogate replaced by U+FFFD (the replacement character). */
export const wellFormedText = (text: string) => (text.isWellFormed() ? text : text.toWellFormed());

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => value !== null && typeof value === 'object';

/**
 * Normalizes every string inside `root` in place (see above) and returns the normalized root, and
 * whether some string (value or key) holds a NUL character. One pass over the values, no allocation
 * per value: a body of a million small values costs milliseconds.
 */
function normalizeInPlace(root: unknown): { value: unknown; hasNul: boolean } {
  if (typeof root === 'string') return { value: wellFormedText(root), hasNul: hasNul(root) };
  let nul = false;
  const stack: Container[] = isContainer(root) ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === 'string') {
          if (!nul && hasNul(item)) nul = true;
          if (!item.isWellFormed()) node[i] = item.toWellFormed();
        } else if (isContainer(item)) stack.push(item);
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      const item = node[key];
      if (!nul && (hasNul(key) || (typeof item === 'string' && hasNul(item)))) nul = true;
      if (isContainer(item)) stack.push(item);
      const wellFormedKey = wellFormedText(key);
      const next = typeof item === 'string' ? wellFormedText(item) : item;
      if (wellFormedKey === key && next === item) continue;
      if (wellFormedKey !== key) delete node[key];
      // An own property even for a key like `__proto__`, never the prototype.
      Object.defineProperty(node, wellFormedKey, {
        value: next,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  return { value: root, hasNul: nul };
}

/** The path of the first string (value or key) holding a NUL character, or null. Only run on a refusal. */
function pathOfNul(root: unknown): string[] | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasNul(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
    } else if (isContainer(value)) {
      const entries = Object.entries(value);
      if (entries.some(([key]) => hasNul(key))) return path;
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Normalizes every string inside `root` in place and returns the normalized root with the path of the
 * first string (value or key) that holds a NUL character, if any.
 */
export function normalizeInput(root: unknown): { value: unknown; nulAt: string[] | null } {
  const { value, hasNul: nul } = normalizeInPlace(root);
  return { value, nulAt: nul ? (pathOfNul(value) ?? []) : null };
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['params', request.params, (v: unknown) => (request.params = v)],
      ['querystring', request.query, (v: unknown) => (request.query = v)],
      ['body', request.body, (v: unknown) => (request.body = v)],
    ] as const;
    for (const [part, input, replace] of parts) {
      if (input === undefined || input === null) continue;
      const { value, nulAt } = normalizeInput(input);
      if (nulAt) {
        const field = nulAt.join('.') || part;
        const message = 'Text must not contain NUL characters';
        throw new AppError(400, 'validation_failed', `Invalid request — ${field}: ${message}`, [
          { path: field, code: 'nul_character', message },
        ]);
      }
      if (value !== input) replace(value);
    }
  });
}
