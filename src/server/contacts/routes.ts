// Contacts over HTTP: the owner's two lists, one contact with its log, sharing with the sponsor,
// inviting a contact, and the counts the upline may see. Import and export are in import-routes.ts.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { invitationSchema } from '../invitations/schemas.ts';
import { memberIdParams } from '../structure/schemas.ts';
import {
  contactCountsSchema,
  contactIdParams,
  contactInvitationBody,
  contactListSchema,
  contactPageSchema,
  contactSchema,
  contactSummaryOverviewSchema,
  createContactBody,
  dueListSchema,
  dueQuery,
  interactionIdParams,
  listContactsQuery,
  logInteractionBody,
  shareBody,
  sharedContactsSchema,
  todayQuery,
  updateContactBody,
} from './schemas.ts';
import { contactService } from './service.ts';

const tags = ['contacts'];

export async function contactRoutes(app: App, deps: Deps) {
  const contacts = contactService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/contacts',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My contacts: search, filter by list, city, stage, tag or call-back due; paged',
        querystring: listContactsQuery,
        response: { 200: contactListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => contacts.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/contacts/overview',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My lists at a glance: counts per list and stage, cities of list 2, tags, growth, due',
        querystring: todayQuery,
        response: { 200: contactSummaryOverviewSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => contacts.overview(actorOf(request), request.query.today),
  );

  app.get(
    '/api/v1/contacts/due',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My call-backs due today or earlier, most overdue first',
        querystring: dueQuery,
        response: { 200: dueListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => contacts.due(actorOf(request), request.query.today, request.query.limit),
  );

  app.get(
    '/api/v1/contacts/shared',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Contacts the members of my frontline share with me (read-only)',
        response: { 200: sharedContactsSchema, ...errorResponses(401) },
      },
    },
    async (request) => contacts.shared(actorOf(request)),
  );

  app.post(
    '/api/v1/contacts',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Add a contact (only the name is needed)',
        body: createContactBody,
        response: { 201: contactSchema, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => reply.status(201).send(await contacts.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'One contact with its interaction log (mine, or shared with me by my frontline)',
        params: contactIdParams,
        response: { 200: contactPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => contacts.page(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Change a contact of mine',
        params: contactIdParams,
        body: updateContactBody,
        response: { 200: contactSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => contacts.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Delete a contact of mine with its log',
        params: contactIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await contacts.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/contacts/:id/interactions',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Log a call, message, meeting, 2+1 meeting or online presentation',
        description:
          'Sets the last contact date. Moves a new contact to `contacted` unless `stage` says otherwise. ' +
          '`nextFollowUpOn` sets (or with null clears) the call-back date; left out, a call-back due by ' +
          'the date of this interaction counts as done.',
        params: contactIdParams,
        body: logInteractionBody,
        response: { 201: contactPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await contacts.logInteraction(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/contacts/:id/interactions/:interactionId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Remove a mistaken entry of the interaction log',
        params: interactionIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await contacts.removeInteraction(actorOf(request), request.params.id, request.params.interactionId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/contacts/:id/share',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Share a contact with my sponsor (read-only for them), or stop sharing it',
        params: contactIdParams,
        body: shareBody,
        response: { 200: contactSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => contacts.share(actorOf(request), request.params.id, request.body.shared),
  );

  app.post(
    '/api/v1/contacts/:id/invitation',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Make a one-use invitation link prefilled from the contact; joining links them back',
        params: contactIdParams,
        body: contactInvitationBody,
        response: { 201: invitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.invite(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/members/:id/contact-counts',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'How many contacts a member of my downline has, per list and stage (never who)',
        params: memberIdParams,
        querystring: todayQuery,
        response: { 200: contactCountsSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => contacts.counts(actorOf(request), request.params.id, request.query.today),
  );
}
