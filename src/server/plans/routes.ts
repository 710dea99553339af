// Goals and plans over HTTP. Reading takes `memberId` (my downline; admins: anyone); writing is always
// my own, so nobody writes someone else's plan.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import {
  goalBody,
  goalPageSchema,
  goalParams,
  itemParams,
  overviewSchema,
  planItemsBody,
  planPageSchema,
  planParams,
  planQuery,
  planSchema,
  teamQuery,
  teamSchema,
  tickBody,
} from './schemas.ts';
import { planService } from './service.ts';

const tags = ['plans'];

export async function planRoutes(app: App, deps: Deps) {
  const plans = planService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/plans/overview',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The annual goal, the plans running today at every level, tomorrow’s day plan, the habit',
        querystring: planQuery,
        response: { 200: overviewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => plans.overview(actorOf(request), request.query.memberId),
  );

  app.get(
    '/api/v1/plans/team',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Who in my frontline (or downline) plans: this week’s plan and the planning habit',
        querystring: teamQuery,
        response: { 200: teamSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => plans.team(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/plans/:level/:start',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'One plan with its progress, or the targets proposed from the level above',
        description:
          'Levels: three_months (from the 1st of a month), month (the 1st), week (a Monday), day. Progress ' +
          'is counted from what the member did in the app, in their time zone.',
        params: planParams,
        querystring: planQuery,
        response: { 200: planPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      plans.page(actorOf(request), request.params.level, request.params.start, request.query.memberId),
  );

  app.put(
    '/api/v1/plans/:level/:start',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Write (or rewrite) my plan of a period',
        params: planParams,
        body: planItemsBody,
        response: { 200: planPageSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) =>
      plans.save(actorOf(request), request.params.level, request.params.start, request.body.items),
  );

  app.delete(
    '/api/v1/plans/:level/:start',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Delete my plan of a period that is not over',
        params: planParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await plans.remove(actorOf(request), request.params.level, request.params.start);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/plans/items/:id/tick',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Tick (or untick) a custom action of my plan',
        params: itemParams,
        body: tickBody,
        response: { 200: planSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => plans.tick(actorOf(request), request.params.id, request.body.done),
  );

  app.get(
    '/api/v1/goals/current',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'A member’s goal running today; without one, the twelve months from this month to write it for',
        querystring: planQuery,
        response: { 200: goalPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => plans.currentGoal(actorOf(request), request.query.memberId),
  );

  app.get(
    '/api/v1/goals/:start',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A member’s goal for the twelve months from a month, with their intake answer about income',
        params: goalParams,
        querystring: planQuery,
        response: { 200: goalPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => plans.goal(actorOf(request), request.params.start, request.query.memberId),
  );

  app.put(
    '/api/v1/goals/:start',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Write my goal for the twelve months from a month (never overlapping another goal)',
        params: goalParams,
        body: goalBody,
        response: { 200: goalPageSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => plans.saveGoal(actorOf(request), request.params.start, request.body),
  );
}
