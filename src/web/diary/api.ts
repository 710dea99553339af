// The diary API as the web app uses it; types come from the server's zod schemas. "Today" is always the
// device's own date, and event times are built from the local date and time with the device's offset.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activitySchema,
  createEntryBody,
  dayPageSchema,
  entrySchema,
  feedSchema,
  meetingSchema,
  meetingsSchema,
  rangePageSchema,
  reviewBody,
  updateEntryBody,
} from '../../server/diary/schemas.ts';
import { api } from '../api.ts';
import { addDays, CONTACTS_KEY } from '../contacts/api.ts';
import { queryString } from '../structure/api.ts';

export { addDays, daysBetween, localToday } from '../contacts/api.ts';

export type Entry = z.infer<typeof entrySchema>;
export type DayPage = z.infer<typeof dayPageSchema>;
export type RangePage = z.infer<typeof rangePageSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Feed = z.infer<typeof feedSchema>;
/** An event of someone else's diary I am invited to. */
export type Meeting = z.infer<typeof meetingSchema>;
export type Meetings = z.infer<typeof meetingsSchema>;
export type CreateEntry = z.input<typeof createEntryBody>;
export type UpdateEntry = z.input<typeof updateEntryBody>;
export type ReviewInput = z.input<typeof reviewBody>;
export type PlanItem = NonNullable<ReviewInput['plan']>[number];
export type TaskDecision = NonNullable<ReviewInput['tasks']>[number]['action'];

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const DIARY_KEY = ['diary'] as const;

export const dayQuery = (day: string) =>
  queryOptions({
    queryKey: [...DIARY_KEY, 'day', day],
    queryFn: () => api<DayPage>(`/api/v1/diary/days/${day}`),
  });

export const rangeQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: [...DIARY_KEY, 'range', from, to],
    queryFn: () => api<RangePage>(`/api/v1/diary${queryString({ from, to })}`),
  });

/** My invitations still open (meetings to come, unanswered ones of two weeks), for Today. */
export const invitationsQuery = queryOptions({
  queryKey: [...DIARY_KEY, 'invitations'],
  queryFn: () => api<Meetings>('/api/v1/diary/invitations'),
});

export const answerInvitation = (id: string, response: 'accepted' | 'declined') =>
  api<Meeting>(`/api/v1/diary/invitations/${id}`, { method: 'PUT', body: { response } });

/** A meeting I am invited to that still is on my calendar: not cancelled, not declined. */
export const onCalendar = (meeting: Meeting) => !meeting.cancelled && meeting.response !== 'declined';

export const feedQuery = queryOptions({
  queryKey: [...DIARY_KEY, 'feed'],
  queryFn: () => api<Feed>('/api/v1/diary/feed'),
});

export const activityQuery = (memberId: string, today: string, weeks = 4) =>
  queryOptions({
    queryKey: ['diary-activity', memberId, today, weeks],
    queryFn: () =>
      api<Activity>(`/api/v1/members/${memberId}/diary-activity${queryString({ weeks, today })}`),
  });

/** After a change: the diary's views, and the contacts an entry may have written into. */
export function refreshAfterChange(queryClient: QueryClient, touchesContacts: boolean) {
  void queryClient.invalidateQueries({ queryKey: DIARY_KEY });
  if (touchesContacts) void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
}

export const createEntry = (body: CreateEntry) =>
  api<Entry>('/api/v1/diary/entries', { method: 'POST', body });

export const updateEntry = (id: string, body: UpdateEntry) =>
  api<Entry>(`/api/v1/diary/entries/${id}`, { method: 'PATCH', body });

export const deleteEntry = (id: string) => api(`/api/v1/diary/entries/${id}`, { method: 'DELETE' });

export const moveEntry = (id: string, to: string) =>
  api<Entry>(`/api/v1/diary/entries/${id}/move`, { method: 'POST', body: { to } });

export const reviewDay = (day: string, body: ReviewInput) =>
  api<DayPage>(`/api/v1/diary/days/${day}/review`, { method: 'POST', body });

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as ISO 8601 with the device's offset on that date, from a local date (yyyy-mm-dd) and time
 * (hh:mm): "2026-03-29T09:30:00+03:00". The offset is the one of that moment, so summer time is right.
 */
export function localMoment(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const date = new Date(y, m - 1, d, hh, mm);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The local time (hh:mm) of a moment, for a time input. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The Monday of a date's week (weeks start on Monday, as in the server's activity counts). */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The days of a date's week, Monday to Sunday. */
export function weekOf(day: string): string[] {
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The first and last day of a month grid: whole weeks, Monday before the 1st to Sunday after the end. */
export function monthGrid(day: string): { first: string; last: string; days: string[] } {
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastOfMonth = addDays(next.toISOString().slice(0, 10), -1);
  const start = mondayOf(first);
  const end = addDays(mondayOf(lastOfMonth), 6);
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return { first: start, last: end, days };
}

/** The same day of another month (clamped to its length), for stepping through months. */
export function shiftMonth(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const length = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, length));
  return target.toISOString().slice(0, 10);
}
