// The authentication library, configured for Downline: e-mail and password, argon2id hashes,
// database sessions in our own tables. Its HTTP handler is not mounted: our routes under
// /api/v1/auth call its server API, so every request goes through the same validation, CSRF check,
// rate limit and error shape as the rest of the API.
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { FastifyBaseLogger } from 'fastify';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts.ts';
import type { Db } from '../../db/client.ts';
import { authAccount, authSession, authUser, authVerification } from '../../db/schema/index.ts';
import type { Config } from '../config.ts';
import { authLibraryLogger } from '../http/logging.ts';

export const SESSION_COOKIE = 'downline.session_token';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// (algorithm 2 is Argon2id in @node-rs/argon2's const enum, which cannot be imported under verbatimModuleSyntax.)
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function createAuth(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'secret' | 'port'>,
  log: FastifyBaseLogger,
) {
  return betterAuth({
    appName: 'Downline',
    baseURL: config.baseUrl ?? `http://localhost:${config.port}`,
    basePath: '/api/auth',
    secret: config.secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      // A password reset signs the account out everywhere (a password change ends the other sessions:
      // accounts/service.ts).
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Our own routes limit sign-in attempts per address (see accounts/routes.ts).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Failed sign-ins are answered with 401 and counted by the rate limit; only real errors are logged.
    logger: { level: 'error', ...authLibraryLogger(log) },
    advanced: {
      cookiePrefix: 'downline',
      useSecureCookies: config.baseUrl?.startsWith('https://') ?? false,
      database: { generateId: () => randomUUID() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
