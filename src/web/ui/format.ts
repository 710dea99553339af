// Dates, numbers, periods and durations in the person's language, through Intl.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Building an Intl formatter costs far more than using one (a page of dates built hundreds), so each
// locale and set of options gets one, kept for the life of the page.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object | undefined,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

export const dateFormat = (locale: string, options?: Intl.DateTimeFormatOptions) =>
  cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions) =>
  cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
export const relativeTimeFormat = (locale: string, options?: Intl.RelativeTimeFormatOptions) =>
  cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

/** A calendar date (yyyy-mm-dd, or yyyy-mm for a month) as the moment it is in UTC. */
const utcDay = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);

/**
 * A period of whole months in words: "December 2026 – February 2027", "März–Mai 2026",
 * „декември 2026 – февруари 2027“; one month alone when start and end fall in the same month
 * ("November 2026"). `start` and `end` are calendar dates (or yyyy-mm). The year's abbreviation some
 * languages write after it (Bulgarian „г.“) is left out, as people write periods.
 */
export function formatPeriod(locale: string, start: string, end: string = start): string {
  const format = dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const from = utcDay(start);
  const to = utcDay(end);
  const parts =
    start.slice(0, 7) === end.slice(0, 7) ? format.formatToParts(from) : format.formatRangeToParts(from, to);
  let text = '';
  for (const [i, part] of parts.entries()) {
    const afterYear = parts[i - 1]?.type === 'year';
    // "2026 г." → "2026": a word after the year, keeping what separates it from the next part.
    const suffix = afterYear && part.type === 'literal' ? /^\s*\p{L}+\.?(.*)$/su.exec(part.value) : null;
    text += suffix ? suffix[1] : part.value;
  }
  return text.trim();
}

/** A run of days in words: "December 7 – 13", „7 – 13 декември“, "30. November – 6. Dezember". */
export function formatDays(locale: string, start: string, end: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatRange(
    utcDay(start),
    utcDay(end),
  );
}

/**
 * A duration: seconds alone under a minute ("45 s", „45 сек“), else minutes and seconds ("2:05 min").
 */
export function formatDuration(locale: string, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return numberFormat(locale, { style: 'unit', unit: 'second' }).format(seconds);
  const minutes = Math.floor(seconds / 60);
  const clock = `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
  return numberFormat(locale, { style: 'unit', unit: 'minute' })
    .formatToParts(minutes)
    .map((part) => (part.type === 'integer' ? clock : part.value))
    .join('');
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      date: (value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
        dateFormat(locale, options).format(typeof value === 'string' ? new Date(value) : value),
      number: (value: number, options?: Intl.NumberFormatOptions) =>
        numberFormat(locale, options).format(value),
      /** Whole months from `start` to `end` (calendar dates): "December 2026 – February 2027". */
      period: (start: string, end?: string) => formatPeriod(locale, start, end),
      /** Days from `start` to `end` (calendar dates): "December 7 – 13". */
      days: (start: string, end: string) => formatDays(locale, start, end),
      /** Seconds under a minute, else "m:ss min". */
      duration: (seconds: number) => formatDuration(locale, seconds),
    }),
    [locale],
  );
}
