// Progress of a plan: counting an activity within a period, where a plan stands on a day, and each item's
// actual count, what the days already over ask for and its pace, including counts that drop when
// activity is deleted and custom items ticked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../kpis/periods.ts';
import { MEASURED_ACTIVITIES } from './fields.ts';
import { planPeriod } from './periods.ts';
import { countIn, type DayCounts, type ItemLike, itemProgress, planStatus } from './progress.ts';

/** The week Monday 2026-11-30 to Sunday 2026-12-06, straddling November and December. */
const week = planPeriod('week', '2026-11-30');
const calls = (target: number): ItemLike => ({ activity: 'calls', target, doneAt: null });
/** `n` calls on one day. */
const callsOn = (day: string, n: number): DayCounts => ({ calls: { [day]: n } });

describe('counting within a period', () => {
  const counts: DayCounts = {
    calls: { '2026-11-29': 5, '2026-11-30': 1, '2026-12-03': 2, '2026-12-06': 3, '2026-12-07': 7 },
    invitations: { '2026-12-01': 4 },
  };

  it('adds up the days of the period, both ends included', () => {
    expect(countIn(counts, 'calls', week)).toBe(6);
    expect(countIn(counts, 'invitations', week)).toBe(4);
    expect(countIn(counts, 'calls', planPeriod('day', '2026-12-07'))).toBe(7);
    expect(countIn(counts, 'calls', planPeriod('month', '2026-11-01'))).toBe(6);
  });

  it('counts nothing for an activity without counts, or a period without days', () => {
    expect(countIn(counts, 'presentations', week)).toBe(0);
    expect(countIn({}, 'calls', week)).toBe(0);
    expect(countIn(counts, 'calls', { start: '2026-12-04', end: '2026-12-03' })).toBe(0);
  });

  it('a period split in two counts what its parts count together', () => {
    const dayCounts = fc.dictionary(
      fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-11-01', n)),
      fc.integer({ min: 0, max: 50 }),
    );
    fc.assert(
      fc.property(
        dayCounts,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (byDay, from, length, cut) => {
          const start = addDays('2026-11-01', from);
          const end = addDays(start, length);
          const split = addDays(start, Math.min(cut, length));
          const counts: DayCounts = { calls: byDay };
          const whole = countIn(counts, 'calls', { start, end });
          const first = countIn(counts, 'calls', { start, end: addDays(split, -1) });
          const second = countIn(counts, 'calls', { start: split, end });
          expect(first + second).toBe(whole);
          const slow = Object.entries(byDay).reduce((n, [d, c]) => (d >= start && d <= end ? n + c : n), 0);
          expect(whole).toBe(slow);
        },
      ),
    );
  });
});

describe('plan status', () => {
  it('is upcoming before the first day, running through the last, over after it', () => {
    expect(planStatus(week, '2026-11-29')).toBe('upcoming');
    expect(planStatus(week, '2026-11-30')).toBe('running');
    expect(planStatus(week, '2026-12-06')).toBe('running');
    expect(planStatus(week, '2026-12-07')).toBe('over');
  });
});

