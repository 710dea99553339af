// The periods of the planning cascade, named by their first day (YYYY-MM-DD): three months from the first
// of a month, a calendar month, an ISO week (Monday to Sunday) and a day. Calendar dates in the member's
// own time zone; a week may straddle two months and lies inside both.
import { addDays, isoWeekday, periodOf, shiftPeriod } from '../kpis/periods.ts';
import type { PlanLevel } from './fields.ts';

export interface Period {
  start: string;
  end: string;
}

/** Whether `start` is where a plan of this level may begin. */
export function isPlanStart(level: PlanLevel, start: string): boolean {
  if (level === 'three_months' || level === 'month') return start.endsWith('-01');
  if (level === 'week') return isoWeekday(start) === 1;
  return true;
}

/** The level's period that begins on `start` (which isPlanStart accepts). */
export function planPeriod(level: PlanLevel, start: string): Period {
  const months = level === 'three_months' ? 3 : 1;
  if (level === 'day') return { start, end: start };
  if (level === 'week') return { start, end: addDays(start, 6) };
  return { start, end: addDays(shiftPeriod('month', start, months), -1) };
}

/** The period of this level that `day` falls in; a 3-month plan is taken to start with `day`'s month. */
export function periodAt(level: PlanLevel, day: string): Period {
  if (level === 'day') return planPeriod('day', day);
  if (level === 'week') return planPeriod('week', periodOf('week', day));
  return planPeriod(level, periodOf('month', day));
}

/** The period `steps` periods of the same level after (before, if negative) `start`. */
export function shiftPlanPeriod(level: PlanLevel, start: string, steps: number): string {
  if (level === 'day') return addDays(start, steps);
  if (level === 'week') return addDays(start, 7 * steps);
  return shiftPeriod('month', start, steps * (level === 'three_months' ? 3 : 1));
}

/** Days from `from` to `to`, both included (0 if `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  if (to < from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The days two periods share (null when they do not meet). */
export function overlap(a: Period, b: Period): Period | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

/** The calendar date of a moment in a time zone (IANA name). */
export function dayIn(moment: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}

let zones: Set<string> | undefined;

/**
 * Whether a name is an IANA time zone the runtime knows ("Europe/Sofia", or an alias of one). Offsets
 * such as "+05:30" are refused: PostgreSQL reads their sign the other way round (POSIX).
 */
export function isTimeZone(name: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  try {
    return zones.has(canonicalTimeZone(name));
  } catch {
    return false;
  }
}

/** A known time zone name as the runtime spells it ("europe/sofia" → "Europe/Sofia"). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/** A goal's twelve months from the first of `start`'s month. */
export function goalPeriod(start: string): Period {
  const first = `${start.slice(0, 7)}-01`;
  return { start: first, end: addDays(shiftPeriod('month', first, 12), -1) };
}
