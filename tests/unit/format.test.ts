// Periods and durations in the person's language: whole months as people write them, and seconds as
// seconds under a minute.
import { describe, expect, it } from 'vitest';
import { formatDays, formatDuration, formatPeriod as formatted } from '../../src/web/ui/format.ts';

/** Intl puts thin spaces around the dash in some languages; compare with plain ones. */
const formatPeriod = (...args: Parameters<typeof formatted>) => formatted(...args).replace(/\s/g, ' ');

describe('formatPeriod', () => {
  it('writes a 3-month plan across a new year with both years, without the year abbreviation', () => {
    expect(formatPeriod('bg', '2026-12-01', '2027-02-28')).toBe('декември 2026 – февруари 2027');
    expect(formatPeriod('de', '2026-12-01', '2027-02-28')).toBe('Dezember 2026 – Februar 2027');
    expect(formatPeriod('en', '2026-12-01', '2027-02-28')).toBe('December 2026 – February 2027');
  });

  it('names the year once within one year, and one month alone', () => {
    expect(formatPeriod('bg', '2026-03-01', '2026-05-31')).toBe('март – май 2026');
    expect(formatPeriod('en', '2026-03-01', '2026-05-31')).toBe('March – May 2026');
    expect(formatPeriod('bg', '2026-11-01', '2026-11-30')).toBe('ноември 2026');
    expect(formatPeriod('de', '2026-11')).toBe('November 2026');
  });
});

describe('formatDays', () => {
  it('writes a week with the month in words', () => {
    const days = (...args: Parameters<typeof formatDays>) => formatDays(...args).replace(/\s/g, ' ');
    expect(days('bg', '2026-12-07', '2026-12-13')).toBe('7 – 13 декември');
    expect(days('bg', '2026-11-30', '2026-12-06')).toBe('30 ноември – 6 декември');
    expect(days('de', '2026-12-07', '2026-12-13')).toBe('7.–13. Dezember');
    expect(days('en', '2026-12-07', '2026-12-13')).toBe('December 7 – 13');
  });
});

describe('formatDuration', () => {
  it('shows seconds under a minute, minutes and seconds from a minute on', () => {
    expect(formatDuration('bg', 45)).toBe('45 сек');
    expect(formatDuration('de', 45)).toBe('45 Sek.');
    expect(formatDuration('en', 45)).toBe('45 sec');
    expect(formatDuration('en', 0)).toBe('0 sec');
    expect(formatDuration('bg', 125)).toBe('2:05 мин');
    expect(formatDuration('de', 60)).toBe('1:00 Min.');
    expect(formatDuration('en', 119.6)).toBe('2:00 min');
  });
});
