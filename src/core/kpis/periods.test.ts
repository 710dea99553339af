import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, firstReviewDay, isoWeekday, reviewedWeek } from './periods.ts';

describe('the first weekly analysis', () => {
  it('looks at the first whole week of membership', () => {
    // Joined on Wednesday 2 December 2026: the first whole week is 7–13 December.
    expect(firstReviewDay('2026-12-02', 1)).toBe('2026-12-14');
    expect(reviewedWeek('2026-12-14')).toBe('2026-12-07');
    // A Friday reviewer looks at the week in progress.
    expect(firstReviewDay('2026-12-02', 5)).toBe('2026-12-11');
    // Joined on a Monday: that week is already whole.
    expect(firstReviewDay('2026-12-07', 1)).toBe('2026-12-14');
    expect(firstReviewDay('2026-12-07', 7)).toBe('2026-12-13');
  });

  it('is on the weekday, about a week of membership, and the one before it is not', () => {
    const days = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 7 }), (joinedOn, weekday) => {
        const first = firstReviewDay(joinedOn, weekday);
        expect(isoWeekday(first)).toBe(weekday);
        expect(reviewedWeek(first) >= joinedOn).toBe(true);
        expect(reviewedWeek(addDays(first, -7)) < joinedOn).toBe(true);
      }),
    );
  });
});
