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

/**
 * Normalizes every string inside `root` in place (see above) and returns the normalized root with the
 * path of the first string (value or key) that holds a NUL character, if any.
 */
export function normalizeInput(root: unknown): { value: unknown; nulAt: string[] | null } {
  if (typeof root === 'string') return { value: wellFormedText(root), nulAt: hasNul(root) ? [] : null };
  let nulAt: string[] | null = null;
  const note = (path: string[]) => {
    nulAt ??= path;
  };
  const stack: { node: Container; path: string[] }[] = [];
  const visit = (child: unknown, path: string[]): unknown => {
    if (typeof child === 'string') {
      if (hasNul(child)) note(path);
      return wellFormedText(child);
    }
    if (child && typeof child === 'object') stack.push({ node: child as Container, path });
    return child;
  };
  if (root && typeof root === 'object') stack.push({ node: root as Container, path: [] });
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const next = visit(node[i], [...path, String(i)]);
        if (next !== node[i]) node[i] = next;
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      if (hasNul(key)) note(path);
      const item = node[key];
      const wellFormedKey = wellFormedText(key);
      const next = visit(item, [...path, wellFormedKey]);
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
  return { value: root, nulAt };
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
