// Proposals for a new plan from the plans above it: what is still to do of each parent target (after what
// was done before the new plan starts), cut into the parent's remaining periods of the new plan's level in
// whole numbers by largest remainder; a week straddling two months takes its share of each. Following
// the proposals reaches the target exactly, on pace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../kpis/periods.ts';
import { type Period, periodAt, planPeriod, shiftPlanPeriod } from './periods.ts';
import { type DayCounts, itemProgress } from './progress.ts';
import { largestRemainder, type ParentPlan, proposeItems, segmentDays } from './proposal.ts';

const december = planPeriod('month', '2026-12-01'); // 31 days
const november = planPeriod('month', '2026-11-01'); // 30 days
/** February 2027: Monday the 1st to Sunday the 28th, four whole weeks. */
const february = planPeriod('month', '2027-02-01');
const january = planPeriod('month', '2027-01-01');
const plan = (period: Period, targets: Record<string, number | null>): ParentPlan => ({
  period,
  items: Object.entries(targets).map(([activity, target]) => ({ activity, target })),
});

describe('proposals', () => {
  it('propose nothing without a plan above', () => {
    expect(proposeItems('week', planPeriod('week', '2026-12-07'), [], {})).toEqual([]);
    expect(
      proposeItems('week', planPeriod('week', '2026-12-07'), [], { calls: { '2026-12-01': 5 } }),
    ).toEqual([]);
  });

  it('spread the parent target evenly over its days from the start', () => {
    const parents = [plan(february, { calls: 28, invitations: 56 })];
    expect(proposeItems('week', planPeriod('week', '2027-02-01'), parents, {})).toEqual([
      { activity: 'calls', target: 7 },
      { activity: 'invitations', target: 14 },
    ]);
    expect(proposeItems('day', planPeriod('day', '2027-02-01'), parents, {})).toEqual([
      { activity: 'calls', target: 1 },
      { activity: 'invitations', target: 2 },
    ]);
  });

  it('put what was not done on the days left', () => {
    // Nothing done in the first week: 28 over the 21 days left, 7 × 28 / 21 = 9.33 for the second week.
    const parents = [plan(february, { calls: 28 })];
    expect(proposeItems('week', planPeriod('week', '2027-02-08'), parents, {})).toEqual([
      { activity: 'calls', target: 10 },
    ]);
    // The last week asks for all that is left.
    expect(
      proposeItems('week', planPeriod('week', '2027-02-22'), parents, { calls: { '2027-02-03': 5 } }),
    ).toEqual([{ activity: 'calls', target: 23 }]);
  });

  it('spread what is left after the days before the new plan over the parent days left, in whole numbers', () => {
    // 10 calls done before 14 December: 21 left over the 18 days to the 31st, cut into this week (7
    // days), the next (7) and the last four days: 8.17, 8.17 and 4.67 → 8, 8 and 5 (largest remainder).
    const counts: DayCounts = { calls: { '2026-12-02': 4, '2026-12-13': 6 } };
    expect(
      proposeItems('week', planPeriod('week', '2026-12-14'), [plan(december, { calls: 31 })], counts),
    ).toEqual([{ activity: 'calls', target: 8 }]);
    // A day plan from its week: 14 calls, 4 done Monday and Tuesday, 10 left over 5 days.
    const week = planPeriod('week', '2026-12-07');
    const done: DayCounts = { calls: { '2026-12-07': 1, '2026-12-08': 3 } };
    expect(proposeItems('day', planPeriod('day', '2026-12-09'), [plan(week, { calls: 14 })], done)).toEqual([
      { activity: 'calls', target: 2 },
    ]);
  });

  it('do not count what was done within the new plan, or outside the parent', () => {
    const counts: DayCounts = { calls: { '2027-01-31': 50, '2027-02-02': 3, '2027-03-01': 50 } };
    expect(
      proposeItems('week', planPeriod('week', '2027-02-01'), [plan(february, { calls: 28 })], counts),
    ).toEqual([{ activity: 'calls', target: 7 }]);
  });

  it('round up only fractions, not whole numbers', () => {
    const parents = [plan(february, { calls: 56, presentations: 1 })];
    // 56 × 7 / 28 = 14 exactly; 1 × 7 / 28 = 0.25 → 1.
    expect(proposeItems('week', planPeriod('week', '2027-02-01'), parents, {})).toEqual([
      { activity: 'calls', target: 14 },
      { activity: 'presentations', target: 1 },
    ]);
  });

  it('propose nothing for a target already reached, however much more was done', () => {
    const parents = [plan(december, { calls: 31, invitations: 10 })];
    const counts: DayCounts = { calls: { '2026-12-03': 31 }, invitations: { '2026-12-03': 25 } };
    expect(proposeItems('week', planPeriod('week', '2026-12-14'), parents, counts)).toEqual([]);
    // A little short: one is still proposed.
    counts.calls = { '2026-12-03': 30 };
    expect(proposeItems('week', planPeriod('week', '2026-12-14'), parents, counts)).toEqual([
      { activity: 'calls', target: 1 },
    ]);
  });

  it('never propose custom items, items without a target, or unknown activities', () => {
    const parents: ParentPlan[] = [
      {
        period: december,
        items: [
          { activity: 'custom', target: null },
          { activity: 'custom', target: 31 },
          { activity: 'calls', target: null },
          { activity: 'dancing', target: 31 },
          { activity: 'registrations', target: 0 },
        ],
      },
    ];
    expect(proposeItems('week', planPeriod('week', '2026-12-07'), parents, {})).toEqual([]);
  });

  it('ignore parents the new plan does not meet', () => {
    const parents = [plan(january, { calls: 300 }), plan(february, { calls: 28 })];
    expect(proposeItems('week', planPeriod('week', '2027-02-01'), parents, {})).toEqual([
      { activity: 'calls', target: 7 },
    ]);
  });

  it('list activities in their usual order', () => {
    const parents = [plan(december, { registrations: 31, calls: 31, contacts_added: 31 })];
    expect(proposeItems('day', planPeriod('day', '2026-12-01'), parents, {}).map((p) => p.activity)).toEqual([
      'contacts_added',
      'calls',
      'registrations',
    ]);
  });
});

