// The planning habit: a day counts as planned when its day plan was written before the day began (the
// evening before, usually from the evening review; at most a week before), a week when it had a weekly
// plan at all.
import { addDays, periodOf, shiftPeriod } from '../kpis/periods.ts';
import type { PlanLevel } from './fields.ts';

/** How long before its day a day plan still counts as planned in advance (the habit, not a stock). */
export const ADVANCE_DAYS = 7;

/**
 * Whether a plan was written in advance: before its first day — and, for a day plan, within the week
 * before it, so writing a month of day plans at once does not make a habit.
 */
export function writtenInAdvance(level: PlanLevel, writtenOn: string, start: string): boolean {
  return writtenOn < start && (level !== 'day' || writtenOn >= addDays(start, -ADVANCE_DAYS));
}

/** The windows the shares are taken over. */
export const HABIT_DAYS = 28;
export const HABIT_WEEKS = 12;

export interface HabitInput {
  today: string;
  /** The member's first day (joining): days and weeks before it are not counted against them. */
  since: string;
  /** Day plans by their day, and whether each was written before its day began. */
  dayPlans: { day: string; inAdvance: boolean }[];
  /** The Mondays of the weeks that have a weekly plan. */
  weekPlans: string[];
}

export interface Habit {
  /** Days in a row, ending today, whose plan was written in advance (0 if today's was not). */
  streak: number;
  /** Of the last HABIT_DAYS days (from joining on), how many were planned in advance. */
  days: number;
  daysInAdvance: number;
  /** Of the last HABIT_WEEKS weeks (from the week of joining on), how many had a weekly plan. */
  weeks: number;
  weeksPlanned: number;
  todayPlanned: boolean;
  tomorrowPlanned: boolean;
}

export function planningHabit({ today, since, dayPlans, weekPlans }: HabitInput): Habit {
  const inAdvance = new Set(dayPlans.filter((p) => p.inAdvance).map((p) => p.day));
  const planned = new Set(dayPlans.map((p) => p.day));
  let streak = 0;
  for (let day = today; inAdvance.has(day); day = addDays(day, -1)) streak++;

  let days = 0;
  let daysInAdvance = 0;
  for (let i = 0; i < HABIT_DAYS; i++) {
    const day = addDays(today, -i);
    if (day < since) break;
    days++;
    if (inAdvance.has(day)) daysInAdvance++;
  }

  const weeksWithPlan = new Set(weekPlans);
  const firstWeek = periodOf('week', since);
  let weeks = 0;
  let weeksPlanned = 0;
  for (let i = 0; i < HABIT_WEEKS; i++) {
    const week = shiftPeriod('week', periodOf('week', today), -i);
    if (week < firstWeek) break;
    weeks++;
    if (weeksWithPlan.has(week)) weeksPlanned++;
  }
  return {
    streak,
    days,
    daysInAdvance,
    weeks,
    weeksPlanned,
    todayPlanned: planned.has(today),
    tomorrowPlanned: planned.has(addDays(today, 1)),
  };
}
