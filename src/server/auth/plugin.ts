// Resolves the session cookie to an actor on every API request that carries one. The member is read
// afresh each time, so a role change or an ended membership counts from the next request on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { findActorRow } from '../organizations/queries.ts';
import type { Auth } from './auth.ts';

export function fetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

/**
 * Copies the authentication library's cookies onto our reply. The Secure attribute is added when the
 * request itself came over https (directly, or through a trusted proxy), whatever the configured address.
 */
export function forwardCookies(request: FastifyRequest, reply: FastifyReply, headers: Headers) {
  const cookies = headers.getSetCookie();
  if (!cookies.length) return;
  const secure = request.protocol === 'https';
  reply.header(
    'set-cookie',
    cookies.map((c) => (secure && !/;\s*secure/i.test(c) ? `${c}; Secure` : c)),
  );
}

/** Whether the matched route (not the raw, possibly percent-encoded URL) is part of the API. */
export function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/') ?? false;
}

export function registerAuthentication(app: FastifyInstance, deps: { auth: Auth; db: Db }) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRoute(request) || !request.headers.cookie?.includes('downline.session_token')) return;
    const result = await deps.auth.api
      .getSession({ headers: fetchHeaders(request), returnHeaders: true })
      .catch((err: Error) => {
        request.log.warn({ reason: err.message }, 'session could not be read');
        return null;
      });
    if (!result) return;
    // A session used after a day is extended; the library then sends a fresh cookie with the new expiry.
    forwardCookies(request, reply, result.headers);
    if (!result.response) return;
    const row = await findActorRow(deps.db, result.response.user.id);
    if (row) request.actor = row;
  });
}
