// The KPI page keeps whose numbers, month or week, and which period in the address, so "back" from a
// leg returns to the same view and other pages can link to a member's numbers.
import type { Grain } from '../../core/kpis/periods.ts';
import { isDay } from '../diary/search.ts';

export interface KpiSearch {
  memberId?: string;
  grain?: Exclude<Grain, 'month'>;
  /** Any day of the period shown; absent: today. */
  day?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateKpiSearch(search: Record<string, unknown>): KpiSearch {
  const result: KpiSearch = {};
  if (typeof search.memberId === 'string' && UUID.test(search.memberId)) result.memberId = search.memberId;
  if (search.grain === 'week') result.grain = 'week';
  if (isDay(search.day)) result.day = search.day;
  return result;
}
