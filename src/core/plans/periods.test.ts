// The periods of the planning cascade: where each level may start and how long it lasts (across month and
// year ends and in leap years), moving between periods, counting and sharing days, and the calendar date of
// a moment in the member's time zone (on both sides of daylight-saving changes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../kpis/periods.ts';
import {
  canonicalTimeZone,
  dayIn,
  daysBetween,
  isPlanStart,
  isTimeZone,
  overlap,
  periodAt,
  planPeriod,
  shiftPlanPeriod,
} from './periods.ts';

/** Any calendar day from 2000 to about 2080. */
const day = fc.integer({ min: 0, max: 30_000 }).map((n) => addDays('2000-01-01', n));

describe('plan starts', () => {
  it('month and 3-month plans start on the first of a month', () => {
    for (const level of ['month', 'three_months'] as const) {
      expect(isPlanStart(level, '2026-12-01')).toBe(true);
      expect(isPlanStart(level, '2027-01-01')).toBe(true);
      expect(isPlanStart(level, '2026-12-02')).toBe(false);
      // A Monday that is not the first is no month start.
      expect(isPlanStart(level, '2026-11-30')).toBe(false);
    }
  });

  it('week plans start on a Monday, whatever the month', () => {
    expect(isPlanStart('week', '2026-11-30')).toBe(true); // Monday
    expect(isPlanStart('week', '2026-12-07')).toBe(true); // Monday
    expect(isPlanStart('week', '2026-12-01')).toBe(false); // Tuesday, first of the month
    expect(isPlanStart('week', '2026-12-06')).toBe(false); // Sunday
    expect(isPlanStart('week', '2027-01-04')).toBe(true); // Monday of ISO week 1
  });

  it('day plans start on any day', () => {
    fc.assert(fc.property(day, (d) => isPlanStart('day', d)));
  });
});

