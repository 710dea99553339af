// The contacts list keeps its view and filters in the address, so "back" from a contact returns to the
// same list, and Today can link straight to the due follow-ups.
import { type ContactList, STAGES, type Stage } from '../../core/contacts/fields.ts';

export const SORTS = ['name', 'nextFollowUpOn', 'lastContactOn', 'createdAt', 'stage'] as const;
export type Sort = (typeof SORTS)[number];

export interface ContactsSearch {
  /** Absent: both lists. */
  list?: ContactList;
  q?: string;
  city?: string;
  stage?: Stage;
  tag?: string;
  /** Only follow-ups due today or earlier, most overdue first. */
  due?: boolean;
  sort?: Sort;
}

/**
 * A text value of the address. The router reads `?q=359888` as a number (its search is JSON), so a
 * number counts as the text it was written as.
 */
function text(value: unknown, max: number): string | undefined {
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, max) : undefined;
}

export function validateContactsSearch(search: Record<string, unknown>): ContactsSearch {
  const result: ContactsSearch = {};
  if (search.list === 'own' || search.list === 'other') result.list = search.list;
  const q = text(search.q, 100);
  if (q) result.q = q;
  const city = text(search.city, 100);
  if (city) result.city = city;
  if (STAGES.includes(search.stage as Stage)) result.stage = search.stage as Stage;
  const tag = text(search.tag, 40);
  if (tag) result.tag = tag;
  if (search.due === true || search.due === 'true') result.due = true;
  if (SORTS.includes(search.sort as Sort)) result.sort = search.sort as Sort;
  return result;
}
