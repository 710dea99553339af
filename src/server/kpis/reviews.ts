// The weekly analysis. Once a week, on a fixed weekday (the member's own, else the organization's), the
// member looks at the three KPIs of the week under review against the week before, the four weeks
// before and the week's plan, and writes the corrections for next week, adjusting next week's plan in the
// same step. The review keeps the numbers it was written against. The upline sees who did theirs and their numbers, not the text.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  addDays,
  firstReviewDay,
  lastReviewDay,
  periodEnd,
  reviewedWeek,
  shiftPeriod,
  TREND_LENGTH,
} from '../../core/kpis/periods.ts';
import { members, organizations, weeklyReviews } from '../../db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { planService } from '../plans/service.ts';
import { memberAccess } from '../structure/policy.ts';
import { getMember, type MemberRow, teamPage } from '../structure/queries.ts';
import { presentFigures } from './presenters.ts';
import { figuresOf } from './queries.ts';
import type {
  CurrentReviewView,
  FiguresView,
  historyQuery,
  ReviewNumbers,
  saveReviewBody,
  teamQuery,
  teamSchema,
} from './schemas.ts';

export const TEAM_PAGE = 50;

/** Within a day of the server's date, the device's date counts (its evening may be the server's night). */
function effectiveToday(serverToday: string, deviceToday: string | undefined): string {
  if (!deviceToday) return serverToday;
  return deviceToday >= addDays(serverToday, -1) && deviceToday <= addDays(serverToday, 1)
    ? deviceToday
    : serverToday;
}

function average(figures: FiguresView[], period: string): FiguresView {
  const avg = (pick: (f: FiguresView) => number, decimals: number) => {
    const factor = 10 ** decimals;
    return Math.round((figures.reduce((sum, f) => sum + pick(f), 0) / figures.length) * factor) / factor;
  };
  return {
    period,
    points: avg((f) => f.points, 2),
    structurePoints: avg((f) => f.structurePoints, 2),
    newMembers: avg((f) => f.newMembers, 1),
    newFrontline: avg((f) => f.newFrontline, 1),
    trained: avg((f) => f.trained, 1),
    trainedOffline: avg((f) => f.trainedOffline, 1),
    trainedOnline: avg((f) => f.trainedOnline, 1),
  };
}

