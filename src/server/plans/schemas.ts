// The planning cascade over HTTP: the annual goal, the plans (3 months, month, week, day) with their
// progress from real activity and proposals from the level above, the planning habit, the team view.
import { z } from 'zod';
import { ACTIVITIES, MEASURED_ACTIVITIES, PACES, PLAN_LEVELS, PLAN_LIMITS } from '../../core/plans/fields.ts';
import { isPlanStart, planPeriod } from '../../core/plans/periods.ts';
import { reason } from '../http/errors.ts';
import { isoDate, MAX_DATE, queryInteger, YEARS } from '../http/schemas.ts';

const day = isoDate();
const L = PLAN_LIMITS;
const memberRef = z.object({ id: z.uuid(), name: z.string() });
const whose = z.object({ memberId: z.uuid().optional() });

// The annual goal.

/**
 * A goal is named by the month it starts: `2026-12` (or `2026-12-01`); a bare year `2026` is the goal
 * from January of that year.
 */
export const goalParams = z.object({
  start: z
    .string()
    .regex(/^(2\d{3})(-(0[1-9]|1[0-2])(-01)?)?$/, 'A goal starts on a month: YYYY-MM (or a year, YYYY)')
    .transform((v) => (v.length === 4 ? `${v}-01-01` : `${v.slice(0, 7)}-01`)),
});

export const goalBody = z
  .object({
    /** The goal for the twelve months in one clear sentence. */
    statement: z.string().trim().min(1, 'Write the goal in a sentence').max(L.statement),
    /** The income the member wants to reach, in their own words ("1,500 € a month by December"). */
    income: z
      .string()
      .trim()
      .max(L.income)
      .transform((v) => v || null)
      .nullable()
      .optional(),
    /** Why it matters to them. */
    reason: z
      .string()
      .trim()
      .max(L.reason)
      .transform((v) => v || null)
      .nullable()
      .optional(),
  })
  .strict();

export const goalSchema = z.object({
  /** The first day of its first month and the last day of its twelfth. */
  start: z.string(),
  end: z.string(),
  statement: z.string(),
  income: z.string().nullable(),
  reason: z.string().nullable(),
  updatedAt: z.string(),
});
export type GoalView = z.infer<typeof goalSchema>;

export const goalPageSchema = z.object({
  member: memberRef,
  /** The goal's twelve months (for a goal not written yet, the ones it would cover). */
  start: z.string(),
  end: z.string(),
  goal: goalSchema.nullable(),
  /** The member's answer to "what income would you like to reach" from their first conversation. */
  incomeSuggestion: z.string().nullable(),
  /** Only the member writes their goal; the upline reads it. */
  canEdit: z.boolean(),
});
export type GoalPage = z.infer<typeof goalPageSchema>;

// Plans.

export const planItemBody = z.discriminatedUnion('activity', [
  z
    .object({
      /** An existing item's id keeps its tick (custom items) when the plan is rewritten. */
      id: z.uuid().optional(),
      activity: z.enum(MEASURED_ACTIVITIES),
      target: z.number().int().min(1).max(L.target),
    })
    .strict(),
  z
    .object({
      id: z.uuid().optional(),
      activity: z.literal('custom'),
      /** The action in the member's words. */
      title: z.string().trim().min(1, 'Write the action').max(L.title),
    })
    .strict(),
]);
export type PlanItemInput = z.infer<typeof planItemBody>;

export const planItemsBody = z
  .object({
    items: z
      .array(planItemBody)
      .min(1, 'Add at least one item')
      .max(L.items)
      .superRefine((items, ctx) => {
        // Each measured activity once per plan (custom actions may repeat).
        const first = new Map<string, number>();
        for (const [i, item] of items.entries()) {
          if (item.activity === 'custom') continue;
          const earlier = first.get(item.activity);
          if (earlier === undefined) first.set(item.activity, i);
          else
            ctx.addIssue({
              code: 'custom',
              path: [i, 'activity'],
              ...reason(
                'duplicate_activity',
                `Already item ${earlier + 1}: each activity appears once in a plan`,
                { item: earlier + 1 },
              ),
            });
        }
      }),
  })
  .strict();
export type PlanItemsInput = z.infer<typeof planItemsBody>;

