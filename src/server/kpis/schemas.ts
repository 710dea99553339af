import { z } from 'zod';
import { GRAINS, isoWeekday } from '../../core/kpis/periods.ts';
import { reason } from '../http/errors.ts';
import { isoDate, queryInteger } from '../http/schemas.ts';
import { planItemsBody, planPageSchema, planSchema } from '../plans/schemas.ts';
import { KINDS } from '../structure/schemas.ts';

const day = isoDate();

export const KPIS = ['points', 'newMembers', 'training'] as const;
export type Kpi = (typeof KPIS)[number];

export const dashboardQuery = z.object({
  /** Whose numbers (default: mine); someone in my downline, or anyone for an admin. */
  memberId: z.uuid().optional(),
  grain: z.enum(GRAINS).default('month'),
  /** Any day of the period to show (default: today); the trend ends with this period. */
  day: day.optional(),
});

/** The three KPIs of one member and period; points as decimals. */
export const figuresSchema = z.object({
  period: z.string(),
  /** My own points. */
  points: z.number(),
  /** Points of my whole structure, me included. */
  structurePoints: z.number(),
  /** Members who joined anywhere in my structure (me not counted). */
  newMembers: z.number(),
  /** …of them directly under me. */
  newFrontline: z.number(),
  /** Distinct people of my structure (me included) who attended a training. */
  trained: z.number(),
  trainedOffline: z.number(),
  trainedOnline: z.number(),
});
export type FiguresView = z.infer<typeof figuresSchema>;

const memberRef = z.object({ id: z.uuid(), name: z.string() });

export const legSchema = z.object({
  member: memberRef.extend({ kind: z.enum(KINDS) }),
  structurePoints: z.number(),
  newMembers: z.number(),
  trained: z.number(),
});

export const dashboardSchema = z.object({
  member: memberRef.extend({ isMe: z.boolean() }),
  grain: z.enum(GRAINS),
  period: z.string(),
  periodEnd: z.string(),
  /** TREND_LENGTH periods, oldest first, ending with `period`. */
  trend: z.array(figuresSchema),
  /** The frontline legs in this period, biggest structure points first (at most 50). */
  legs: z.array(legSchema),
  legCount: z.number(),
});
export type DashboardView = z.infer<typeof dashboardSchema>;

export const drilldownQuery = z
  .object({
    memberId: z.uuid().optional(),
    kpi: z.enum(KPIS),
    grain: z.enum(GRAINS).default('month'),
    day: day.optional(),
    /** newMembers: only those directly under the member. training: only one format. */
    filter: z.enum(['frontline', 'offline', 'online']).optional(),
    offset: queryInteger({ min: 0, max: 1_000_000 }).default(0),
  })
  .superRefine((q, ctx) => {
    const fits = { points: [], newMembers: ['frontline'], training: ['offline', 'online'] }[q.kpi];
    if (q.filter && !(fits as string[]).includes(q.filter))
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        ...reason('invalid_value', `No such filter for ${q.kpi}`),
      });
  });

export const drilldownSchema = z.object({
  kpi: z.enum(KPIS),
  grain: z.enum(GRAINS),
  period: z.string(),
  total: z.number(),
  rows: z.array(
    z.object({
      member: memberRef.extend({ kind: z.enum(KINDS), joinedOn: z.string() }),
      /** Levels below the member whose numbers these are (0: the member). */
      level: z.number(),
      sponsorName: z.string().nullable(),
      points: z.number().optional(),
      trainedOffline: z.boolean().optional(),
      trainedOnline: z.boolean().optional(),
      interestedInDevelopment: z.boolean().optional(),
    }),
  ),
  nextOffset: z.number().nullable(),
});
export type DrilldownView = z.infer<typeof drilldownSchema>;

// The weekly analysis.

export const weekdaySchema = z.number().int().min(1).max(7);

