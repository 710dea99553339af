// The calendar feed: a member's events as iCalendar (RFC 5545) for Google, Apple and Outlook calendars.
// Times are UTC, so every calendar shows them in its own time zone; UIDs are the entries' ids, so an
// edited event replaces its earlier version (SEQUENCE rises with every change) and a cancelled one is
// marked CANCELLED.
import { randomBytes, randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { makeInvitationToken, organizationOfToken } from '../../core/structure/invitation-token.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { activeFeed, type EntryRow, feedByToken, feedEvents, insertFeed, revokeFeeds } from './queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** The calendar feed's use cases: my link, a new one, withdrawing it, and the public feed. */
export function calendarFeeds({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const { db } = database;
  const feedNotFound = () => new AppError(404, 'not_found', 'This calendar link does not exist.');

  async function feedOf(actor: Actor) {
    const feed = await activeFeed(db, actor.organizationId, actor.memberId);
    return {
      path: feed ? `/api/v1/calendar/${feed.token}.ics` : null,
      createdAt: feed?.createdAt.toISOString() ?? null,
    };
  }

  return {
    feed: feedOf,

    /** A new secret feed link; the old one stops working. */
    async renewFeed(actor: Actor) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await revokeFeeds(tx, actor.organizationId, actor.memberId, now);
        await insertFeed(tx, {
          organizationId: actor.organizationId,
          id: randomUUID(),
          ownerId: actor.memberId,
          token: makeInvitationToken(actor.organizationId, randomBytes(18)),
          createdAt: now,
        });
      });
      return feedOf(actor);
    },

    async revokeFeed(actor: Actor) {
      await revokeFeeds(db, actor.organizationId, actor.memberId, clock.now());
    },

    /** The public feed behind a secret link: upcoming events (and the last four weeks). */
    async calendar(token: string) {
      const organizationId = organizationOfToken(token);
      if (!organizationId) throw feedNotFound();
      const row = await feedByToken(db, organizationId, token);
      // A member who left reads nothing of the organization any more, through a link neither.
      if (!row || row.feed.revokedAt || row.ownerStatus === 'left') throw feedNotFound();
      const now = clock.now();
      const events = await feedEvents(
        db,
        organizationId,
        row.feed.ownerId,
        new Date(now.getTime() - 28 * DAY_MS),
      );
      return calendarOf(events, { name: `Downline — ${row.ownerName}`, now });
    },
  };
}
