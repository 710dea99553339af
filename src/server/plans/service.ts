// The planning cascade: the annual goal, plans from three months down to a day with progress counted from
// real activity and proposals split from the level above, the planning habit, and the team view. Only
// the member writes their goal and plans; their upline (and admins) read them, never what lies behind
// the counts (diary, contacts).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { addDays, periodOf } from '../../core/kpis/periods.ts';
import { PLAN_LEVELS, type PlanLevel } from '../../core/plans/fields.ts';
import {
  HABIT_DAYS,
  HABIT_WEEKS,
  type Habit,
  planningHabit,
  writtenInAdvance,
} from '../../core/plans/habit.ts';
import { dayIn, goalPeriod, isTimeZone, periodAt, planPeriod } from '../../core/plans/periods.ts';
import { proposeItems } from '../../core/plans/proposal.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { getFollowup } from '../followup/queries.ts';
import { AppError, errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { memberAccess } from '../structure/policy.ts';
import { getMember, type MemberRow, teamPage } from '../structure/queries.ts';
import { dayCounts } from './activity.ts';
import { presentGoal, presentPlan } from './presenters.ts';
import {
  deletePlan,
  getGoal,
  getItem,
  getPlan,
  goalsOverlapping,
  habitPlans,
  type ItemWrite,
  lockPlanner,
  overlappingThreeMonths,
  type PlanWithItems,
  plansOfMembers,
  plansOverlapping,
  saveGoal,
  setItemDone,
  writePlan,
} from './queries.ts';
import type {
  GoalPage,
  goalBody,
  OverviewView,
  PlanItemInput,
  PlanPage,
  PlanView,
  TeamView,
  teamQuery,
} from './schemas.ts';

export const TEAM_PAGE = 50;

/** Where a plan's proposal comes from: the nearest level above with a plan for its days. */
const LEVELS_ABOVE: Record<PlanLevel, PlanLevel[]> = {
  three_months: [],
  month: ['three_months'],
  week: ['month', 'three_months'],
  day: ['week', 'month', 'three_months'],
};

/** The member's time zone; one the runtime no longer knows counts as UTC rather than failing. */
const zoneOf = (member: MemberRow) =>
  member.timeZone && isTimeZone(member.timeZone) ? member.timeZone : 'UTC';
/** What a plan's pace is counted with: the member's zone and the day they joined. */
const paceOf = (member: MemberRow) => ({ timeZone: zoneOf(member), joinedOn: member.joinedOn });
const periodOver = () => new AppError(409, 'plan_closed', 'This plan’s period is over; it stays as it was.');
const earliest = (days: string[]) => days.reduce((a, b) => (b < a ? b : a));

export function planService({ database, clock }: Deps) {
  const { db } = database;
  const todayOf = (member: MemberRow) => dayIn(clock.now(), zoneOf(member));

  /** Me, or a member of my downline (admins: anyone); anyone else does not exist. */
  async function memberFor(actor: Actor, memberId: string | undefined, tx: Db = db): Promise<MemberRow> {
    const member = await getMember(tx, actor.organizationId, memberId ?? actor.memberId);
    if (!member || memberAccess(actor, member) !== 'full') throw errors.notFound('Member');
    return member;
  }

  const countsFor = (tx: Db, member: MemberRow, from: string, to: string) =>
    dayCounts(
      tx,
      { organizationId: member.organizationId, memberId: member.id, timeZone: zoneOf(member) },
      from,
      to,
      clock.now(),
    );

  async function presented(tx: Db, member: MemberRow, plan: PlanWithItems): Promise<PlanView> {
    const counts = await countsFor(tx, member, plan.startsOn, plan.endsOn);
    return presentPlan(plan, counts, todayOf(member), paceOf(member));
  }

  /** One level's period for a member: the plan with its progress, or what the levels above propose. */
  async function pageOf(
    tx: Db,
    actor: Actor,
    member: MemberRow,
    level: PlanLevel,
    start: string,
  ): Promise<PlanPage> {
    const today = todayOf(member);
    const period = planPeriod(level, start);
    const above = LEVELS_ABOVE[level];
    const [plan, parents] = await Promise.all([
      getPlan(tx, member.organizationId, member.id, level, start),
      plansOverlapping(tx, member.organizationId, member.id, above, period.start, period.end),
    ]);
    const nearest = above.find((l) => parents.some((p) => p.level === l));
    const sources = parents.filter((p) => p.level === nearest);
    const counts = await countsFor(
      tx,
      member,
      earliest([period.start, ...sources.map((p) => p.startsOn)]),
      period.end,
    );
    const rank = (l: PlanLevel) => -PLAN_LEVELS.indexOf(l);
    return {
      member: { id: member.id, name: member.name },
      today,
      level,
      start: period.start,
      end: period.end,
      plan: plan ? presentPlan(plan, counts, today, paceOf(member)) : null,
      proposal: proposeItems(
        level,
        period,
        sources.map((p) => ({ period: { start: p.startsOn, end: p.endsOn }, items: p.items })),
        counts,
      ),
      parents: parents
        .sort((a, b) => rank(a.level) - rank(b.level) || a.startsOn.localeCompare(b.startsOn))
        .map((p) => ({ level: p.level, start: p.startsOn, end: p.endsOn })),
      canEdit: member.id === actor.memberId && today <= period.end,
    };
  }

  /** Writes the actor's own plan of a period inside `tx` (also from the evening and weekly reviews). */
  async function writeOwn(tx: Db, actor: Actor, level: PlanLevel, start: string, input: PlanItemInput[]) {
    // One writer of a member's plans at a time, so two 3-month plans cannot both pass the overlap check.
    await lockPlanner(tx, actor.organizationId, actor.memberId);
    const me = (await getMember(tx, actor.organizationId, actor.memberId))!;
    const period = planPeriod(level, start);
    if (period.end < todayOf(me)) {
      throw periodOver();
    }
    if (level === 'three_months') {
      const other = await overlappingThreeMonths(tx, actor.organizationId, me.id, period.start, period.end);
      if (other) {
        throw new AppError(
          409,
          'plan_overlap',
          `Another 3-month plan (${other.start} to ${other.end}) covers some of these months.`,
        );
      }
    }
    const existing = await getPlan(tx, actor.organizationId, me.id, level, period.start);
    const kept = new Map((existing?.items ?? []).map((i) => [i.id, i]));
    const used = new Set<string>();
    const items: ItemWrite[] = input.map((item) => {
      const before = item.id && !used.has(item.id) ? kept.get(item.id) : undefined;
      const id = before ? before.id : randomUUID();
      used.add(id);
      return item.activity === 'custom'
        ? { id, activity: 'custom', target: null, title: item.title, doneAt: before?.doneAt ?? null }
        : { id, activity: item.activity, target: item.target, title: null, doneAt: null };
    });
    await writePlan(
      tx,
      { organizationId: actor.organizationId, memberId: me.id, level, ...period, now: clock.now() },
      items,
    );
  }

  /** The planning habit of some members, each on their own today. */
  async function habitsOf(tx: Db, people: MemberRow[]): Promise<Map<string, Habit>> {
    const todays = new Map(people.map((m) => [m.id, todayOf(m)]));
    const all = [...todays.values()];
    if (!all.length) return new Map();
    const first = earliest(all);
    const last = all.reduce((a, b) => (b > a ? b : a));
    const rows = await habitPlans(
      tx,
      people[0]!.organizationId,
      people.map((m) => m.id),
      { from: addDays(first, 1 - HABIT_DAYS), to: addDays(last, 1) },
      { from: addDays(periodOf('week', first), -7 * (HABIT_WEEKS - 1)), to: periodOf('week', last) },
    );
    return new Map(
      people.map((m) => {
        const mine = rows.filter((r) => r.memberId === m.id);
        const habit = planningHabit({
          today: todays.get(m.id)!,
          since: m.joinedOn,
          dayPlans: mine
            .filter((r) => r.level === 'day')
            .map((r) => ({
              day: r.start,
              inAdvance: writtenInAdvance('day', dayIn(r.createdAt, zoneOf(m)), r.start),
            })),
          weekPlans: mine.filter((r) => r.level === 'week').map((r) => r.start),
        });
        return [m.id, habit];
      }),
    );
  }

  async function goalPageOf(actor: Actor, member: MemberRow, start: string): Promise<GoalPage> {
    const period = goalPeriod(start);
    const [goal, followup] = await Promise.all([
      getGoal(db, actor.organizationId, member.id, period.start),
      getFollowup(db, actor.organizationId, member.id),
    ]);
    const income = followup?.intake?.income?.trim();
    return {
      member: { id: member.id, name: member.name },
      ...period,
      goal: goal ? presentGoal(goal) : null,
      incomeSuggestion: income || null,
      // Goals that are over stay as they were.
      canEdit: member.id === actor.memberId && period.end >= todayOf(member),
    };
  }

  /** The goal running today, else the next one written ahead (e.g. from next month), if any. */
  async function runningGoal(member: MemberRow) {
    const today = todayOf(member);
    const [goal] = await goalsOverlapping(db, member.organizationId, member.id, today, '2999-12-31');
    return goal ?? null;
  }

  return {
    writeOwn,
    pageOf,
    memberFor,

    async page(actor: Actor, level: PlanLevel, start: string, memberId?: string) {
      return pageOf(db, actor, await memberFor(actor, memberId), level, start);
    },

    async save(actor: Actor, level: PlanLevel, start: string, items: PlanItemInput[]) {
      await db.transaction((tx) => writeOwn(tx, actor, level, start, items));
      return pageOf(db, actor, await memberFor(actor, undefined), level, start);
    },

    async remove(actor: Actor, level: PlanLevel, start: string) {
      const me = await memberFor(actor, undefined);
      const plan = await getPlan(db, actor.organizationId, me.id, level, start);
      if (!plan) throw errors.notFound('Plan');
      if (plan.endsOn < todayOf(me)) {
        throw periodOver();
      }
      await deletePlan(db, actor.organizationId, plan.id);
    },

    /** Ticks (or unticks) a custom item of one's own plan. */
    async tick(actor: Actor, itemId: string, done: boolean): Promise<PlanView> {
      const row = await getItem(db, actor.organizationId, itemId);
      if (!row) throw errors.notFound('Plan item');
      if (row.plan.memberId !== actor.memberId) {
        const owner = await getMember(db, actor.organizationId, row.plan.memberId);
        if (!owner || memberAccess(actor, owner) !== 'full') throw errors.notFound('Plan item');
        throw errors.forbidden('Only the member ticks their own plan.');
      }
      if (row.item.activity !== 'custom') {
        throw new AppError(
          400,
          'bad_request',
          'Only custom actions are ticked by hand; the others count themselves.',
        );
      }
      const me = await memberFor(actor, undefined);
      if (row.plan.endsOn < todayOf(me)) {
        throw periodOver();
      }
      await setItemDone(db, actor.organizationId, itemId, done ? (row.item.doneAt ?? clock.now()) : null);
      const plan = (await getPlan(db, actor.organizationId, me.id, row.plan.level, row.plan.startsOn))!;
      return presented(db, me, plan);
    },

    async overview(actor: Actor, memberId?: string): Promise<OverviewView> {
      const member = await memberFor(actor, memberId);
      const today = todayOf(member);
      const tomorrow = addDays(today, 1);
      const [running, habits, goal, week] = await Promise.all([
        plansOverlapping(db, actor.organizationId, member.id, PLAN_LEVELS, today, tomorrow),
        habitsOf(db, [member]),
        runningGoal(member),
        pageOf(db, actor, member, 'week', periodAt('week', today).start),
      ]);
      const current = (level: PlanLevel, day = today) =>
        running.find((p) => p.level === level && p.startsOn <= day && p.endsOn >= day) ?? null;
      const counts = running.length
        ? await countsFor(db, member, earliest(running.map((p) => p.startsOn)), tomorrow)
        : {};
      const show = (plan: PlanWithItems | null) =>
        plan ? presentPlan(plan, counts, today, paceOf(member)) : null;
      return {
        member: { id: member.id, name: member.name },
        today,
        goal: goal ? presentGoal(goal) : null,
        current: {
          three_months: show(current('three_months')),
          month: show(current('month')),
          week: show(current('week')),
          day: show(current('day')),
          tomorrow: show(running.find((p) => p.level === 'day' && p.startsOn === tomorrow) ?? null),
        },
        habit: habits.get(member.id)!,
        canEdit: member.id === actor.memberId,
        week,
        goalPage: await goalPageOf(actor, member, goal?.startsOn ?? today),
      };
    },

    /** Who in a team plans: this week's plan and the habit of each partner of the frontline or downline. */
    async team(actor: Actor, query: z.infer<typeof teamQuery>): Promise<TeamView> {
      const leader = await memberFor(actor, query.memberId);
      const page = await teamPage(db, actor.organizationId, leader, query.scope, {
        offset: query.offset,
        limit: TEAM_PAGE,
      });
      const habits = await habitsOf(db, page.rows);
      // Every member's current week in one read; progress counted for those who have a plan.
      const plansByMember = new Map(
        (
          await plansOfMembers(
            db,
            actor.organizationId,
            'week',
            page.rows.map((m) => ({ memberId: m.id, start: periodOf('week', todayOf(m)) })),
          )
        ).map((p) => [p.memberId, p]),
      );
      const weeks = await Promise.all(
        page.rows.map((m) => {
          const plan = plansByMember.get(m.id);
          return plan ? presented(db, m, plan) : null;
        }),
      );
      return {
        total: page.total,
        nextOffset: page.nextOffset,
        rows: page.rows.map((m, i) => ({
          member: { id: m.id, name: m.name, level: m.depth - leader.depth },
          today: todayOf(m),
          week: weeks[i] ? { reached: weeks[i].reached, items: weeks[i].items.length } : null,
          habit: habits.get(m.id)!,
        })),
      };
    },

    async goal(actor: Actor, start: string, memberId?: string) {
      return goalPageOf(actor, await memberFor(actor, memberId), start);
    },

    /** The goal running today (or the next); without one, the twelve months from this month, to write. */
    async currentGoal(actor: Actor, memberId?: string) {
      const member = await memberFor(actor, memberId);
      const goal = await runningGoal(member);
      return goalPageOf(actor, member, goal?.startsOn ?? todayOf(member));
    },

    async saveGoal(actor: Actor, start: string, body: z.infer<typeof goalBody>) {
      const period = goalPeriod(start);
      await db.transaction(async (tx) => {
        // One writer of a member's goals at a time, so two goals cannot both pass the overlap check.
        await lockPlanner(tx, actor.organizationId, actor.memberId);
        const me = (await getMember(tx, actor.organizationId, actor.memberId))!;
        if (period.end < todayOf(me)) {
          throw new AppError(409, 'plan_closed', 'A goal whose twelve months are over stays as it was.');
        }
        const other = (
          await goalsOverlapping(tx, actor.organizationId, me.id, period.start, period.end)
        ).find((g) => g.startsOn !== period.start);
        if (other) {
          throw new AppError(
            409,
            'goal_overlap',
            `Another goal (${other.startsOn} to ${other.endsOn}) covers some of these months.`,
          );
        }
        await saveGoal(tx, {
          organizationId: actor.organizationId,
          memberId: me.id,
          startsOn: period.start,
          endsOn: period.end,
          statement: body.statement,
          income: body.income ?? null,
          reason: body.reason ?? null,
          updatedAt: clock.now(),
        });
      });
      return goalPageOf(actor, await memberFor(actor, undefined), period.start);
    },
  };
}

export type PlanService = ReturnType<typeof planService>;
