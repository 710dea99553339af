// The contacts API as the web app uses it; types come from the server's zod schemas. Every request that
// depends on "today" sends the device's own date, so due follow-ups follow the member's day.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactList, Stage } from '../../core/contacts/fields.ts';
import type {
  contactCountsSchema,
  contactListSchema,
  contactPageSchema,
  contactSchema,
  contactSummaryOverviewSchema,
  dueListSchema,
  importPreviewSchema,
  interactionSchema,
  listContactsQuery,
  sharedContactsSchema,
} from '../../server/contacts/schemas.ts';
import { api } from '../api.ts';
import { queryString } from '../structure/api.ts';

export type Contact = z.infer<typeof contactSchema>;
export type ContactPage = z.infer<typeof contactPageSchema>;
export type ContactRows = z.infer<typeof contactListSchema>;
export type ContactSummary = ContactRows['rows'][number];
export type Interaction = z.infer<typeof interactionSchema>;
export type Overview = z.infer<typeof contactSummaryOverviewSchema>;
export type ContactCounts = z.infer<typeof contactCountsSchema>;
export type DueList = z.infer<typeof dueListSchema>;
export type SharedContacts = z.infer<typeof sharedContactsSchema>;
export type SharedContact = SharedContacts['rows'][number];
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportPreviewRow = ImportPreview['rows'][number];
export type ContactSort = z.input<typeof listContactsQuery>['sort'] & string;

export interface ContactFilter {
  q?: string;
  list?: ContactList;
  city?: string;
  stage?: Stage;
  tag?: string;
  due?: boolean;
}

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const CONTACTS_KEY = ['contacts'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The device's local date as yyyy-mm-dd (not UTC: late in the evening it is still today here). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date plus some days, as yyyy-mm-dd. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const overviewQuery = (today: string) =>
  queryOptions({
    queryKey: [...CONTACTS_KEY, 'overview', today],
    queryFn: () => api<Overview>(`/api/v1/contacts/overview${queryString({ today })}`),
  });

export const dueQuery = (today: string, limit = 50) =>
  queryOptions({
    queryKey: [...CONTACTS_KEY, 'due', today, limit],
    queryFn: () => api<DueList>(`/api/v1/contacts/due${queryString({ today, limit })}`),
  });

export const sharedQuery = queryOptions({
  queryKey: [...CONTACTS_KEY, 'shared'],
  queryFn: () => api<SharedContacts>('/api/v1/contacts/shared'),
});

export const contactPageQuery = (id: string) =>
  queryOptions({
    queryKey: [...CONTACTS_KEY, 'page', id],
    queryFn: () => api<ContactPage>(`/api/v1/contacts/${id}`),
  });

export const contactCountsQuery = (memberId: string, today: string) =>
  queryOptions({
    queryKey: ['contact-counts', memberId, today],
    queryFn: () => api<ContactCounts>(`/api/v1/members/${memberId}/contact-counts${queryString({ today })}`),
  });

export function fetchContacts(
  filter: ContactFilter,
  today: string,
  sort: { sort: ContactSort; direction: 'asc' | 'desc' },
  offset: number,
  limit: number,
) {
  return api<ContactRows>(
    `/api/v1/contacts${queryString({ ...filter, due: filter.due || undefined, today, ...sort, offset, limit })}`,
  );
}

export function exportUrl(
  format: 'csv' | 'vcf',
  filter: ContactFilter,
  today: string,
  delimiter: 'comma' | 'semicolon' = 'comma',
) {
  const params = { ...filter, due: filter.due || undefined, today };
  return format === 'csv'
    ? `/api/v1/contacts/export.csv${queryString({ ...params, delimiter })}`
    : `/api/v1/contacts/export.vcf${queryString(params)}`;
}

export const templateUrl = (locale: string) =>
  `/api/v1/contacts/import/template.csv${queryString({ locale })}`;