describe('item progress', () => {
  it('counts the pace from when the plan started to count for the member, not the period’s first day', () => {
    // A week plan first written on Thursday 3 December (or by someone who joined that day).
    expect(itemProgress(week, calls(7), {}, '2026-12-03', '2026-12-03')).toEqual({
      actual: 0,
      expected: 0,
      pace: 'on_track',
    });
    // Two days later: 4 calls over the 4 days from Thursday, 2 of them over.
    expect(itemProgress(week, calls(4), {}, '2026-12-05', '2026-12-03')).toEqual({
      actual: 0,
      expected: 2,
      pace: 'behind',
    });
    // Counting from before the period changes nothing; from after its end, only the last day counts.
    expect(itemProgress(week, calls(7), {}, '2026-12-03', '2026-11-01')).toEqual(
      itemProgress(week, calls(7), {}, '2026-12-03'),
    );
    expect(itemProgress(week, calls(7), {}, '2026-12-06', '2026-12-20').expected).toBe(0);
  });

  it('expects nothing on the first morning, so a plan starts on track', () => {
    expect(itemProgress(week, calls(7), {}, '2026-11-30')).toEqual({
      actual: 0,
      expected: 0,
      pace: 'on_track',
    });
    // Whatever was done already that morning counts towards being ahead.
    expect(itemProgress(week, calls(7), callsOn('2026-11-30', 1), '2026-11-30')).toEqual({
      actual: 1,
      expected: 0,
      pace: 'ahead',
    });
  });

  it('expects the target times the days over (before today) divided by the days', () => {
    // 7 over 7 days: one a day.
    expect(itemProgress(week, calls(7), {}, '2026-12-01').expected).toBe(1);
    expect(itemProgress(week, calls(7), {}, '2026-12-06').expected).toBe(6);
    // 10 × 3 / 7 = 4.2857… → 4: people and actions are whole.
    expect(itemProgress(week, calls(10), {}, '2026-12-03').expected).toBe(4);
    // 1 × 1 / 31 = 0.03… → 0
    expect(itemProgress(planPeriod('month', '2026-12-01'), calls(1), {}, '2026-12-02').expected).toBe(0);
    // 90 over three months of 90 days, 45 days over.
    const quarter = planPeriod('three_months', '2026-12-01');
    expect(itemProgress(quarter, calls(90), {}, addDays('2026-12-01', 45)).expected).toBe(45);
  });

  it('is behind or ahead only by one or more', () => {
    const on = (n: number, today: string, target = 7) =>
      itemProgress(week, calls(target), callsOn('2026-11-30', n), today).pace;
    // Second day: one expected.
    expect(on(0, '2026-12-01')).toBe('behind');
    expect(on(1, '2026-12-01')).toBe('on_track');
    expect(on(2, '2026-12-01')).toBe('ahead');
    // Fourth day, 4.3 expected.
    expect(on(3, '2026-12-03', 10)).toBe('behind'); // 1.3 short
    expect(on(4, '2026-12-03', 10)).toBe('on_track'); // 0.3 short
    expect(on(5, '2026-12-03', 10)).toBe('on_track'); // 0.7 over
    expect(on(6, '2026-12-03', 10)).toBe('ahead'); // 1.7 over
  });

  it('is done once the target is reached, even before the end', () => {
    expect(itemProgress(week, calls(7), callsOn('2026-11-30', 7), '2026-11-30')).toEqual({
      actual: 7,
      expected: 0,
      pace: 'done',
    });
    expect(itemProgress(week, calls(7), callsOn('2026-12-01', 9), '2026-12-02').pace).toBe('done');
    expect(itemProgress(week, calls(7), callsOn('2026-12-06', 7), '2026-12-20').pace).toBe('done');
  });

  it('is missed after the end when the target was not reached, with the whole target expected', () => {
    expect(itemProgress(week, calls(7), callsOn('2026-12-06', 6), '2026-12-07')).toEqual({
      actual: 6,
      expected: 7,
      pace: 'missed',
    });
    expect(itemProgress(week, calls(7), {}, '2027-06-01')).toEqual({
      actual: 0,
      expected: 7,
      pace: 'missed',
    });
  });

  it('is upcoming before the start, with nothing expected', () => {
    expect(itemProgress(week, calls(7), {}, '2026-11-29')).toEqual({
      actual: 0,
      expected: 0,
      pace: 'upcoming',
    });
    expect(itemProgress(week, calls(7), {}, '2026-01-01').pace).toBe('upcoming');
  });

  it('counts only the days of the plan', () => {
    const counts: DayCounts = { calls: { '2026-11-29': 10, '2026-12-02': 2, '2026-12-07': 10 } };
    expect(itemProgress(week, calls(7), counts, '2026-12-03')).toEqual({
      actual: 2,
      expected: 3,
      pace: 'behind',
    });
  });

  it('goes down again when counted activity is deleted', () => {
    const counts = (n: number): DayCounts => ({ calls: { '2026-12-01': n } });
    // Thursday: 3 of 7 expected.
    expect(itemProgress(week, calls(7), counts(7), '2026-12-03').pace).toBe('done');
    expect(itemProgress(week, calls(7), counts(6), '2026-12-03')).toEqual({
      actual: 6,
      expected: 3,
      pace: 'ahead',
    });
    expect(itemProgress(week, calls(7), counts(3), '2026-12-03')).toEqual({
      actual: 3,
      expected: 3,
      pace: 'on_track',
    });
    expect(itemProgress(week, calls(7), counts(1), '2026-12-03')).toEqual({
      actual: 1,
      expected: 3,
      pace: 'behind',
    });
    // After the end, done turns into missed.
    expect(itemProgress(week, calls(7), counts(7), '2026-12-07').pace).toBe('done');
    expect(itemProgress(week, calls(7), counts(6), '2026-12-07').pace).toBe('missed');
    // A day whose count drops to nothing counts nothing.
    expect(itemProgress(week, calls(7), counts(0), '2026-12-03').actual).toBe(0);
  });

  it('treats every measured activity alike', () => {
    for (const activity of MEASURED_ACTIVITIES) {
      const counts: DayCounts = { [activity]: { '2026-12-01': 2 } };
      expect(itemProgress(week, { activity, target: 7, doneAt: null }, counts, '2026-12-01')).toEqual({
        actual: 2,
        expected: 1,
        pace: 'ahead',
      });
    }
  });

  it('never asks for more than the target, and never calls a plan behind on its first day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -10, max: 20 }),
        (target, actual, offset) => {
          const today = addDays(week.start, offset);
          const progress = itemProgress(week, calls(target), callsOn('2026-12-01', actual), today);
          expect(progress.expected).toBeGreaterThanOrEqual(0);
          expect(progress.expected).toBeLessThanOrEqual(target);
          if (offset <= 0) expect(progress.expected).toBe(0);
          if (offset === 0) expect(progress.pace).not.toBe('behind');
          if (actual >= target) expect(progress.pace).toBe('done');
        },
      ),
    );
  });
});

