// A new plan proposes its targets from the plans above it. What is still to do of each parent target is
// cut into the parent's remaining periods of the new plan's level (its remaining days for a day plan, its
// remaining weeks for a week plan, a week at the parent's edge counting for its days inside), each
// getting its share by days in whole numbers by largest remainder, ties to the earliest. So the periods
// add up exactly to what is left — 2 presentations left in a week land on its next two days, not one on
// each of seven — and no proposal asks for more than the level above has left. A week that straddles two
// months takes its share of each.
import { addDays } from '../kpis/periods.ts';
import { MEASURED_ACTIVITIES, type MeasuredActivity, type PlanLevel } from './fields.ts';
import { daysBetween, overlap, type Period, periodAt } from './periods.ts';
import { countIn, type DayCounts } from './progress.ts';

export interface ParentPlan {
  period: Period;
  items: { activity: string; target: number | null }[];
}

export interface ProposedItem {
  activity: MeasuredActivity;
  target: number;
}

/** The periods of `level` from `from` to `to`, the first and last cut to those days; their lengths in days. */
export function segmentDays(level: PlanLevel, from: string, to: string): number[] {
  const days: number[] = [];
  for (let day = from; day <= to; ) {
    const end = periodAt(level, day).end;
    const last = end < to ? end : to;
    days.push(daysBetween(day, last));
    day = addDays(last, 1);
  }
  return days;
}

/**
 * `total` shared out over segments in proportion to their `days`, in whole numbers by largest remainder
 * (ties to the earliest segment): the shares add up to `total` exactly.
 */
export function largestRemainder(total: number, days: number[]): number[] {
  const sum = days.reduce((a, b) => a + b, 0);
  if (sum === 0) return days.map(() => 0);
  // Integer arithmetic: quota = total × days / sum, remainder compared as (total × days) mod sum.
  const shares = days.map((d) => Math.floor((total * d) / sum));
  const leftover = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = days
    .map((d, i) => ({ i, remainder: (total * d) % sum }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; k < leftover; k++) shares[byRemainder[k]!.i]! += 1;
  return shares;
}

export function proposeItems(
  level: PlanLevel,
  child: Period,
  parents: ParentPlan[],
  counts: DayCounts,
): ProposedItem[] {
  const shares = new Map<MeasuredActivity, number>();
  for (const parent of parents) {
    if (!overlap(child, parent.period)) continue;
    // The parent's days from the new plan on; the new plan is the first segment of them.
    const from = child.start > parent.period.start ? child.start : parent.period.start;
    const segments = segmentDays(level, from, parent.period.end);
    const before = { start: parent.period.start, end: addDays(from, -1) };
    for (const item of parent.items) {
      const activity = item.activity as MeasuredActivity;
      if (item.target === null || !MEASURED_ACTIVITIES.includes(activity)) continue;
      const remaining = Math.max(0, item.target - countIn(counts, activity, before));
      const share = largestRemainder(remaining, segments)[0] ?? 0;
      shares.set(activity, (shares.get(activity) ?? 0) + share);
    }
  }
  return MEASURED_ACTIVITIES.flatMap((activity) => {
    const target = shares.get(activity) ?? 0;
    return target > 0 ? [{ activity, target }] : [];
  });
}
