// Diary entries as the API shows them, and the order of a day.

import type { InvitationResponse } from '../../core/diary/fields.ts';
import { TASK_CATEGORIES } from '../../core/diary/fields.ts';
import type { EntryLinks, EntryRow } from './queries.ts';

export function presentEntry(row: { entry: EntryRow; movedTo: string | null; links: EntryLinks }) {
  const e = row.entry;
  return {
    id: e.id,
    kind: e.kind,
    day: e.day,
    title: e.title,
    details: e.details,
    eventType: e.eventType,
    startsAt: e.startsAt?.toISOString() ?? null,
    endsAt: e.endsAt?.toISOString() ?? null,
    place: e.place,
    link: e.link,
    category: e.category,
    state: e.state,
    movedTo: row.movedTo,
    parts: e.parts,
    callBackOn: e.callBackOn,
    cancelled: e.cancelledAt !== null,
    links: row.links,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/**
 * An event I am invited to, as I may see it: no title or details (the owner's own words), and the
 * owner's contacts only counted as guests.
 */
export function presentMeeting(
  row: { entry: EntryRow; ownerName: string; response: InvitationResponse; respondedAt: Date | null },
  links: EntryLinks,
  me: string,
) {
  const e = row.entry;
  return {
    id: e.id,
    day: e.day,
    eventType: e.eventType ?? 'other',
    startsAt: (e.startsAt ?? e.createdAt).toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    place: e.place,
    link: e.link,
    cancelled: e.cancelledAt !== null,
    owner: { id: e.ownerId, name: row.ownerName },
    members: links.members
      .filter((m) => m.response !== null)
      .map((m) => ({ id: m.id, name: m.name, response: m.response!, me: m.id === me })),
    guests: links.contacts.length,
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
  };
}

/** A day's order: events by start, then tasks urgent → necessary, then notes; each in the order written. */
export function dayOrder(a: EntryRow, b: EntryRow) {
  const rank = (e: EntryRow) => (e.kind === 'event' ? 0 : e.kind === 'task' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.kind === 'event') return (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0);
  if (a.kind === 'task') {
    const category = TASK_CATEGORIES.indexOf(a.category!) - TASK_CATEGORIES.indexOf(b.category!);
    if (category) return category;
  }
  return a.createdAt.getTime() - b.createdAt.getTime();
}
