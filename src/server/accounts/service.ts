// Sign-up, sign-in and sign-out through the authentication library's server API.
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { assertAcceptablePassword, passwordWeakness } from '../auth/passwords.ts';
import { AppError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { countOrganizations, findActorRow } from '../organizations/queries.ts';
import { createOrganizationWithOwner } from '../organizations/service.ts';
import { deleteUser, setPasswordChangeRequired, updateUser } from './queries.ts';
import type { changePasswordBody, signInBody, signUpBody } from './schemas.ts';
import { endSession } from './sessions.ts';

interface AuthLibraryError {
  statusCode?: number;
  body?: { code?: string; message?: string };
}

function isAuthLibraryError(e: unknown): e is AuthLibraryError {
  return typeof e === 'object' && e !== null && 'statusCode' in e && 'body' in e;
}

const installationTaken = () =>
  new AppError(
    403,
    'invitation_required',
    'This Downline is already set up. New members join through a personal invitation link from their sponsor.',
  );

/** Compares secrets in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const FIRST_OWNER_LOCK = 4_711_2027;

// The first sign-up on an empty installation is serialized within this process (so a second one is refused
// before it creates an account); across processes the advisory lock in the transaction decides.
let setupQueue: Promise<unknown> = Promise.resolve();
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = setupQueue.then(fn, fn);
  setupQueue = run.catch(() => {});
  return run;
}

/**
 * Creates an account (signed in: the returned headers carry its session cookie) and, in one transaction,
 * whatever makes it a member (`place`). If placing fails, the account is removed again, so nothing
 * half-made stays behind. The password must pass the password rule (auth/passwords.ts).
 */
export async function createAccount(
  { auth, database }: Pick<Deps, 'auth' | 'database'>,
  input: { name: string; email: string; password: string; locale: Locale },
  headers: Headers,
  place: (tx: Db, userId: string) => Promise<void>,
): Promise<Headers> {
  await assertAcceptablePassword(input.password, input);
  const result = await auth.api
    .signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers,
      returnHeaders: true,
    })
    .catch((e: unknown) => {
      if (isAuthLibraryError(e) && e.body?.code?.startsWith('USER_ALREADY_EXISTS')) {
        throw new AppError(409, 'email_taken', 'An account with this e-mail address already exists.', [
          { path: 'email', code: 'taken', message: 'This e-mail address is already registered' },
        ]);
      }
      throw e;
    });
  const userId = result.response.user.id;
  try {
    await database.db.transaction(async (tx) => {
      await updateUser(tx, userId, { locale: input.locale });
      await place(tx, userId);
    });
  } catch (e) {
    await deleteUser(database.db, userId);
    throw e;
  }
  return result.headers;
}

export function accountService(deps: Deps) {
  const { database, auth, clock } = deps;
  const { db } = database;
  return {
    async needsOwner() {
      return (await countOrganizations(db)) === 0;
    },

    signUp(input: z.infer<typeof signUpBody>, headers: Headers) {
      return serialized(async () => {
        if ((await countOrganizations(db)) > 0) {
          throw installationTaken();
        }
        if (deps.config.setupToken && !sameSecret(input.setupToken ?? '', deps.config.setupToken)) {
          throw new AppError(403, 'setup_token_invalid', 'The setup code is missing or wrong.', [
            { path: 'setupToken', code: 'invalid', message: 'Enter the setup code of this server' },
          ]);
        }
        return createAccount(deps, input, headers, async (tx, userId) => {
          // Several server processes on one PostgreSQL: the first to get here creates the organization.
          await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_OWNER_LOCK})`);
          if ((await countOrganizations(tx)) > 0) throw installationTaken();
          await createOrganizationWithOwner(tx, {
            organizationName: input.organizationName,
            locale: input.locale,
            owner: { userId, name: input.name, email: input.email, city: input.city, country: input.country },
            today: clock.now().toISOString().slice(0, 10),
          });
        });
      });
    },

    async signIn(input: z.infer<typeof signInBody>, headers: Headers) {
      const result = await auth.api
        .signInEmail({ body: input, headers, returnHeaders: true })
        .catch((e: unknown) => {
          if (isAuthLibraryError(e) && e.statusCode === 401) {
            throw new AppError(
              401,
              'invalid_credentials',
              'The e-mail address or the password is not right.',
            );
          }
          throw e;
        });
      // The password was right, but an account whose every membership has ended opens nothing: it gets
      // no session (the one just made is ended again) and is told why.
      if (!(await findActorRow(db, result.response.user.id))) {
        await endSession(db, result.response.token);
        throw new AppError(
          403,
          'membership_ended',
          'Your membership has ended, so this account opens no organization any more.',
        );
      }
      // The password is right; one set before the password rule may break it: then the person is asked
      // to change it (a password that passes clears an earlier request, e.g. after a reset).
      const { user } = result.response;
      const weak = (await passwordWeakness(input.password, { email: user.email, name: user.name })) !== null;
      await setPasswordChangeRequired(db, user.id, weak);
      return result.headers;
    },

    /**
     * Changes the signed-in account's password and ends every other session of the account: a thief who
     * signed in elsewhere with the old password is signed out. This device stays signed in (the library
     * gives it a new session; the returned headers carry its cookie).
     */
    async changePassword(
      actor: Pick<Actor, 'userId' | 'email' | 'name'>,
      input: z.infer<typeof changePasswordBody>,
      headers: Headers,
    ) {
      await assertAcceptablePassword(input.newPassword, actor, 'newPassword');
      const result = await auth.api
        .changePassword({
          body: {
            currentPassword: input.currentPassword,
            newPassword: input.newPassword,
            revokeOtherSessions: true,
          },
          headers,
          returnHeaders: true,
        })
        .catch((e: unknown) => {
          if (isAuthLibraryError(e) && e.body?.code === 'INVALID_PASSWORD') {
            throw new AppError(400, 'validation_failed', 'The current password is not right.', [
              {
                path: 'currentPassword',
                code: 'wrong_password',
                message: 'This is not your current password',
              },
            ]);
          }
          throw e;
        });
      await setPasswordChangeRequired(db, actor.userId, false);
      return result.headers;
    },

    async signOut(headers: Headers) {
      const result = await auth.api.signOut({ headers, returnHeaders: true });
      return result.headers;
    },
  };
}
