// The calendar feed: a member's events as iCalendar (RFC 5545) for Google, Apple and Outlook calendars.
// Times are UTC, so every calendar shows them in its own time zone; UIDs are the entries' ids, so an
// edited event replaces its earlier version (SEQUENCE rises with every change) and a cancelled one is
// marked CANCELLED.
import ICAL from 'ical.js';
import type { EntryRow } from './queries.ts';

const TYPE_LABEL: Record<NonNullable<EntryRow['eventType']>, string> = {
  meeting: 'Meeting',
  two_plus_one: '2+1 meeting',
  presentation: 'Presentation',
  training: 'Training',
  call: 'Call',
  other: 'Event',
};

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);

export function calendarOf(events: EntryRow[], options: { name: string; now: Date }): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Downline//Business diary//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  // Names are only trimmed: line breaks must not reach the feed as raw lines.
  const name = options.name.replace(/[\r\n]+/g, ' ');
  const calname = new ICAL.Property('x-wr-calname');
  calname.resetType('text');
  calname.setValue(name);
  calendar.addProperty(calname);
  calendar.addPropertyWithValue('name', name);
  // How often calendars that read it should look again.
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H'));
  calendar.addPropertyWithValue('x-published-ttl', 'PT1H');
  for (const e of events) {
    if (!e.startsAt) continue;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${e.id}@downline`);
    event.addPropertyWithValue('dtstamp', utc(options.now));
    event.addPropertyWithValue('last-modified', utc(e.updatedAt));
    event.addPropertyWithValue('created', utc(e.createdAt));
    event.addPropertyWithValue('sequence', e.sequence);
    event.addPropertyWithValue('dtstart', utc(e.startsAt));
    event.addPropertyWithValue('dtend', utc(e.endsAt ?? new Date(e.startsAt.getTime() + 60 * 60 * 1000)));
    event.addPropertyWithValue('summary', e.title);
    event.addPropertyWithValue('categories', TYPE_LABEL[e.eventType ?? 'other']);
    if (e.place) event.addPropertyWithValue('location', e.place);
    if (e.link) event.addPropertyWithValue('url', e.link);
    if (e.details) event.addPropertyWithValue('description', e.details);
    event.addPropertyWithValue('status', e.cancelledAt ? 'CANCELLED' : 'CONFIRMED');
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