describe('custom items', () => {
  const custom = (doneAt: Date | null): ItemLike => ({ activity: 'custom', target: null, doneAt });
  const ticked = new Date('2026-12-02T18:00:00Z');

  it('are open until ticked, done once ticked, missed if the plan ended unticked', () => {
    expect(itemProgress(week, custom(null), {}, '2026-12-02')).toEqual({
      actual: null,
      expected: null,
      pace: 'open',
    });
    expect(itemProgress(week, custom(ticked), {}, '2026-12-02')).toEqual({
      actual: null,
      expected: null,
      pace: 'done',
    });
    expect(itemProgress(week, custom(null), {}, '2026-12-07').pace).toBe('missed');
    expect(itemProgress(week, custom(ticked), {}, '2026-12-07').pace).toBe('done');
  });

  it('are open before the plan starts and in its last day', () => {
    expect(itemProgress(week, custom(null), {}, '2026-11-29').pace).toBe('open');
    expect(itemProgress(week, custom(null), {}, '2026-12-06').pace).toBe('open');
  });

  it('ignore the counts', () => {
    const counts: DayCounts = { calls: { '2026-12-01': 50 } };
    expect(itemProgress(week, custom(null), counts, '2026-12-02').actual).toBeNull();
  });

  it('an item without a target is ticked like a custom one', () => {
    expect(itemProgress(week, { activity: 'calls', target: null, doneAt: null }, {}, '2026-12-02')).toEqual({
      actual: null,
      expected: null,
      pace: 'open',
    });
  });
});
