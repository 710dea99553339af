// Progress of a plan from what the member actually did: per item the actual count, what the time elapsed
// asks for, and the pace. Counts come in per activity and calendar day (the member's own days), so one
// fetch serves every level of the cascade.
import { addDays } from '../kpis/periods.ts';
import type { Activity, MeasuredActivity, Pace } from './fields.ts';
import { daysBetween, type Period } from './periods.ts';

/** activity → day (YYYY-MM-DD) → how many. */
export type DayCounts = Partial<Record<MeasuredActivity, Record<string, number>>>;

export type PlanStatus = 'upcoming' | 'running' | 'over';

export interface ItemLike {
  activity: Activity;
  target: number | null;
  /** Custom items: when they were ticked. */
  doneAt: Date | null;
}

export interface ItemProgress {
  actual: number | null;
  /**
   * What the days already over ask for, in whole actions: target × days over ÷ days, both counted from
   * when the plan started to count for the member (see itemProgress), rounded.
   */
  expected: number | null;
  pace: Pace;
}

/** How many of an activity fall within a period. */
export function countIn(counts: DayCounts, activity: MeasuredActivity, period: Period): number {
  const byDay = counts[activity];
  if (!byDay) return 0;
  let n = 0;
  for (const [day, count] of Object.entries(byDay)) if (day >= period.start && day <= period.end) n += count;
  return n;
}

export function planStatus(period: Period, today: string): PlanStatus {
  if (today < period.start) return 'upcoming';
  return today > period.end ? 'over' : 'running';
}

/**
 * One item's progress on `today`. Only the days before today count towards what is expected, so a plan
 * is never behind in the morning of its first day; "behind" and "ahead" mean by one or more. The pace
 * counts from `countFrom` when that is later than the period's first day — the day the member joined or
 * first wrote the plan — so a plan saved minutes ago, or a newcomer's month, is never behind for days
 * that were gone before it.
 */
export function itemProgress(
  period: Period,
  item: ItemLike,
  counts: DayCounts,
  today: string,
  countFrom: string = period.start,
): ItemProgress {
  const status = planStatus(period, today);
  if (item.activity === 'custom' || item.target === null) {
    const pace: Pace = item.doneAt ? 'done' : status === 'over' ? 'missed' : 'open';
    return { actual: null, expected: null, pace };
  }
  const target = item.target;
  const actual = countIn(counts, item.activity, period);
  const start = countFrom > period.start ? (countFrom < period.end ? countFrom : period.end) : period.start;
  const total = daysBetween(start, period.end);
  const over = status === 'over' ? total : daysBetween(start, addDays(today, -1));
  // The pace compares with the exact share; people read it in whole actions.
  const exact = (target * Math.min(over, total)) / total;
  const expected = Math.round(exact);
  let pace: Pace;
  if (actual >= target) pace = 'done';
  else if (status === 'over') pace = 'missed';
  else if (status === 'upcoming') pace = 'upcoming';
  else if (actual - exact >= 1) pace = 'ahead';
  else if (exact - actual >= 1) pace = 'behind';
  else pace = 'on_track';
  return { actual, expected, pace };
}
