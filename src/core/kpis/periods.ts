// The periods the KPIs are counted in: calendar months and ISO weeks (Monday to Sunday), named by their
// first day (YYYY-MM-DD). Dates are calendar dates without a time zone, as orders and trainings carry.

export const GRAINS = ['month', 'week'] as const;
export type Grain = (typeof GRAINS)[number];

/** How many periods the trend charts show. */
export const TREND_LENGTH = 12;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return toDate(day).getUTCDay() || 7;
}

/** The first day of the period `day` falls in. */
export function periodOf(grain: Grain, day: string): string {
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  return addDays(day, 1 - isoWeekday(day));
}

/** The first day of the period `steps` periods after (or before, if negative) the period `period`. */
export function shiftPeriod(grain: Grain, period: string, steps: number): string {
  if (grain === 'week') return addDays(period, 7 * steps);
  const date = toDate(period);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + steps);
  return toDay(date);
}

/** The last day of a period. */
export function periodEnd(grain: Grain, period: string): string {
  return addDays(shiftPeriod(grain, period, 1), -1);
}

/** The `count` periods ending with the one `day` falls in, oldest first. */
export function trendPeriods(grain: Grain, day: string, count = TREND_LENGTH): string[] {
  const last = periodOf(grain, day);
  return Array.from({ length: count }, (_, i) => shiftPeriod(grain, last, i - count + 1));
}

/** Both periods (month and week) a dated event counts in. */
export function periodsOf(day: string): { grain: Grain; period: string }[] {
  return GRAINS.map((grain) => ({ grain, period: periodOf(grain, day) }));
}

/** The distinct periods (months and weeks) some days fall in. */
export function periodsOfDays(days: Iterable<string>): { grain: Grain; period: string }[] {
  const periods = new Map<string, { grain: Grain; period: string }>();
  for (const day of days) for (const p of periodsOf(day)) periods.set(`${p.grain}:${p.period}`, p);
  return [...periods.values()];
}

/** ISO week number and its year (the year its Thursday falls in), e.g. for "week 47 of 2026". */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = toDate(addDays(day, 4 - isoWeekday(day)));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return {
    year: thursday.getUTCFullYear(),
    week: Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1,
  };
}

/**
 * The week a weekly analysis held on `day` looks at: a review early in the week (Monday to Thursday)
 * looks back at the week just ended, a review from Friday on at the week in progress.
 */
export function reviewedWeek(day: string): string {
  return periodOf('week', addDays(day, -4));
}

/** The most recent review day (on `weekday`) on or before `today`. */
export function lastReviewDay(today: string, weekday: number): string {
  return addDays(today, -((isoWeekday(today) - weekday + 7) % 7));
}

/**
 * The first review day of someone who joined on `joinedOn`: the one that looks at their first whole
 * week of membership (a week that began on or after the day they joined).
 */
export function firstReviewDay(joinedOn: string, weekday: number): string {
  const firstWeek = periodOf('week', addDays(joinedOn, 6));
  // The review days looking at `firstWeek` are the 7 days from its Friday on (see reviewedWeek).
  const friday = addDays(firstWeek, 4);
  return addDays(friday, (weekday - isoWeekday(friday) + 7) % 7);
}