export const planParams = z
  .object({ level: z.enum(PLAN_LEVELS), start: day })
  .refine((v) => isPlanStart(v.level, v.start), {
    ...reason('plan_start', 'Months and 3-month plans start on the 1st, weeks on a Monday'),
    path: ['start'],
  })
  .refine((v) => !isPlanStart(v.level, v.start) || planPeriod(v.level, v.start).end <= MAX_DATE, {
    ...reason('date_range', 'Use a date between 1900 and 2999', YEARS),
    path: ['start'],
  });

export const planQuery = whose;

export const planItemSchema = z.object({
  id: z.uuid(),
  activity: z.enum(ACTIVITIES),
  /** Custom items: the action. */
  title: z.string().nullable(),
  target: z.number().nullable(),
  /** Counted from the member's activity (null for custom items). */
  actual: z.number().nullable(),
  /** What the days already over ask for, to one decimal. */
  expected: z.number().nullable(),
  pace: z.enum(PACES),
  /** Custom items: ticked. */
  done: z.boolean(),
});
export type PlanItemView = z.infer<typeof planItemSchema>;

export const planSchema = z.object({
  id: z.uuid(),
  level: z.enum(PLAN_LEVELS),
  start: z.string(),
  end: z.string(),
  status: z.enum(['upcoming', 'running', 'over']),
  /** Written before its period began (for a day plan: the evening before or earlier). */
  madeInAdvance: z.boolean(),
  items: z.array(planItemSchema),
  /** Items reached (measured) or ticked (custom), of all. */
  reached: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof planSchema>;

export const proposedItemSchema = z.object({
  activity: z.enum(MEASURED_ACTIVITIES),
  target: z.number(),
});
export type ProposedItemView = z.infer<typeof proposedItemSchema>;

const periodRef = z.object({ level: z.enum(PLAN_LEVELS), start: z.string(), end: z.string() });

export const planPageSchema = z.object({
  member: memberRef,
  /** The member's today (in their time zone). */
  today: z.string(),
  level: z.enum(PLAN_LEVELS),
  start: z.string(),
  end: z.string(),
  plan: planSchema.nullable(),
  /** Targets split from the nearest level above that has plans for these days (empty if none). */
  proposal: z.array(proposedItemSchema),
  /** The plans above whose days this one shares, nearest level first. */
  parents: z.array(periodRef),
  /** Only the member writes their plans, and only until the period is over. */
  canEdit: z.boolean(),
});
export type PlanPage = z.infer<typeof planPageSchema>;

export const itemParams = z.object({ id: z.uuid() });
export const tickBody = z.object({ done: z.boolean() }).strict();

// The habit and the overview.

export const habitSchema = z.object({
  /** Days in a row, ending today, with a day plan written in advance. */
  streak: z.number(),
  /** Of the last 28 days since joining: how many, and how many planned in advance. */
  days: z.number(),
  daysInAdvance: z.number(),
  /** Of the last 12 weeks since joining: how many, and how many had a weekly plan. */
  weeks: z.number(),
  weeksPlanned: z.number(),
  todayPlanned: z.boolean(),
  tomorrowPlanned: z.boolean(),
});
export type HabitView = z.infer<typeof habitSchema>;

export const overviewSchema = z.object({
  member: memberRef,
  today: z.string(),
  goal: goalSchema.nullable(),
  /** The plans running today at every level, and tomorrow's day plan if written. */
  current: z.object({
    three_months: planSchema.nullable(),
    month: planSchema.nullable(),
    week: planSchema.nullable(),
    day: planSchema.nullable(),
    tomorrow: planSchema.nullable(),
  }),
  habit: habitSchema,
  canEdit: z.boolean(),
  /** What the plans page opens on — this week and the goal — so that it loads in one request. */
  week: planPageSchema,
  goalPage: goalPageSchema,
});
export type OverviewView = z.infer<typeof overviewSchema>;

export const teamQuery = z.object({
  memberId: z.uuid().optional(),
  scope: z.enum(['frontline', 'downline']).default('frontline'),
  offset: queryInteger({ min: 0, max: 1_000_000 }).default(0),
});

export const teamSchema = z.object({
  total: z.number(),
  nextOffset: z.number().nullable(),
  rows: z.array(
    z.object({
      member: memberRef.extend({ level: z.number() }),
      today: z.string(),
      /** This week's plan: items reached of all (null: no weekly plan). */
      week: z.object({ reached: z.number(), items: z.number() }).nullable(),
      habit: habitSchema,
    }),
  ),
});
export type TeamView = z.infer<typeof teamSchema>;

export const timeZoneBody = z.object({ timeZone: z.string().max(64) });