export function reviewService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;
  const serverToday = () => clock.now().toISOString().slice(0, 10);
  const plans = planService(deps);

  async function organizationWeekday(organizationId: string) {
    const [row] = await db
      .select({ weekday: organizations.reviewWeekday })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return row?.weekday ?? 1;
  }

  /**
   * The week's figures, the week before, and the average of the four weeks before it — of the weeks the
   * member was a member in: a week that ended before they joined has no figures (null), and the average
   * is over the weeks of membership among the four (null when there is none).
   */
  async function numbersOf(
    organizationId: string,
    memberId: string,
    week: string,
    joinedOn: string,
  ): Promise<ReviewNumbers> {
    const weeks = Array.from({ length: 5 }, (_, i) => shiftPeriod('week', week, i - 5)).concat(week);
    const stored = await figuresOf(db, organizationId, memberId, 'week', weeks);
    const member = (w: string) => addDays(w, 6) >= joinedOn;
    const f = weeks.map((w) => presentFigures(w, stored.get(w) ?? null));
    const before = f.slice(1, 5).filter((x) => member(x.period));
    return {
      week: f[5]!,
      lastWeek: member(weeks[4]!) ? f[4]! : null,
      // The four weeks before the one reviewed, last week included.
      average4: before.length ? average(before, weeks[1]!) : null,
    };
  }

  async function reviewsOf(organizationId: string, memberIds: string[], weeks: string[]) {
    if (!memberIds.length || !weeks.length) return [];
    return db
      .select()
      .from(weeklyReviews)
      .where(
        and(
          eq(weeklyReviews.organizationId, organizationId),
          inArray(weeklyReviews.memberId, memberIds),
          inArray(weeklyReviews.week, weeks),
        ),
      );
  }

  const presentReview = (row: typeof weeklyReviews.$inferSelect) => ({
    week: row.week,
    corrections: row.corrections,
    numbers: row.numbers as ReviewNumbers,
    updatedAt: row.updatedAt.toISOString(),
  });

  async function subject(actor: Actor, memberId: string | undefined): Promise<MemberRow> {
    const member = await getMember(db, actor.organizationId, memberId ?? actor.memberId);
    if (!member || memberAccess(actor, member) !== 'full') throw errors.notFound('Member');
    return member;
  }

  /**
   * The review day in force for a member today: the latest one, or — for someone who joined since — their
   * first, which looks at their first whole week of membership.
   */
  function reviewDayOf(member: MemberRow, weekday: number, today: string) {
    const first = firstReviewDay(member.joinedOn, weekday);
    const latest = lastReviewDay(today, weekday);
    return { first, reviewDay: latest < first ? first : latest };
  }

  /** The week under review, its numbers and whether its analysis is due — without the plans beside it. */
  async function reviewState(actor: Actor, deviceToday?: string) {
    const today = effectiveToday(serverToday(), deviceToday);
    const me = (await getMember(db, actor.organizationId, actor.memberId))!;
    const organizationDay = await organizationWeekday(actor.organizationId);
    const weekday = me.reviewWeekday ?? organizationDay;
    const { first, reviewDay } = reviewDayOf(me, weekday, today);
    const week = reviewedWeek(reviewDay);
    const lastWeek = shiftPeriod('week', week, -1);
    const [numbers, reviews] = await Promise.all([
      numbersOf(actor.organizationId, me.id, week, me.joinedOn),
      reviewsOf(actor.organizationId, [me.id], [week, lastWeek]),
    ]);
    const review = reviews.find((r) => r.week === week) ?? null;
    // The analysis is a partner's (customers buy; they do not build a structure).
    const partner = me.kind === 'partner';
    const status = review
      ? ('written' as const)
      : !partner
        ? ('partnersOnly' as const)
        : reviewDay > today
          ? ('upcoming' as const)
          : ('due' as const);
    return {
      weekday,
      ownWeekday: me.reviewWeekday,
      organizationWeekday: organizationDay,
      reviewDay,
      week,
      weekEnd: periodEnd('week', week),
      isReviewDay: reviewDay === today,
      status,
      due: status === 'due',
      // A week before the first whole week of membership had nothing to miss.
      missedLast: partner && addDays(reviewDay, -7) >= first && !reviews.some((r) => r.week === lastWeek),
      numbers,
      review: review ? presentReview(review) : null,
      me,
    };
  }

  async function current(actor: Actor, deviceToday?: string): Promise<CurrentReviewView> {
    const { me, ...state } = await reviewState(actor, deviceToday);
    const [weekPlan, nextPlan] = await Promise.all([
      plans.pageOf(db, actor, me, 'week', state.week),
      plans.pageOf(db, actor, me, 'week', shiftPeriod('week', state.week, 1)),
    ]);
    return {
      ...state,
      plan: {
        week: weekPlan.plan,
        next: { start: nextPlan.start, end: nextPlan.end, plan: nextPlan.plan, proposal: nextPlan.proposal },
      },
    };
  }

  return {
    current,
    /** What Today needs of the analysis: whether it is due, and the week's numbers. */
    async status(actor: Actor, deviceToday?: string) {
      const { me: _me, ...state } = await reviewState(actor, deviceToday);
      return state;
    },

    /** Writes (or rewrites) the analysis of the week under review, with the numbers as they are now. */
    async save(actor: Actor, week: string, body: z.infer<typeof saveReviewBody>) {
      const state = await current(actor, body.today);
      if (state.status === 'upcoming') {
        throw new AppError(
          409,
          'review_not_yet',
          `The first weekly analysis is on ${state.reviewDay}, about the first whole week of membership.`,
        );
      }
      if (week !== state.week) {
        throw new AppError(409, 'review_closed', `Only the week of ${state.week} can be reviewed now.`);
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(weeklyReviews)
          .values({
            organizationId: actor.organizationId,
            memberId: actor.memberId,
            week,
            corrections: body.corrections,
            numbers: state.numbers,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [weeklyReviews.organizationId, weeklyReviews.memberId, weeklyReviews.week],
            set: { corrections: body.corrections, numbers: state.numbers, updatedAt: now },
          });
        if (body.nextWeekPlan) {
          await plans.writeOwn(tx, actor, 'week', shiftPeriod('week', week, 1), body.nextWeekPlan.items);
        }
      });
      return current(actor, body.today);
    },

    /** The last 12 review weeks of a member: done, missed or still open, with their numbers. */
    async history(actor: Actor, query: z.infer<typeof historyQuery>) {
      const member = await subject(actor, query.memberId);
      const today = effectiveToday(serverToday(), query.today);
      const weekday = member.reviewWeekday ?? (await organizationWeekday(actor.organizationId));
      const latest = lastReviewDay(today, weekday);
      // A newcomer's history starts with their first review day (about their first whole week).
      const first = firstReviewDay(member.joinedOn, weekday);
      const days = Array.from({ length: TREND_LENGTH }, (_, i) => addDays(latest, -7 * i)).filter(
        (day) => day >= first,
      );
      const weeks = days.map(reviewedWeek);
      const [reviews, live] = await Promise.all([
        reviewsOf(actor.organizationId, [member.id], weeks),
        figuresOf(db, actor.organizationId, member.id, 'week', weeks),
      ]);
      const byWeek = new Map(reviews.map((r) => [r.week, r]));
      const isMe = member.id === actor.memberId;
      return {
        member: { id: member.id, name: member.name },
        weekday,
        weeks: days.map((reviewDay, i) => {
          const week = weeks[i]!;
          const review = byWeek.get(week);
          return {
            week,
            reviewDay,
            status: review ? ('done' as const) : i === 0 ? ('open' as const) : ('missed' as const),
            numbers: review
              ? (review.numbers as ReviewNumbers).week
              : presentFigures(week, live.get(week) ?? null),
            corrections: review && isMe ? review.corrections : null,
          };
        }),
      };
    },

    /** The frontline (or whole downline) of a member: who did this week's analysis, with their numbers. */
    async team(actor: Actor, query: z.infer<typeof teamQuery>): Promise<z.infer<typeof teamSchema>> {
      const leader = await subject(actor, query.memberId);
      const today = effectiveToday(serverToday(), query.today);
      const organizationDay = await organizationWeekday(actor.organizationId);
      const page = await teamPage(db, actor.organizationId, leader, query.scope, {
        offset: query.offset,
        limit: TEAM_PAGE,
      });
      const rows = page.rows.map((m) => {
        const weekday = m.reviewWeekday ?? organizationDay;
        const { first, reviewDay } = reviewDayOf(m, weekday, today);
        return { m, weekday, first, reviewDay, week: reviewedWeek(reviewDay) };
      });
      const weeks = [...new Set(rows.flatMap((r) => [r.week, shiftPeriod('week', r.week, -1)]))];
      const reviews = await reviewsOf(
        actor.organizationId,
        rows.map((r) => r.m.id),
        weeks,
      );
      const done = new Set(reviews.map((r) => `${r.memberId}|${r.week}`));
      const figures = await Promise.all(
        rows.map((r) => figuresOf(db, actor.organizationId, r.m.id, 'week', [r.week])),
      );
      return {
        total: page.total,
        nextOffset: page.nextOffset,
        rows: rows.map((r, i) => ({
          member: { id: r.m.id, name: r.m.name, level: r.m.depth - leader.depth },
          weekday: r.weekday,
          week: r.week,
          reviewDay: r.reviewDay,
          status: done.has(`${r.m.id}|${r.week}`)
            ? ('done' as const)
            : r.reviewDay > today
              ? ('upcoming' as const)
              : ('open' as const),
          missedLast:
            addDays(r.reviewDay, -7) >= r.first && !done.has(`${r.m.id}|${shiftPeriod('week', r.week, -1)}`),
          numbers: presentFigures(r.week, figures[i]!.get(r.week) ?? null),
        })),
      };
    },

    async setWeekday(actor: Actor, weekday: number | null, deviceToday?: string) {
      await db
        .update(members)
        .set({ reviewWeekday: weekday, updatedAt: clock.now() })
        .where(and(eq(members.organizationId, actor.organizationId), eq(members.id, actor.memberId)));
      return current(actor, deviceToday);
    },

    async setOrganizationWeekday(actor: Actor, weekday: number) {
      if (actor.role !== 'admin') {
        throw errors.forbidden('Only organization admins set the weekday of the weekly analysis.');
      }
      await db
        .update(organizations)
        .set({ reviewWeekday: weekday, updatedAt: clock.now() })
        .where(eq(organizations.id, actor.organizationId));
      return { weekday };
    },
  };
}
