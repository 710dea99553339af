// Resolves the session cookie to an actor on every API request that carries one.
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

export function registerAuthentication(app: FastifyInstance, deps: { auth: Auth; db: Db }) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || !request.headers.cookie?.includes('downline.session_token'))
      return;
    const session = await deps.auth.api.getSession({ headers: fetchHeaders(request) });
    if (!session) return;
    const row = await findActorRow(deps.db, session.user.id);
    if (row) request.actor = row;
  });
}
