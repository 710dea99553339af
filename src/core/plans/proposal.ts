// A new plan proposes its targets from the plans above it: what is still to do of each parent target,
// spread evenly over the parent's remaining days, for the days the new plan shares with it. A week that
// straddles two months takes its share of each. Rounded up, so following the proposals keeps one on pace.
import { addDays } from '../kpis/periods.ts';
import { MEASURED_ACTIVITIES, type MeasuredActivity } from './fields.ts';
import { daysBetween, overlap, type Period } from './periods.ts';
import { countIn, type DayCounts } from './progress.ts';

export interface ParentPlan {
  period: Period;
  items: { activity: string; target: number | null }[];
}

export interface ProposedItem {
  activity: MeasuredActivity;
  target: number;
}

export function proposeItems(child: Period, parents: ParentPlan[], counts: DayCounts): ProposedItem[] {
  const shares = new Map<MeasuredActivity, number>();
  for (const parent of parents) {
    const shared = overlap(child, parent.period);
    if (!shared) continue;
    const from = child.start > parent.period.start ? child.start : parent.period.start;
    const remainingDays = daysBetween(from, parent.period.end);
    const before = { start: parent.period.start, end: addDays(from, -1) };
    for (const item of parent.items) {
      const activity = item.activity as MeasuredActivity;
      if (item.target === null || !MEASURED_ACTIVITIES.includes(activity)) continue;
      const remaining = Math.max(0, item.target - countIn(counts, activity, before));
      const share = (remaining * daysBetween(shared.start, shared.end)) / remainingDays;
      shares.set(activity, (shares.get(activity) ?? 0) + share);
    }
  }
  return MEASURED_ACTIVITIES.flatMap((activity) => {
    const target = Math.ceil((shares.get(activity) ?? 0) - 1e-9);
    return target > 0 ? [{ activity, target }] : [];
  });
}
