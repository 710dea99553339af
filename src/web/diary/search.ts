// The diary keeps its day and view in the address (`/diary?day=2026-03-16&view=week`), so "back" returns
// to the same place and Today can link to a day. Without `day` it shows the device's today.
import type { EntryKind } from '../../core/diary/fields.ts';

export const VIEWS = ['day', 'week', 'month'] as const;
export type DiaryView = (typeof VIEWS)[number];

export interface DiarySearch {
  day?: string;
  /** Absent: the day view. */
  view?: Exclude<DiaryView, 'day'>;
  /** Opens quick capture at once (a link from another page: "+ task"). */
  capture?: EntryKind;
  /** The calendar feed settings are open. */
  feed?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date between 1900 and 2999, as the server takes it. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value) || value < '1900-01-01' || value > '2999-12-31')
    return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function validateDiarySearch(search: Record<string, unknown>): DiarySearch {
  const result: DiarySearch = {};
  if (isDay(search.day)) result.day = search.day;
  if (search.view === 'week' || search.view === 'month') result.view = search.view;
  if (search.capture === 'event' || search.capture === 'task' || search.capture === 'note')
    result.capture = search.capture;
  if (search.feed === true || search.feed === 'true') result.feed = true;
  return result;
}

export function validateReviewSearch(search: Record<string, unknown>): { day?: string } {
  return isDay(search.day) ? { day: search.day } : {};
}
