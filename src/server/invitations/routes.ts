// Invitation links (signed-in) and the public join page's API.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { fetchHeaders, forwardCookies } from '../auth/plugin.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import {
  createInvitationBody,
  invitationIdParams,
  invitationSchema,
  joinBody,
  joinInfoSchema,
  listInvitationsQuery,
  tokenParams,
} from './schemas.ts';
import { invitationService } from './service.ts';

const tags = ['invitations'];

export async function invitationRoutes(app: App, deps: Deps) {
  const invitations = invitationService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/invitations',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My invitation links (admins: any member’s, with sponsorId)',
        querystring: listInvitationsQuery,
        response: { 200: z.array(invitationSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => invitations.list(actorOf(request), request.query.sponsorId),
  );

  app.post(
    '/api/v1/invitations',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Make an invitation link (customer or partner; optional expiry and number of uses)',
        body: createInvitationBody,
        response: { 201: invitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.create(actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/invitations/:id/revoke',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Withdraw an invitation link; whoever opens it later is told so',
        params: invitationIdParams,
        response: { 200: invitationSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => invitations.revoke(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/join/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers, and whether it can still be used (public)',
        params: tokenParams,
        response: { 200: joinInfoSchema, ...errorResponses(404) },
      },
    },
    async (request) => ({
      ...(await invitations.info(request.params.token)),
      signedInAs: request.actor ? { name: request.actor.name } : null,
    }),
  );

  app.post(
    '/api/v1/join/:token',
    {
      schema: {
        tags,
        summary: 'Join through an invitation link: creates the account and the member under its sponsor',
        params: tokenParams,
        body: joinBody,
        response: { 201: z.object({ ok: z.literal(true) }), ...errorResponses(400, 404, 409, 410, 429) },
      },
      onRequest: deps.credentialLimit,
    },
    async (request, reply) => {
      const headers = await invitations.join(request.params.token, request.body, fetchHeaders(request));
      forwardCookies(request, reply, headers);
      return reply.status(201).send({ ok: true });
    },
  );
}
