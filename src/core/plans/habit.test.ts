// The planning habit: the streak of days planned in advance ending today, the share of the last 28 days
// planned in advance and of the last 12 weeks with a weekly plan (nothing before joining counted), and
// whether today and tomorrow have a plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../kpis/periods.ts';
import { HABIT_DAYS, HABIT_WEEKS, type HabitInput, planningHabit, writtenInAdvance } from './habit.ts';

const today = '2026-12-10'; // a Thursday; its week began on Monday 2026-12-07
const longAgo = '2020-01-01';
/** Day plans written in advance for the days `from` to `to` days before today. */
const inAdvance = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ day: addDays(today, -(from + i)), inAdvance: true }));
const habit = (input: Partial<HabitInput>) =>
  planningHabit({ today, since: longAgo, dayPlans: [], weekPlans: [], ...input });

describe('the planning streak', () => {
  it('counts the days in a row, ending today, planned in advance', () => {
    expect(habit({ dayPlans: inAdvance(0, 2) }).streak).toBe(3);
    // A day planned on the day itself breaks the row.
    const dayPlans = [...inAdvance(0, 2), { day: addDays(today, -3), inAdvance: false }, ...inAdvance(4, 9)];
    expect(habit({ dayPlans }).streak).toBe(3);
    // So does a day without a plan.
    expect(habit({ dayPlans: [...inAdvance(0, 1), ...inAdvance(3, 9)] }).streak).toBe(2);
  });

  it('is 0 when today was not planned in advance, however long the row before', () => {
    expect(habit({ dayPlans: inAdvance(1, 20) }).streak).toBe(0);
    expect(habit({ dayPlans: [{ day: today, inAdvance: false }, ...inAdvance(1, 20)] }).streak).toBe(0);
    expect(habit({}).streak).toBe(0);
  });

  it('does not start with tomorrow, and runs across months, years and past the 28-day window', () => {
    expect(habit({ dayPlans: [{ day: addDays(today, 1), inAdvance: true }] }).streak).toBe(0);
    expect(
      habit({ dayPlans: [{ day: addDays(today, 1), inAdvance: true }, ...inAdvance(0, 0)] }).streak,
    ).toBe(1);
    const newYear = ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'];
    expect(
      planningHabit({
        today: '2027-01-02',
        since: longAgo,
        dayPlans: newYear.map((day) => ({ day, inAdvance: true })),
        weekPlans: [],
      }).streak,
    ).toBe(4);
    expect(habit({ dayPlans: inAdvance(0, 39) }).streak).toBe(40);
  });
});

describe('days planned in advance', () => {
  it('are counted over the last 28 days, today included', () => {
    expect(HABIT_DAYS).toBe(28);
    const result = habit({ dayPlans: inAdvance(0, 39) });
    expect(result.days).toBe(28);
    expect(result.daysInAdvance).toBe(28);
    // Only the days 27 and 28 days back: the first is in the window, the second not.
    expect(habit({ dayPlans: inAdvance(27, 28) })).toMatchObject({ days: 28, daysInAdvance: 1 });
  });

  it('count only plans written before their day', () => {
    const dayPlans = [
      ...inAdvance(0, 4),
      { day: addDays(today, -5), inAdvance: false },
      { day: addDays(today, -6), inAdvance: false },
      ...inAdvance(10, 10),
    ];
    expect(habit({ dayPlans })).toMatchObject({ days: 28, daysInAdvance: 6 });
  });

  it('start from joining: days before it are not counted', () => {
    const since = addDays(today, -4);
    const result = habit({ since, dayPlans: inAdvance(0, 20) });
    expect(result.days).toBe(5);
    expect(result.daysInAdvance).toBe(5);
    // The streak is about days in a row, joining or not.
    expect(result.streak).toBe(21);
    expect(habit({ since: today, dayPlans: inAdvance(0, 0) })).toMatchObject({ days: 1, daysInAdvance: 1 });
    expect(habit({ since: addDays(today, -27) }).days).toBe(28);
    expect(habit({ since: addDays(today, -28) }).days).toBe(28);
  });

  it('does not count tomorrow’s plan', () => {
    const result = habit({ dayPlans: [{ day: addDays(today, 1), inAdvance: true }] });
    expect(result.daysInAdvance).toBe(0);
  });
});

