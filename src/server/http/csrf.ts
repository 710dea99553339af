// Cross-site request forgery guard. Session cookies are SameSite=Lax already; on top of that every
// state-changing API request from a browser must come from our own origin. An Origin header decides on
// its own — also the literal `null` a sandboxed frame, a data: page or a cross-origin redirect sends,
// which is never ours — and only a request without Origin falls back to its Referer. Requests without
// either and without cookies are not from a browser session.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function registerCsrfGuard(app: FastifyInstance, config: Pick<Config, 'baseUrl' | 'trustedOrigins'>) {
  // Origins are compared in their serialized form (lower-case host, no default port), as browsers send them.
  const trusted = new Set(
    [...(config.baseUrl ? [config.baseUrl] : []), ...config.trustedOrigins].map((o) => originOf(o) ?? o),
  );
  // The Host header may carry the default port (`example.org:443`) or capitals; Origin never does.
  const isOwn = (request: FastifyRequest, origin: string) =>
    origin === originOf(`${request.protocol}://${request.host}`) || trusted.has(origin);
  app.addHook('onRequest', async (request) => {
    // Every state-changing request, whatever its path: a percent-encoded path must not slip past.
    if (SAFE_METHODS.has(request.method)) return;
    const sent = request.headers.origin;
    if (sent !== undefined) {
      // An explicit Origin is the browser's word on where the request comes from: `null` or anything
      // that is not an origin is refused, whatever the Referer says (a Referer can be our own page
      // while the request comes from an opaque origin).
      const origin = originOf(sent);
      if (origin && isOwn(request, origin)) return;
      throw new AppError(
        403,
        'cross_site_request',
        `Requests from ${origin ?? 'an opaque origin'} are not accepted.`,
      );
    }
    const referer = originOf(request.headers.referer);
    if (!referer) {
      if (!request.headers.cookie) return;
      throw new AppError(403, 'cross_site_request', 'The request has no Origin header; it was refused.');
    }
    if (isOwn(request, referer)) return;
    throw new AppError(403, 'cross_site_request', `Requests from ${referer} are not accepted.`);
  });
}
