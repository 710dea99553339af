// The business diary over HTTP: days and ranges, entries, moving tasks, the evening review, activity
// counts for the upline, meetings in other members' diaries one is invited to, and the secret calendar
// feed (public by its token).
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { memberIdParams } from '../structure/schemas.ts';
import { calendarFeeds } from './feed.ts';
import {
  activityQuery,
  activitySchema,
  answerBody,
  createEntryBody,
  dayPageSchema,
  dayParams,
  entryIdParams,
  entrySchema,
  feedSchema,
  feedTokenParams,
  meetingSchema,
  meetingsSchema,
  moveTaskBody,
  rangePageSchema,
  rangeQuery,
  reviewBody,
  updateEntryBody,
} from './schemas.ts';
import { diaryService } from './service.ts';

const tags = ['diary'];

export async function diaryRoutes(app: App, deps: Deps) {
  const diary = diaryService(deps);
  const feeds = calendarFeeds(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/diary/days/:day',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My day in time order: events, tasks, notes; the evening review and the streak',
        params: dayParams,
        response: { 200: dayPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => diary.day(actorOf(request), request.params.day),
  );

  app.get(
    '/api/v1/diary',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My entries of some days (a week or a month view; at most 62 days)',
        querystring: rangeQuery,
        response: { 200: rangePageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => diary.range(actorOf(request), request.query.from, request.query.to),
  );

  app.post(
    '/api/v1/diary/entries',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Write an event, a task or a note (with links to my contacts and members)',
        description:
          'Events and notes linked to contacts appear in those contacts’ interaction logs; a note’s ' +
          '`callBackOn` becomes their call-back date, and its `newContacts` are added to my lists.',
        body: createEntryBody,
        response: { 201: entrySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await diary.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/diary/entries/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Change an entry of mine: a task done or dropped, an event moved or cancelled',
        params: entryIdParams,
        body: updateEntryBody,
        response: { 200: entrySchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => diary.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/diary/entries/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Delete an entry of mine (and what it wrote into contacts’ logs)',
        params: entryIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await diary.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/diary/entries/:id/move',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Move an open task to another day (it stays here as moved)',
        params: entryIdParams,
        body: moveTaskBody,
        response: { 201: entrySchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await diary.moveTask(actorOf(request), request.params.id, request.body.to)),
  );

  app.post(
    '/api/v1/diary/days/:day/review',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The evening review: each open task done, moved to tomorrow or dropped; tomorrow’s plan',
        params: dayParams,
        body: reviewBody,
        response: { 200: dayPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => diary.review(actorOf(request), request.params.day, request.body),
  );

  app.get(
    '/api/v1/diary/meetings',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Meetings of other members’ diaries I am invited to, on some days (at most 62)',
        description:
          'A member linked to an event of someone else’s diary (a 2+1 with their sponsor, a training…) ' +
          'is invited to it. The invited member sees its time, type, place or link, the owner and the ' +
          'other invited members with their answers — never the owner’s title or details; the owner’s ' +
          'contacts only as a number of `guests`. The day and range pages carry the same list.',
        querystring: rangeQuery,
        response: { 200: meetingsSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => diary.meetings(actorOf(request), request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/diary/invitations',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My invitations still open, for Today: meetings to come and unanswered ones of two weeks',
        response: { 200: meetingsSchema, ...errorResponses(401) },
      },
    },
    async (request) => diary.invitations(actorOf(request)),
  );

  app.put(
    '/api/v1/diary/invitations/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Accept or decline a meeting I am invited to (until it is cancelled)',
        description:
          'An accepted 2+1 meeting or presentation counts for my plans and my follow-up once it has ' +
          'ended (its end, or its start without one), unless it was cancelled. Moving the meeting to ' +
          'another time asks again. `meeting_cancelled` (409) for a cancelled one; anyone else’s ' +
          'invitation is not found.',
        params: entryIdParams,
        body: answerBody,
        response: { 200: meetingSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => diary.answer(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/members/:id/diary-activity',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'How a member of my downline works the system: counts per week, never the entries',
        params: memberIdParams,
        querystring: activityQuery,
        response: { 200: activitySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      diary.activity(actorOf(request), request.params.id, request.query.weeks, request.query.today),
  );

  app.get(
    '/api/v1/diary/feed',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My secret calendar feed link, if I made one',
        response: { 200: feedSchema, ...errorResponses(401) },
      },
    },
    async (request) => feeds.feed(actorOf(request)),
  );

  app.post(
    '/api/v1/diary/feed',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Make a new secret calendar feed link (the old one stops working)',
        response: { 200: feedSchema, ...errorResponses(401) },
      },
    },
    async (request) => feeds.renewFeed(actorOf(request)),
  );

  app.delete(
    '/api/v1/diary/feed',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Withdraw my calendar feed link',
        response: { 204: z.null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await feeds.revokeFeed(actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar/:token',
    {
      schema: {
        tags,
        summary: 'A member’s events as iCalendar, for phone calendars (public: the link is the secret)',
        params: feedTokenParams,
        response: errorResponses(404),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        // The calendar is text, not JSON: the schema documents only the error.
        .send((await feeds.calendar(request.params.token.replace(/\.ics$/, ''))) as never),
  );
}
