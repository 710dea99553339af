import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** An `onRequest` hook that counts the request against a limit and answers 429 beyond it. */
export type RequestLimit = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The one limit on the routes that take a password or make an account — signing in, signing up,
 * joining through a link: attempts per client address and minute, counted **together**, so spreading
 * guesses over the routes gains nothing. Made once per app (`buildApp`) and handed to the routes in
 * `Deps`: every route that runs this hook counts in its single store, keyed by the client address alone.
 * (A route's own `config.rateLimit` would get a store of its own, i.e. a separate count.)
 */
export function credentialLimit(app: FastifyInstance, config: Pick<Config, 'signInRateLimit'>): RequestLimit {
  return app.rateLimit({
    max: config.signInRateLimit.max,
    timeWindow: config.signInRateLimit.windowMs,
  }) as unknown as RequestLimit;
}
