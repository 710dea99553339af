import { writtenInAdvance } from '../../core/plans/habit.ts';
import { dayIn } from '../../core/plans/periods.ts';
import type { DayCounts } from '../../core/plans/progress.ts';
import { itemProgress, planStatus } from '../../core/plans/progress.ts';
import type { annualGoals } from '../../db/schema/index.ts';
import type { PlanWithItems } from './queries.ts';
import type { GoalView, PlanView } from './schemas.ts';

/**
 * A plan with every item's progress on `today`, counted in the member's time zone. The pace counts from
 * the later of the day the member joined and the day they first wrote the plan.
 */
export function presentPlan(
  plan: PlanWithItems,
  counts: DayCounts,
  today: string,
  member: { timeZone: string; joinedOn: string },
): PlanView {
  const { timeZone } = member;
  const period = { start: plan.startsOn, end: plan.endsOn };
  const written = dayIn(plan.createdAt, timeZone);
  const countFrom = written > member.joinedOn ? written : member.joinedOn;
  const items = plan.items.map((item) => {
    const progress = itemProgress(period, item, counts, today, countFrom);
    return {
      id: item.id,
      activity: item.activity,
      title: item.title,
      target: item.target,
      ...progress,
      done: item.doneAt !== null,
    };
  });
  return {
    id: plan.id,
    level: plan.level,
    start: plan.startsOn,
    end: plan.endsOn,
    status: planStatus(period, today),
    madeInAdvance: writtenInAdvance(plan.level, dayIn(plan.createdAt, timeZone), plan.startsOn),
    items,
    reached: items.filter((i) => i.pace === 'done').length,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function presentGoal(row: typeof annualGoals.$inferSelect): GoalView {
  return {
    start: row.startsOn,
    end: row.endsOn,
    statement: row.statement,
    income: row.income,
    reason: row.reason,
    updatedAt: row.updatedAt.toISOString(),
  };
}