describe('day plans from the week', () => {
  const week = planPeriod('week', '2026-12-07');

  it('put 2 presentations left in a week on its next two days, not one on each of seven', () => {
    const parents = [plan(week, { presentations: 2, calls: 10 })];
    // Each evening plans the next day from what is left, and the member does what the day asks.
    const counts: DayCounts = { presentations: {}, calls: {} };
    const asked = { presentations: [] as number[], calls: [] as number[] };
    for (let i = 0; i < 7; i++) {
      const day = addDays('2026-12-07', i);
      const proposed = proposeItems('day', planPeriod('day', day), parents, counts);
      for (const activity of ['presentations', 'calls'] as const) {
        const target = proposed.find((p) => p.activity === activity)?.target ?? 0;
        asked[activity].push(target);
        counts[activity]![day] = target;
      }
    }
    expect(asked.presentations).toEqual([1, 1, 0, 0, 0, 0, 0]);
    // 10 calls over 7 days: 1 each, the 3 left over on the first days.
    expect(asked.calls).toEqual([2, 2, 2, 1, 1, 1, 1]);
  });

  it('ask of the next day its whole-number share of what is left of the week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 50 }),
        (target, dayIndex, doneBefore) => {
          const parents = [plan(week, { calls: target })];
          const day = addDays(week.start, dayIndex);
          const counts: DayCounts = { calls: dayIndex > 0 ? { [week.start]: doneBefore } : {} };
          const left = Math.max(0, target - (dayIndex > 0 ? doneBefore : 0));
          const proposed = proposeItems('day', planPeriod('day', day), parents, counts)[0]?.target ?? 0;
          expect(proposed).toBe(Math.ceil(left / (7 - dayIndex)));
          expect(proposed).toBeLessThanOrEqual(left);
        },
      ),
    );
  });
});

describe('largest remainder', () => {
  it('adds up exactly, gives each floor or ceiling of its quota, and breaks ties to the earliest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 14 }),
        (total, days) => {
          const shares = largestRemainder(total, days);
          const sum = days.reduce((a, b) => a + b, 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            const quota = (total * days[i]!) / sum;
            expect(share === Math.floor(quota) || share === Math.ceil(quota)).toBe(true);
          });
          for (let i = 1; i < days.length; i++) {
            if (days[i] === days[i - 1] && (total * days[i]!) % sum === (total * days[i - 1]!) % sum)
              expect(shares[i - 1]!).toBeGreaterThanOrEqual(shares[i]!);
          }
        },
      ),
    );
    expect(segmentDays('week', '2026-12-14', '2026-12-31')).toEqual([7, 7, 4]);
    expect(segmentDays('day', '2026-12-30', '2026-12-31')).toEqual([1, 1]);
  });
});