export const reviewNumbersSchema = z.object({
  week: figuresSchema,
  /** Null when that week ended before the member joined. */
  lastWeek: figuresSchema.nullable(),
  /** The four weeks before the week reviewed, averaged over those of membership; null without any. */
  average4: figuresSchema.nullable(),
});
export type ReviewNumbers = z.infer<typeof reviewNumbersSchema>;

export const reviewSchema = z.object({
  week: z.string(),
  corrections: z.string(),
  numbers: reviewNumbersSchema,
  updatedAt: z.string(),
});

export const currentReviewSchema = z.object({
  /** The weekday in force (ISO 1 = Monday … 7 = Sunday), and where it comes from. */
  weekday: weekdaySchema,
  ownWeekday: weekdaySchema.nullable(),
  organizationWeekday: weekdaySchema,
  /** The latest review day on or before today, and the ISO week (its Monday) it looks at. */
  reviewDay: z.string(),
  week: z.string(),
  weekEnd: z.string(),
  isReviewDay: z.boolean(),
  /**
   * written: there is an analysis of this week (it can be improved until the next review day); due: the
   * review day has come and nothing is written; upcoming: a newcomer's first review day is still ahead
   * (it looks at their first whole week of membership); partnersOnly: customers do not write one.
   */
  status: z.enum(['written', 'due', 'upcoming', 'partnersOnly']),
  /** status is due. */
  due: z.boolean(),
  /** The review of the week before was not written. */
  missedLast: z.boolean(),
  numbers: reviewNumbersSchema,
  review: reviewSchema.nullable(),
  /** The plan of the week under review beside the numbers, and next week's plan the corrections shape. */
  plan: z.object({
    week: planSchema.nullable(),
    next: planPageSchema.pick({ start: true, end: true, plan: true, proposal: true }),
  }),
});
export type CurrentReviewView = z.infer<typeof currentReviewSchema>;

export const todayQuery = z.object({ today: day.optional() });

export const reviewWeekParams = z.object({
  week: day.refine((d) => isoWeekday(d) === 1, reason('week_start', 'A week is named by its Monday')),
});

export const saveReviewBody = z
  .object({
    corrections: z.string().trim().min(1, 'Write at least one correction for next week').max(4000),
    today: day.optional(),
    /** Next week's plan, adjusted to the corrections in the same step. */
    nextWeekPlan: planItemsBody.optional(),
  })
  .strict();

export const historyQuery = z.object({ memberId: z.uuid().optional(), today: day.optional() });

export const historySchema = z.object({
  member: memberRef,
  weekday: weekdaySchema,
  weeks: z.array(
    z.object({
      week: z.string(),
      reviewDay: z.string(),
      status: z.enum(['done', 'missed', 'open']),
      /** As written for a done review; the live numbers otherwise. */
      numbers: reviewNumbersSchema.shape.week,
      /** Only the member reads their own corrections. */
      corrections: z.string().nullable(),
    }),
  ),
});

export const teamQuery = z.object({
  memberId: z.uuid().optional(),
  scope: z.enum(['frontline', 'downline']).default('frontline'),
  today: day.optional(),
  offset: queryInteger({ min: 0, max: 1_000_000 }).default(0),
});

export const teamSchema = z.object({
  total: z.number(),
  nextOffset: z.number().nullable(),
  rows: z.array(
    z.object({
      member: memberRef.extend({ level: z.number() }),
      weekday: weekdaySchema,
      week: z.string(),
      reviewDay: z.string(),
      /** This week's review: written, still open, or — for a newcomer — their first is still ahead. */
      status: z.enum(['done', 'open', 'upcoming']),
      /** Last week's review was not written. */
      missedLast: z.boolean(),
      numbers: reviewNumbersSchema.shape.week,
    }),
  ),
});

export const weekdayBody = z.object({ weekday: weekdaySchema.nullable() }).strict();
export const organizationWeekdayBody = z.object({ weekday: weekdaySchema }).strict();
