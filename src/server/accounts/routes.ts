// Accounts: installation state, sign-up (first owner), sign-in, sign-out, and the signed-in person.
import { z } from 'zod';
import { type Actor, actorOf, requireActor } from '../auth/actor.ts';
import { fetchHeaders, forwardCookies } from '../auth/plugin.ts';
import { AppError, errorResponses, errors } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { getOrganization, renameMemberOfUser } from '../organizations/queries.ts';
import { presentMe } from './presenters.ts';
import {
  databaseKnowsTimeZone,
  ownMemberFields,
  passwordChangeRequired,
  updateOwnMember,
  updateUser,
} from './queries.ts';
import {
  changePasswordBody,
  installationSchema,
  meSchema,
  signInBody,
  signUpBody,
  updateMeBody,
} from './schemas.ts';
import { accountService } from './service.ts';

const okSchema = z.object({ ok: z.literal(true) });

export async function accountRoutes(app: App, deps: Deps) {
  const accounts = accountService(deps);
  const { db } = deps.database;

  app.get(
    '/api/v1/installation',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether this installation still needs its first owner',
        response: { 200: installationSchema },
      },
    },
    async () => {
      const needsOwner = await accounts.needsOwner();
      return { needsOwner, needsSetupToken: needsOwner && deps.config.setupToken !== null };
    },
  );

  app.post(
    '/api/v1/auth/sign-up',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create the first account; it becomes the owner of a new organization',
        description: 'Only on an empty installation. Later, people join through invitation links.',
        body: signUpBody,
        response: { 201: okSchema, ...errorResponses(400, 403, 409, 429) },
      },
      onRequest: deps.credentialLimit,
    },
    async (request, reply) => {
      const headers = await accounts.signUp(request.body, fetchHeaders(request));
      forwardCookies(request, reply, headers);
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: signInBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 403, 429) },
      },
      onRequest: deps.credentialLimit,
    },
    async (request, reply) => {
      const headers = await accounts.signIn(request.body, fetchHeaders(request));
      forwardCookies(request, reply, headers);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags: ['accounts'], summary: 'End the current session', response: { 200: okSchema } } },
    async (request, reply) => {
      const headers = await accounts.signOut(fetchHeaders(request));
      forwardCookies(request, reply, headers);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      onRequest: [requireActor, deps.credentialLimit],
      schema: {
        tags: ['accounts'],
        summary: 'Change my password; every other session of my account ends',
        description:
          'Needs the current password. This device stays signed in with a new session cookie; ' +
          'every other device is signed out.',
        body: changePasswordBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const headers = await accounts.changePassword(actorOf(request), request.body, fetchHeaders(request));
      forwardCookies(request, reply, headers);
      return { ok: true as const };
    },
  );

  const me = async (actor: Actor) => {
    const organization = await getOrganization(db, actor.organizationId);
    if (!organization) throw errors.notFound('Organization');
    return presentMe(
      actor,
      organization,
      await ownMemberFields(db, actor.organizationId, actor.memberId),
      await passwordChangeRequired(db, actor.userId),
    );
  };

  app.get(
    '/api/v1/me',
    {
      onRequest: requireActor,
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in person, their member and organization',
        response: { 200: meSchema, ...errorResponses(401) },
      },
    },
    async (request) => me(actorOf(request)),
  );

  app.patch(
    '/api/v1/me',
    {
      onRequest: requireActor,
      schema: {
        tags: ['accounts'],
        summary: 'Change my name, interface language, time zone, city or country',
        body: updateMeBody,
        response: { 200: meSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { name, locale, timeZone, city, country } = request.body;
      if (timeZone && !(await databaseKnowsTimeZone(db, timeZone))) {
        throw new AppError(400, 'validation_failed', 'The database does not know this time zone.', [
          { path: 'timeZone', code: 'time_zone', message: 'Use a time zone name such as Europe/Sofia' },
        ]);
      }
      await db.transaction(async (tx) => {
        if (name || locale) await updateUser(tx, actor.userId, { name, locale });
        if (timeZone || city !== undefined || country !== undefined) {
          await updateOwnMember(tx, actor.organizationId, actor.memberId, { timeZone, city, country });
        }
        if (name) await renameMemberOfUser(tx, actor.organizationId, actor.userId, name);
      });
      return me({ ...actor, name: name ?? actor.name, locale: locale ?? actor.locale });
    },
  );
}
