import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import type { Auth } from '../auth/auth.ts';
import type { RequestLimit } from '../auth/rate-limit.ts';
import type { Config } from '../config.ts';

/** Fastify with zod schemas as the type provider: one schema types, validates and documents a route. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What route modules need; tests build it with their own database and clock. */
export interface Deps {
  database: Database;
  auth: Auth;
  config: Config;
  clock: Clock;
  /** The shared limit of the credential routes (auth/rate-limit.ts): one count per client address. */
  credentialLimit: RequestLimit;
}
