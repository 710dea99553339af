// Cross-site request forgery guard. Session cookies are SameSite=Lax already; on top of that every
// state-changing API request from a browser must come from our own origin (Origin, or Referer when a
// browser leaves Origin out). Requests without either and without cookies are not from a browser session.
import type { FastifyInstance } from 'fastify';
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
  app.addHook('onRequest', async (request) => {
    // Every state-changing request, whatever its path: a percent-encoded path must not slip past.
    if (SAFE_METHODS.has(request.method)) return;
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    if (!origin) {
      if (!request.headers.cookie) return;
      throw new AppError(403, 'cross_site_request', 'The request has no Origin header; it was refused.');
    }
    // The Host header may carry the default port (`example.org:443`) or capitals; Origin never does.
    const own = originOf(`${request.protocol}://${request.host}`);
    if (origin === own || trusted.has(origin)) return;
    throw new AppError(403, 'cross_site_request', `Requests from ${origin} are not accepted.`);
  });
}
