import { writtenInAdvance } from '../../core/plans/habit.ts';
import { dayIn } from '../../core/plans/periods.ts';
import type { DayCounts } from '../../core/plans/progress.ts';
import { itemProgress, planStatus } from '../../core/plans/progress.ts';
import type { annualGoals } from '../../db/schema/index.ts';
import type { PlanWithItems } from './queries.ts';
import type { GoalView, PlanView } from './schemas.ts';

/** A plan with every item's progress on `today`, counted in the member's time zone. */
export function presentPlan(
  plan: PlanWithItems,
  counts: DayCounts,
  today: string,
  timeZone: string,
): PlanView {
  const period = { start: plan.startsOn, end: plan.endsOn };
  const items = plan.items.map((item) => {
    const progress = itemProgress(period, item, counts, today);
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
    year: row.year,
    statement: row.statement,
    income: row.income,
    reason: row.reason,
    updatedAt: row.updatedAt.toISOString(),
  };
}
