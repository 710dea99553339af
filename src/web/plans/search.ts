// The plans page keeps whose plans, which level and which period in the address, so "back" returns to
// the same plan, the parents list can link to the plans above, and other pages can link to a member's
// plans (`/plans?memberId=…`) or to planning a day (`/plans?level=day&start=2026-11-24`).
import { PLAN_LEVELS, type PlanLevel } from '../../core/plans/fields.ts';
import { isPlanStart } from '../../core/plans/periods.ts';
import { isDay } from '../diary/search.ts';

export interface PlansSearch {
  memberId?: string;
  /** Absent: the week. */
  level?: PlanLevel;
  /** The period's first day; absent: the period running today. */
  start?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isPlanLevel = (value: unknown): value is PlanLevel => PLAN_LEVELS.includes(value as PlanLevel);

export function validatePlansSearch(search: Record<string, unknown>): PlansSearch {
  const result: PlansSearch = {};
  if (typeof search.memberId === 'string' && UUID.test(search.memberId)) result.memberId = search.memberId;
  if (isPlanLevel(search.level)) result.level = search.level;
  // A start the level cannot begin on (a Wednesday for a week) is dropped rather than sent to the server.
  if (isDay(search.start) && isPlanStart(result.level ?? 'week', search.start)) result.start = search.start;
  return result;
}
