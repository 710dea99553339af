// Small pieces the KPI pages share: period labels, weekday names, points formatting.
import { useTranslation } from 'react-i18next';
import { addDays, type Grain, isoWeek, periodEnd } from '../../core/kpis/periods.ts';
import { useFormat } from '../ui/format.ts';

/** Dates without a time of day, shown as the calendar date they are wherever the device is. */
export function useDay() {
  const format = useFormat();
  return (day: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }) =>
    format.date(`${day}T00:00:00Z`, { ...options, timeZone: 'UTC' });
}

/** "March 2026", or "Week 12 · March 16 – 22". */
export function usePeriodLabel() {
  const { t } = useTranslation('kpis');
  const day = useDay();
  const format = useFormat();
  return (grain: Grain, period: string, short = false) => {
    if (grain === 'month') return short ? day(period, { month: 'short' }) : format.period(period);
    const { week } = isoWeek(period);
    if (short) return `${week}`;
    return t('weekLabel', { week, days: format.days(period, periodEnd('week', period)) });
  };
}

/** The name of an ISO weekday (1 = Monday) in the person's language. */
export function useWeekdayName() {
  const day = useDay();
  // 2024-01-01 was a Monday.
  return (weekday: number) => day(addDays('2024-01-01', weekday - 1), { weekday: 'long' });
}

export function usePoints() {
  const format = useFormat();
  return (value: number) => format.number(value, { maximumFractionDigits: 2 });
}
