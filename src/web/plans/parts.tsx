// Small pieces the plans pages share: period labels, activity names, pace colours and badges.
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isoWeek } from '../../core/kpis/periods.ts';
import type { Activity, Pace, PlanLevel } from '../../core/plans/fields.ts';
import { planPeriod } from '../../core/plans/periods.ts';
import { dateFormat, useFormat } from '../ui/format.ts';

export const PACE_COLOR: Record<Pace, string> = {
  done: 'green',
  ahead: 'teal',
  on_track: 'blue',
  behind: 'orange',
  missed: 'red',
  upcoming: 'gray',
  open: 'gray',
};

export function PaceBadge({ pace, ...props }: { pace: Pace } & BadgeProps) {
  const { t } = useTranslation('plans');
  return (
    <Badge variant="light" color={PACE_COLOR[pace]} style={{ flexShrink: 0 }} data-pace={pace} {...props}>
      {t(`pace.${pace}`)}
    </Badge>
  );
}

/** A calendar date (yyyy-mm-dd) as the moment it is in UTC, so formatting in UTC shows that very date. */
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The label of a plan's period in the person's language: "December 2026 – February 2027", "November 2026",
 * "Week 48 · November 23 – 29", "Mon, 23 Nov". `short` leaves out the week number and the weekday's year.
 */
export function usePeriodLabel() {
  const { t } = useTranslation('plans');
  const { locale, period, days } = useFormat();
  return (level: PlanLevel, start: string) => {
    const { end } = planPeriod(level, start);
    if (level === 'three_months' || level === 'month') return period(start, end);
    if (level === 'week') return t('weekLabel', { week: isoWeek(start).week, days: days(start, end) });
    return dateFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(utc(start));
  };
}

/** What an item counts, or the member's own words for a custom one. */
export function useItemLabel() {
  const { t } = useTranslation('plans');
  return (item: { activity: Activity; title?: string | null }) =>
    item.activity === 'custom' && item.title ? item.title : t(`activity.${item.activity}`);
}