describe('a week straddling two months', () => {
  // Monday 30 November to Sunday 6 December: one day of November, six of December.
  const week = planPeriod('week', '2026-11-30');

  it('takes what is left of the first month (its last day is in the week) and its share of the second', () => {
    const parents = [
      plan(november, { calls: 30, invitations: 10 }),
      plan(december, { calls: 31, presentations: 4 }),
    ];
    const counts: DayCounts = { calls: { '2026-11-10': 29 }, invitations: { '2026-11-29': 4 } };
    expect(proposeItems('week', week, parents, counts)).toEqual([
      { activity: 'calls', target: 7 }, // 1 left of November + 31 × 6 / 31 of December
      { activity: 'invitations', target: 6 }, // all 6 left of November, due on its last day
      { activity: 'presentations', target: 1 }, // 4 × 6 / 31 = 0.77
    ]);
  });

  it('shares each month in proportion to the days it has in it', () => {
    // Monday 28 December to Sunday 3 January: four days of December, three of January.
    const newYear = planPeriod('week', '2026-12-28');
    const counts: DayCounts = { calls: { '2026-12-27': 27 } };
    const parents = [plan(december, { calls: 31 }), plan(january, { calls: 62 })];
    // 4 left of December, due in its last 4 days, + 62 × 3 / 31 = 6 of January.
    expect(proposeItems('week', newYear, parents, counts)).toEqual([{ activity: 'calls', target: 10 }]);
    // Without the December plan, only January's share.
    expect(proposeItems('week', newYear, [parents[1]!], counts)).toEqual([{ activity: 'calls', target: 6 }]);
  });

  it('does not let more than enough in one month lower what the other asks', () => {
    const parents = [plan(november, { calls: 30 }), plan(december, { calls: 31 })];
    const counts: DayCounts = { calls: { '2026-11-10': 40 } };
    expect(proposeItems('week', week, parents, counts)).toEqual([{ activity: 'calls', target: 6 }]);
  });

  it('does not count the days before a month against that month', () => {
    // Calls on 30 November are no December calls: December still asks for its 6 days' share.
    const parents = [plan(december, { calls: 31 })];
    expect(proposeItems('week', week, parents, { calls: { '2026-11-30': 9 } })).toEqual([
      { activity: 'calls', target: 6 },
    ]);
  });
});

describe('following the proposals', () => {
  const threeMonths = fc
    .integer({ min: 0, max: 60 })
    .map((n) => planPeriod('three_months', shiftPlanPeriod('month', '2026-01-01', n)));
  const target = fc.integer({ min: 1, max: 10_000 });

  /** The weeks that meet a period, in order. */
  const weeksOf = (period: Period) => {
    const weeks: Period[] = [];
    for (let w = periodAt('week', period.start).start; w <= period.end; w = shiftPlanPeriod('week', w, 1)) {
      weeks.push(planPeriod('week', w));
    }
    return weeks;
  };

  it('the weeks of a 3-month plan together cover its target when nothing has been done yet', () => {
    fc.assert(
      fc.property(threeMonths, target, (period, calls) => {
        const parents = [plan(period, { calls })];
        const total = weeksOf(period)
          .flatMap((w) => proposeItems('week', w, parents, {}))
          .reduce((n, p) => n + p.target, 0);
        expect(total).toBeGreaterThanOrEqual(calls);
      }),
    );
  });

  it('the months of a 3-month plan, followed one after the other, reach its target exactly', () => {
    fc.assert(
      fc.property(threeMonths, target, (period, calls) => {
        const parents = [plan(period, { calls })];
        const counts: DayCounts = { calls: {} };
        for (let month = 0; month < 3; month++) {
          const child = planPeriod('month', shiftPlanPeriod('month', period.start, month));
          const proposed = proposeItems('month', child, parents, counts)[0]?.target ?? 0;
          counts.calls![child.start] = proposed;
        }
        const done = Object.values(counts.calls!).reduce((a, b) => a + b, 0);
        expect(done).toBe(calls);
      }),
    );
  });

  it('doing what each week proposes reaches the target exactly and is never behind at a week end', () => {
    fc.assert(
      fc.property(threeMonths, target, fc.array(fc.nat(20), { maxLength: 14 }), (period, calls, extra) => {
        const parents = [plan(period, { calls })];
        const counts: DayCounts = { calls: {} };
        weeksOf(period).forEach((week, i) => {
          const proposed = proposeItems('week', week, parents, counts)[0]?.target ?? 0;
          const first = week.start > period.start ? week.start : period.start;
          const last = week.end >= period.end;
          // A week may fall short of its proposal (not the last); the following weeks make up for it.
          counts.calls![first] = last ? proposed : Math.max(0, proposed - (extra[i] ?? 0));
          const followed = extra.slice(0, i + 1).every((e) => !e);
          if (followed && !last) {
            const item = { activity: 'calls' as const, target: calls, doneAt: null };
            expect(itemProgress(period, item, counts, addDays(week.end, 1)).pace).not.toBe('behind');
          }
        });
        const done = Object.values(counts.calls!).reduce((a, b) => a + b, 0);
        // The last week asks for all that is left.
        expect(done).toBe(calls);
      }),
    );
  });
});