describe('weeks with a weekly plan', () => {
  const monday = (weeksBack: number) => addDays('2026-12-07', -7 * weeksBack);

  it('are counted over the last 12 weeks, this one included', () => {
    expect(HABIT_WEEKS).toBe(12);
    const weekPlans = Array.from({ length: 20 }, (_, i) => monday(i));
    expect(habit({ weekPlans })).toMatchObject({ weeks: 12, weeksPlanned: 12 });
    expect(habit({ weekPlans: [monday(0), monday(5), monday(11), monday(12)] })).toMatchObject({
      weeks: 12,
      weeksPlanned: 3,
    });
    // Next week's plan is not counted yet.
    expect(habit({ weekPlans: [monday(-1)] }).weeksPlanned).toBe(0);
  });

  it('start from the week of joining, all of it', () => {
    // Joined on Thursday 26 November: that week, the next and this one.
    const since = '2026-11-26';
    expect(habit({ since, weekPlans: [monday(0), monday(2), monday(3)] })).toMatchObject({
      weeks: 3,
      weeksPlanned: 2,
    });
    // Joined on the Sunday of that week: the same three weeks.
    expect(habit({ since: '2026-11-29', weekPlans: [monday(1)] })).toMatchObject({
      weeks: 3,
      weeksPlanned: 1,
    });
    // Joined on the Monday after: two.
    expect(habit({ since: '2026-11-30', weekPlans: [monday(2)] })).toMatchObject({
      weeks: 2,
      weeksPlanned: 0,
    });
    // Joined today.
    expect(habit({ since: today, weekPlans: [monday(0)] })).toMatchObject({ weeks: 1, weeksPlanned: 1 });
  });

  it('run across the year end', () => {
    const result = planningHabit({
      today: '2027-01-05',
      since: longAgo,
      dayPlans: [],
      weekPlans: ['2026-12-21', '2026-12-28', '2027-01-04'],
    });
    expect(result).toMatchObject({ weeks: 12, weeksPlanned: 3 });
  });
});

describe('today and tomorrow', () => {
  it('are planned when they have a plan, written in advance or not', () => {
    expect(habit({})).toMatchObject({ todayPlanned: false, tomorrowPlanned: false });
    expect(habit({ dayPlans: [{ day: today, inAdvance: false }] })).toMatchObject({
      todayPlanned: true,
      tomorrowPlanned: false,
      streak: 0,
    });
    expect(habit({ dayPlans: [{ day: addDays(today, 1), inAdvance: true }] })).toMatchObject({
      todayPlanned: false,
      tomorrowPlanned: true,
    });
    expect(habit({ dayPlans: [{ day: addDays(today, 2), inAdvance: true }] }).tomorrowPlanned).toBe(false);
  });
});

describe('the habit in general', () => {
  it('stays within its windows, and a streak fills the days it covers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.record({ back: fc.integer({ min: -2, max: 60 }), inAdvance: fc.boolean() })),
        fc.array(fc.integer({ min: -1, max: 20 })),
        (joinedBack, plans, weeksBack) => {
          const since = addDays(today, -joinedBack);
          const dayPlans = plans
            .map((p) => ({ day: addDays(today, -p.back), inAdvance: p.inAdvance }))
            .filter((p) => p.day >= since);
          const weekPlans = weeksBack.map((w) => addDays('2026-12-07', -7 * w));
          const h = planningHabit({ today, since, dayPlans, weekPlans });
          expect(h.days).toBe(Math.min(HABIT_DAYS, joinedBack + 1));
          expect(h.daysInAdvance).toBeLessThanOrEqual(h.days);
          expect(h.weeksPlanned).toBeLessThanOrEqual(h.weeks);
          expect(h.weeks).toBeLessThanOrEqual(HABIT_WEEKS);
          expect(h.weeks).toBeGreaterThanOrEqual(1);
          expect(h.daysInAdvance).toBeGreaterThanOrEqual(Math.min(h.streak, HABIT_DAYS));
          expect(h.streak > 0).toBe(dayPlans.some((p) => p.day === today && p.inAdvance));
        },
      ),
    );
  });
});

describe('writtenInAdvance', () => {
  it('a plan counts as written in advance only when written before its first day', () => {
    expect(writtenInAdvance('week', '2026-03-15', '2026-03-16')).toBe(true);
    expect(writtenInAdvance('week', '2026-03-16', '2026-03-16')).toBe(false);
    expect(writtenInAdvance('month', '2026-01-10', '2026-03-01')).toBe(true);
  });

  it('a day plan counts only when written within the week before its day: a month at once is no habit', () => {
    expect(writtenInAdvance('day', '2026-03-19', '2026-03-20')).toBe(true);
    expect(writtenInAdvance('day', '2026-03-13', '2026-03-20')).toBe(true);
    expect(writtenInAdvance('day', '2026-03-12', '2026-03-20')).toBe(false);
    expect(writtenInAdvance('day', '2026-03-20', '2026-03-20')).toBe(false);
  });
});
