// Today over HTTP: one request for the whole page, always the asking member's own.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { dueListSchema } from '../contacts/schemas.ts';
import { dayPageSchema, meetingsSchema } from '../diary/schemas.ts';
import { todaySchema as followupTodaySchema } from '../followup/schemas.ts';
import { errorResponses } from '../http/errors.ts';
import { isoDate } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { currentReviewSchema } from '../kpis/schemas.ts';
import { overviewSchema } from '../plans/schemas.ts';
import { todayService } from './service.ts';

/** The device's date, so what is due and overdue follows the person's own calendar. Nothing else. */
export const todayPageQuery = z.strictObject({ today: isoDate().optional() });

export const todayPageSchema = z
  .object({
    /** The day the page is for (the device's date). */
    today: z.string(),
    member: z.object({ id: z.uuid(), joinedOn: z.string(), country: z.string().nullable() }),
    /** Meetings others invited me to: to come, and unanswered ones of the last two weeks. */
    invitations: meetingsSchema.shape.meetings,
    /** The weekly analysis while it is due (never of a week that began before the member joined). */
    review: currentReviewSchema.pick({ week: true, weekEnd: true, numbers: true }).nullable(),
    /** My own open getting-started steps and the frontline members who need me; null when neither. */
    followup: followupTodaySchema.pick({ mine: true, attention: true }).nullable(),
    /** The plans running today and the habit; `canPlanDay`: today is a day of membership. */
    plans: overviewSchema.extend({ canPlanDay: z.boolean() }),
    /** Today in the diary; `canReview`: the evening review of today is still to do. */
    diary: dayPageSchema.extend({ canReview: z.boolean() }),
    /** Contacts to call back today or earlier (the first few, most overdue first); null when none. */
    due: dueListSchema.nullable(),
  })
  .meta({ id: 'TodayPage' });
export type TodayPage = z.infer<typeof todayPageSchema>;

export async function todayRoutes(app: App, deps: Deps) {
  const today = todayService(deps);
  app.get(
    '/api/v1/today',
    {
      onRequest: requireActor,
      schema: {
        tags: ['today'],
        summary: 'Everything my Today page shows, in one answer (always my own)',
        querystring: todayPageQuery,
        response: { 200: todayPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => today.page(actorOf(request), request.query.today),
  );
}
