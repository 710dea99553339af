// The three KPIs (a member's dashboard and the members behind each number) and the weekly analysis.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { reviewService } from './reviews.ts';
import {
  currentReviewSchema,
  dashboardQuery,
  dashboardSchema,
  drilldownQuery,
  drilldownSchema,
  historyQuery,
  historySchema,
  organizationWeekdayBody,
  reviewWeekParams,
  saveReviewBody,
  teamQuery,
  teamSchema,
  todayQuery,
  weekdayBody,
} from './schemas.ts';
import { kpiService } from './service.ts';

const tags = ['kpis'];

export async function kpiRoutes(app: App, deps: Deps) {
  const kpis = kpiService(deps);
  const reviews = reviewService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/kpis',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The three KPIs of a member and their structure: a 12-period trend and the frontline legs',
        description:
          'Points turnover (own and structure), new members in the structure (and in the frontline), and ' +
          'distinct people of the structure in training (offline, online), by month or ISO week. Mine by ' +
          'default; a member of my downline (admins: anyone) with `memberId`.',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => kpis.dashboard(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/kpis/drilldown',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The members behind one KPI of one period, 50 at a time',
        querystring: drilldownQuery,
        response: { 200: drilldownSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => kpis.drilldown(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/reviews/current',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My weekly analysis: the week under review, its numbers, and whether it is written',
        querystring: todayQuery,
        response: { 200: currentReviewSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => reviews.current(actorOf(request), request.query.today),
  );

  app.put(
    '/api/v1/reviews/:week',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Write my corrections for next week (the week under review only)',
        params: reviewWeekParams,
        body: saveReviewBody,
        response: { 200: currentReviewSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => reviews.save(actorOf(request), request.params.week, request.body),
  );

  app.get(
    '/api/v1/reviews',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The last 12 weekly analyses of a member: done, missed or open, with their numbers',
        querystring: historyQuery,
        response: { 200: historySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => reviews.history(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/reviews/team',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Who in my frontline (or downline) did this week’s analysis, with their numbers',
        querystring: teamQuery,
        response: { 200: teamSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => reviews.team(actorOf(request), request.query),
  );

  app.put(
    '/api/v1/reviews/settings/weekday',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My weekday for the weekly analysis (null: the organization’s)',
        body: weekdayBody,
        querystring: todayQuery,
        response: { 200: currentReviewSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => reviews.setWeekday(actorOf(request), request.body.weekday, request.query.today),
  );

  app.put(
    '/api/v1/reviews/settings/organization-weekday',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The organization’s default weekday for the weekly analysis (admins)',
        body: organizationWeekdayBody,
        response: { 200: z.object({ weekday: z.number() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reviews.setOrganizationWeekday(actorOf(request), request.body.weekday),
  );
}