describe('plan periods', () => {
  it('a day is itself, a week runs Monday to Sunday even across a month end', () => {
    expect(planPeriod('day', '2026-12-31')).toEqual({ start: '2026-12-31', end: '2026-12-31' });
    expect(planPeriod('week', '2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(planPeriod('week', '2026-12-28')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('a month ends on its last day, February too', () => {
    expect(planPeriod('month', '2026-12-01')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(planPeriod('month', '2026-11-01')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(planPeriod('month', '2027-02-01')).toEqual({ start: '2027-02-01', end: '2027-02-28' });
    expect(planPeriod('month', '2028-02-01')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('three months run across the year end and end on the last day of the third month', () => {
    expect(planPeriod('three_months', '2026-12-01')).toEqual({ start: '2026-12-01', end: '2027-02-28' });
    // 2028 is a leap year.
    expect(planPeriod('three_months', '2027-12-01')).toEqual({ start: '2027-12-01', end: '2028-02-29' });
    expect(planPeriod('three_months', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(planPeriod('three_months', '2026-11-01')).toEqual({ start: '2026-11-01', end: '2027-01-31' });
  });

  it('every period is followed without a gap by the next one of its level', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('three_months', 'month', 'week', 'day' as const), (d, level) => {
        const { start, end } = periodAt(level, d);
        expect(isPlanStart(level, start)).toBe(true);
        expect(start <= d && d <= end).toBe(true);
        const next = shiftPlanPeriod(level, start, 1);
        expect(next).toBe(addDays(end, 1));
        expect(shiftPlanPeriod(level, next, -1)).toBe(start);
      }),
    );
  });
});

describe('the period a day falls in', () => {
  it('finds the week, month and day of a day', () => {
    expect(periodAt('week', '2026-12-03')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodAt('week', '2026-12-06')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodAt('month', '2026-02-14')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodAt('day', '2026-02-14')).toEqual({ start: '2026-02-14', end: '2026-02-14' });
  });

  it('takes a 3-month plan to start with the month of the day', () => {
    expect(periodAt('three_months', '2026-12-15')).toEqual({ start: '2026-12-01', end: '2027-02-28' });
    expect(periodAt('three_months', '2028-01-31')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
  });
});

describe('moving between periods', () => {
  it('steps by days, weeks, months and three months, forwards and back', () => {
    expect(shiftPlanPeriod('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftPlanPeriod('week', '2026-11-30', 1)).toBe('2026-12-07');
    expect(shiftPlanPeriod('week', '2026-11-30', -1)).toBe('2026-11-23');
    expect(shiftPlanPeriod('month', '2026-12-01', 1)).toBe('2027-01-01');
    expect(shiftPlanPeriod('month', '2026-03-01', -1)).toBe('2026-02-01');
    expect(shiftPlanPeriod('three_months', '2026-12-01', 1)).toBe('2027-03-01');
    expect(shiftPlanPeriod('three_months', '2026-02-01', -1)).toBe('2025-11-01');
    expect(shiftPlanPeriod('three_months', '2026-12-01', 0)).toBe('2026-12-01');
  });
});

describe('days', () => {
  it('counts both ends, and nothing when the end is before the start', () => {
    expect(daysBetween('2026-12-01', '2026-12-01')).toBe(1);
    expect(daysBetween('2026-11-30', '2026-12-06')).toBe(7);
    expect(daysBetween('2026-12-01', '2027-02-28')).toBe(90);
    expect(daysBetween('2027-12-01', '2028-02-29')).toBe(91);
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(0);
  });

  it('is not thrown off by daylight-saving changes (calendar days, not hours)', () => {
    // Europe switches on the last Sundays of March and October.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(3);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(3);
    fc.assert(fc.property(day, fc.nat(800), (d, n) => daysBetween(d, addDays(d, n)) === n + 1));
  });

  it('a week straddling two months shares some of its days with each', () => {
    const week = planPeriod('week', '2026-11-30');
    expect(overlap(week, planPeriod('month', '2026-11-01'))).toEqual({
      start: '2026-11-30',
      end: '2026-11-30',
    });
    expect(overlap(week, planPeriod('month', '2026-12-01'))).toEqual({
      start: '2026-12-01',
      end: '2026-12-06',
    });
    expect(overlap(week, planPeriod('month', '2027-01-01'))).toBeNull();
    expect(overlap(planPeriod('month', '2026-12-01'), week)).toEqual({
      start: '2026-12-01',
      end: '2026-12-06',
    });
  });

  it('periods that only touch share one day, periods one day apart share none', () => {
    const a = { start: '2026-12-01', end: '2026-12-10' };
    expect(overlap(a, { start: '2026-12-10', end: '2026-12-20' })).toEqual({
      start: '2026-12-10',
      end: '2026-12-10',
    });
    expect(overlap(a, { start: '2026-12-11', end: '2026-12-20' })).toBeNull();
    expect(overlap(a, { start: '2026-12-03', end: '2026-12-04' })).toEqual({
      start: '2026-12-03',
      end: '2026-12-04',
    });
  });
});

describe('time zones', () => {
  it('gives the calendar date of a moment where the member is', () => {
    const moment = new Date('2026-03-15T22:30:00Z');
    expect(dayIn(moment, 'Europe/Sofia')).toBe('2026-03-16');
    expect(dayIn(moment, 'UTC')).toBe('2026-03-15');
    expect(dayIn(moment, 'America/New_York')).toBe('2026-03-15');
    // Across the date line.
    expect(dayIn(new Date('2026-03-15T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-16');
    expect(dayIn(new Date('2026-03-15T10:30:00Z'), 'Pacific/Pago_Pago')).toBe('2026-03-14');
  });

  it('follows daylight-saving changes', () => {
    // Sofia leaves summer time (UTC+3 → UTC+2) on 2026-10-25 at 01:00 UTC.
    expect(dayIn(new Date('2026-10-24T21:30:00Z'), 'Europe/Sofia')).toBe('2026-10-25'); // 00:30 summer time
    expect(dayIn(new Date('2026-10-25T01:00:00Z'), 'Europe/Sofia')).toBe('2026-10-25'); // just after
    expect(dayIn(new Date('2026-10-25T21:30:00Z'), 'Europe/Sofia')).toBe('2026-10-25'); // 23:30 winter time
    expect(dayIn(new Date('2026-10-25T22:00:00Z'), 'Europe/Sofia')).toBe('2026-10-26');
    // New York enters summer time (UTC−5 → UTC−4) on 2026-03-08 at 07:00 UTC.
    expect(dayIn(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08'); // 03:00 EDT
    expect(dayIn(new Date('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08'); // 23:59 EDT
    expect(dayIn(new Date('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09');
    // The evening before the change the offset was still −5.
    expect(dayIn(new Date('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07');
  });

  it('agrees with UTC for UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const moment = new Date(ms);
        return dayIn(moment, 'UTC') === moment.toISOString().slice(0, 10);
      }),
    );
  });

  it('knows real zone names, in any case, and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Sofia')).toBe(true);
    expect(isTimeZone('europe/sofia')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(canonicalTimeZone('europe/sofia')).toBe('Europe/Sofia');
    expect(canonicalTimeZone('AMERICA/NEW_YORK')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Sofia')).toBe('Europe/Sofia');
    expect(() => canonicalTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
