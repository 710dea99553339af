// Trainings over HTTP: the organization's trainings, creating, editing and cancelling them, registering,
// recording attendance (walk-ins too), and the member's "interested in development" flag.
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import {
  attendanceBody,
  attendanceParams,
  candidatesQuery,
  candidatesSchema,
  createTrainingBody,
  interestBody,
  interestSchema,
  listQuery,
  todayQuery,
  trainingDetailSchema,
  trainingIdParams,
  trainingListSchema,
  updateTrainingBody,
} from './schemas.ts';
import { trainingService } from './service.ts';

const tags = ['trainings'];

export async function trainingRoutes(app: App, deps: Deps) {
  const trainings = trainingService(deps);
  const guarded = { onRequest: requireActor };
  const detail = (...errors: number[]) => ({ 200: trainingDetailSchema, ...errorResponses(...errors) });

  app.get(
    '/api/v1/trainings',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The organization’s trainings (from 30 days ago on, unless asked), with my registration',
        querystring: listQuery,
        response: { 200: trainingListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => trainings.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/trainings',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Create a training (partners and admins; I organize it). Offline: a place; online: a link',
        querystring: todayQuery,
        body: createTrainingBody,
        response: { 201: trainingDetailSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await trainings.create(actorOf(request), request.body, request.query.today)),
  );

  app.get(
    '/api/v1/trainings/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A training with the registrations I may see',
        params: trainingIdParams,
        querystring: todayQuery,
        response: detail(400, 401, 404),
      },
    },
    async (request) => trainings.get(actorOf(request), request.params.id, request.query.today),
  );

  app.patch(
    '/api/v1/trainings/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Change a training (its organizer or an admin); attendance moves with its date',
        params: trainingIdParams,
        querystring: todayQuery,
        body: updateTrainingBody,
        response: detail(400, 401, 403, 404, 409),
      },
    },
    async (request) =>
      trainings.update(actorOf(request), request.params.id, request.body, request.query.today),
  );

  app.post(
    '/api/v1/trainings/:id/cancel',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Cancel a training (its organizer or an admin); its attendance no longer counts',
        params: trainingIdParams,
        querystring: todayQuery,
        response: detail(400, 401, 403, 404),
      },
    },
    async (request) => trainings.cancel(actorOf(request), request.params.id, request.query.today),
  );

  app.put(
    '/api/v1/trainings/:id/registration',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Register myself (not for a cancelled or past training)',
        params: trainingIdParams,
        querystring: todayQuery,
        response: detail(400, 401, 404, 409),
      },
    },
    async (request) => trainings.register(actorOf(request), request.params.id, request.query.today),
  );

  app.delete(
    '/api/v1/trainings/:id/registration',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Take back my registration (not once the training is over or my attendance is recorded)',
        params: trainingIdParams,
        querystring: todayQuery,
        response: detail(400, 401, 404, 409),
      },
    },
    async (request) => trainings.unregister(actorOf(request), request.params.id, request.query.today),
  );

  app.put(
    '/api/v1/trainings/:id/attendance/:memberId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Record or take back a member’s attendance (organizer or admin); registers walk-ins',
        params: attendanceParams,
        querystring: todayQuery,
        body: attendanceBody,
        response: detail(400, 401, 403, 404, 409),
      },
    },
    async (request) =>
      trainings.recordAttendance(
        actorOf(request),
        request.params.id,
        request.params.memberId,
        request.body.attended,
        request.query.today,
      ),
  );

  app.get(
    '/api/v1/trainings/:id/candidates',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Find members by name to add as walk-ins (organizer or admin)',
        params: trainingIdParams,
        querystring: candidatesQuery,
        response: { 200: candidatesSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => trainings.candidates(actorOf(request), request.params.id, request.query.q),
  );

  app.put(
    '/api/v1/members/me/development-interest',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Say that I am interested in development, or take it back',
        body: interestBody,
        response: { 200: interestSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => trainings.setInterest(actorOf(request), request.body.interested),
  );
}
