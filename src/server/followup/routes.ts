// Following up new members over HTTP: the sponsor's board, Today's part, one member's follow-up (intake,
// ticks, touchpoints), and the organization's onboarding template.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { memberIdParams } from '../structure/schemas.ts';
import {
  boardQuery,
  boardSchema,
  followupSchema,
  intakeBody,
  stepBody,
  stepParams,
  templateBody,
  templatePageSchema,
  todayQuery,
  todaySchema,
  touchpointBody,
  touchpointParams,
  touchpointSchema,
} from './schemas.ts';
import { followupService } from './service.ts';
import { toolsRoutes } from './tools-routes.ts';

const tags = ['follow-up'];

export async function followupRoutes(app: App, deps: Deps) {
  const followup = followupService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/followups',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My follow-up board: members who joined in the last 90 days, who needs me first',
        querystring: boardQuery,
        response: { 200: boardSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => followup.board(actorOf(request), request.query.scope, request.query.today),
  );

  app.get(
    '/api/v1/followups/today',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'Today: my own getting-started steps, and frontline members with overdue steps or no contact',
        querystring: todayQuery,
        response: { 200: todaySchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => followup.today(actorOf(request), request.query.today),
  );

  app.get(
    '/api/v1/members/:id/followup',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A member’s follow-up: steps, intake answers, touchpoints (the member, upline, admins)',
        params: memberIdParams,
        querystring: todayQuery,
        response: { 200: followupSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => followup.get(actorOf(request), request.params.id, request.query.today),
  );

  app.put(
    '/api/v1/members/:id/followup/intake',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Answer the intake questions (the member, their sponsor or an admin)',
        params: memberIdParams,
        querystring: todayQuery,
        body: intakeBody,
        response: { 200: followupSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      followup.saveIntake(actorOf(request), request.params.id, request.body, request.query.today),
  );

  app.put(
    '/api/v1/members/:id/followup/steps/:key',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Tick a step as done, or open it again (the member, their sponsor or an admin)',
        params: stepParams,
        querystring: todayQuery,
        body: stepBody,
        response: { 200: followupSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      followup.tick(
        actorOf(request),
        request.params.id,
        request.params.key,
        request.body.done,
        request.query.today,
      ),
  );

  app.post(
    '/api/v1/members/:id/touchpoints',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Log a call, message or meeting with a member of my downline',
        params: memberIdParams,
        body: touchpointBody,
        response: { 201: touchpointSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await followup.logTouchpoint(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/members/:id/touchpoints/:touchpointId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Remove a touchpoint I logged by mistake',
        params: touchpointParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await followup.deleteTouchpoint(actorOf(request), request.params.id, request.params.touchpointId);
      return reply.status(204).send(null);
    },
  );

  const templateResponses = { 200: templatePageSchema, ...errorResponses(400, 401, 403) };

  app.get(
    '/api/v1/organization/onboarding',
    {
      ...guarded,
      schema: { tags, summary: 'The onboarding template (admins)', response: templateResponses },
    },
    async (request) => followup.template(actorOf(request)),
  );

  app.put(
    '/api/v1/organization/onboarding',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Change the onboarding template (admins); running follow-ups keep theirs',
        body: templateBody,
        response: templateResponses,
      },
    },
    async (request) => followup.saveTemplate(actorOf(request), request.body),
  );

  app.delete(
    '/api/v1/organization/onboarding',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Go back to the default onboarding template (admins)',
        response: templateResponses,
      },
    },
    async (request) => followup.resetTemplate(actorOf(request)),
  );

  await toolsRoutes(app, deps);
}
