// Reads and writes of the diary. Every function takes the organization id and the owner: a member's
// diary lies together in the (organization_id, owner_id, day) index.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InvitationResponse } from '../../core/diary/fields.ts';
import type { Db } from '../../db/client.ts';
import {
  calendarFeeds,
  contacts,
  diaryEntries,
  diaryEntryLinks,
  diaryReviews,
  members,
} from '../../db/schema/index.ts';

export type EntryRow = typeof diaryEntries.$inferSelect;
export type NewEntry = typeof diaryEntries.$inferInsert;
export type EntryLinks = {
  contacts: { id: string; name: string }[];
  /** `response`: an invited member's answer (null when the entry is not an event of someone else's). */
  members: { id: string; name: string; response: InvitationResponse | null }[];
};

const ownerScope = (organizationId: string, ownerId: string) =>
  and(eq(diaryEntries.organizationId, organizationId), eq(diaryEntries.ownerId, ownerId))!;

/** The entries of some days with the names of what they link to; `movedTo` is the day a task went to. */
export async function entriesOfDays(
  db: Db,
  organizationId: string,
  ownerId: string,
  from: string,
  to: string,
) {
  const rows = await db
    .select({ entry: diaryEntries, movedTo: sql<string | null>`moved.day` })
    .from(diaryEntries)
    .leftJoin(
      sql`diary_entries moved`,
      sql`moved.organization_id = ${diaryEntries.organizationId} and moved.id = ${diaryEntries.movedToId}`,
    )
    .where(and(ownerScope(organizationId, ownerId), gte(diaryEntries.day, from), lte(diaryEntries.day, to)))
    .orderBy(
      asc(diaryEntries.day),
      asc(diaryEntries.startsAt),
      asc(diaryEntries.createdAt),
      asc(diaryEntries.id),
    );
  const links = await linksOf(
    db,
    organizationId,
    rows.map((r) => r.entry.id),
  );
  return rows.map((r) => ({ ...r, links: links.get(r.entry.id) ?? { contacts: [], members: [] } }));
}

export async function getEntry(db: Db, organizationId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(diaryEntries)
    .where(and(eq(diaryEntries.organizationId, organizationId), eq(diaryEntries.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The names of the contacts and members entries link to, by entry. */
export async function linksOf(db: Db, organizationId: string, entryIds: string[]) {
  const byEntry = new Map<string, EntryLinks>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .select({
      entryId: diaryEntryLinks.entryId,
      contactId: diaryEntryLinks.contactId,
      contactName: contacts.name,
      memberId: diaryEntryLinks.memberId,
      memberName: members.name,
      response: diaryEntryLinks.response,
    })
    .from(diaryEntryLinks)
    .leftJoin(
      contacts,
      and(
        eq(contacts.organizationId, diaryEntryLinks.organizationId),
        eq(contacts.id, diaryEntryLinks.contactId),
      ),
    )
    .leftJoin(
      members,
      and(
        eq(members.organizationId, diaryEntryLinks.organizationId),
        eq(members.id, diaryEntryLinks.memberId),
      ),
    )
    .where(
      and(eq(diaryEntryLinks.organizationId, organizationId), inArray(diaryEntryLinks.entryId, entryIds)),
    );
  for (const r of rows) {
    const links = byEntry.get(r.entryId) ?? { contacts: [], members: [] };
    if (r.contactId) links.contacts.push({ id: r.contactId, name: r.contactName ?? '' });
    if (r.memberId) links.members.push({ id: r.memberId, name: r.memberName ?? '', response: r.response });
    byEntry.set(r.entryId, links);
  }
  return byEntry;
}

export async function linkRows(db: Db, organizationId: string, entryId: string) {
  return db
    .select()
    .from(diaryEntryLinks)
    .where(and(eq(diaryEntryLinks.organizationId, organizationId), eq(diaryEntryLinks.entryId, entryId)));
}

export async function insertEntry(db: Db, row: NewEntry) {
  await db.insert(diaryEntries).values(row);
}

export async function insertLinks(db: Db, rows: (typeof diaryEntryLinks.$inferInsert)[]) {
  if (rows.length) await db.insert(diaryEntryLinks).values(rows);
}

export async function updateEntry(db: Db, organizationId: string, id: string, values: Partial<NewEntry>) {
  await db
    .update(diaryEntries)
    .set({ ...values, sequence: sql`${diaryEntries.sequence} + 1` })
    .where(and(eq(diaryEntries.organizationId, organizationId), eq(diaryEntries.id, id)));
}

export async function deleteEntry(db: Db, organizationId: string, id: string) {
  await db
    .delete(diaryEntries)
    .where(and(eq(diaryEntries.organizationId, organizationId), eq(diaryEntries.id, id)));
}

/** An event moved to another time asks its invited members again. */
export async function askAgain(db: Db, organizationId: string, entryId: string) {
  await db
    .update(diaryEntryLinks)
    .set({ response: 'pending', respondedAt: null })
    .where(
      and(
        eq(diaryEntryLinks.organizationId, organizationId),
        eq(diaryEntryLinks.entryId, entryId),
        isNotNull(diaryEntryLinks.response),
      ),
    );
}

const owners = alias(members, 'diary_owner');

/**
 * Events of other members' diaries that `memberId` is invited to, with their answer and the owner's name:
 * the events of some days (`days`), or what is still open for Today (`open`: to come, or unanswered since
 * `since`). Never anything of the member's own diary.
 */
export async function invitationsOf(
  db: Db,
  organizationId: string,
  memberId: string,
  scope: { days: { from: string; to: string } } | { open: { now: Date; since: Date } } | { entryId: string },
  forUpdate = false,
) {
  const end = sql`coalesce(${diaryEntries.endsAt}, ${diaryEntries.startsAt})`;
  const where =
    'days' in scope
      ? and(gte(diaryEntries.day, scope.days.from), lte(diaryEntries.day, scope.days.to))
      : 'open' in scope
        ? or(
            sql`${end} >= ${scope.open.now.toISOString()}::timestamptz`,
            and(
              eq(diaryEntryLinks.response, 'pending'),
              isNull(diaryEntries.cancelledAt),
              gte(diaryEntries.startsAt, scope.open.since),
            ),
          )
        : eq(diaryEntries.id, scope.entryId);
  const query = db
    .select({
      entry: diaryEntries,
      response: diaryEntryLinks.response,
      respondedAt: diaryEntryLinks.respondedAt,
      ownerName: owners.name,
    })
    .from(diaryEntryLinks)
    .innerJoin(
      diaryEntries,
      and(
        eq(diaryEntries.organizationId, diaryEntryLinks.organizationId),
        eq(diaryEntries.id, diaryEntryLinks.entryId),
      ),
    )
    .innerJoin(
      owners,
      and(eq(owners.organizationId, diaryEntries.organizationId), eq(owners.id, diaryEntries.ownerId)),
    )
    .where(
      and(
        eq(diaryEntryLinks.organizationId, organizationId),
        eq(diaryEntryLinks.memberId, memberId),
        isNotNull(diaryEntryLinks.response),
        eq(diaryEntries.kind, 'event'),
        ne(diaryEntries.ownerId, memberId),
        where,
      ),
    )
    .orderBy(asc(diaryEntries.startsAt), asc(diaryEntries.id))
    .limit(500);
  const rows = forUpdate ? await query.for('update', { of: diaryEntryLinks }) : await query;
  return rows.map((r) => ({ ...r, response: r.response! }));
}

/** The invited member's answer to an event. */
export async function saveResponse(
  db: Db,
  organizationId: string,
  entryId: string,
  memberId: string,
  response: InvitationResponse,
  at: Date,
) {
  await db
    .update(diaryEntryLinks)
    .set({ response, respondedAt: at })
    .where(
      and(
        eq(diaryEntryLinks.organizationId, organizationId),
        eq(diaryEntryLinks.entryId, entryId),
        eq(diaryEntryLinks.memberId, memberId),
        isNotNull(diaryEntryLinks.response),
      ),
    );
}

/** Forgets the log lines an entry wrote (after they were removed). */
export async function clearInteractionLinks(db: Db, organizationId: string, entryId: string) {
  await db
    .update(diaryEntryLinks)
    .set({ interactionId: null })
    .where(and(eq(diaryEntryLinks.organizationId, organizationId), eq(diaryEntryLinks.entryId, entryId)));
}

/** A task moved to an entry that is deleted is open again on its own day. */
export async function reopenMovedTo(db: Db, organizationId: string, copyId: string, now: Date) {
  await db
    .update(diaryEntries)
    .set({ state: 'open', movedToId: null, updatedAt: now })
    .where(and(eq(diaryEntries.organizationId, organizationId), eq(diaryEntries.movedToId, copyId)));
}

/** Open tasks of a day (for the evening review), locked. */
export async function openTasks(db: Db, organizationId: string, ownerId: string, day: string) {
  return db
    .select()
    .from(diaryEntries)
    .where(
      and(
        ownerScope(organizationId, ownerId),
        eq(diaryEntries.day, day),
        eq(diaryEntries.kind, 'task'),
        eq(diaryEntries.state, 'open'),
      ),
    )
    .for('update');
}

export async function getReview(db: Db, organizationId: string, ownerId: string, day: string) {
  const [row] = await db
    .select()
    .from(diaryReviews)
    .where(
      and(
        eq(diaryReviews.organizationId, organizationId),
        eq(diaryReviews.ownerId, ownerId),
        eq(diaryReviews.day, day),
      ),
    );
  return row ?? null;
}

export async function saveReview(db: Db, row: typeof diaryReviews.$inferInsert & { completedAt: Date }) {
  await db
    .insert(diaryReviews)
    .values(row)
    .onConflictDoUpdate({
      target: [diaryReviews.organizationId, diaryReviews.ownerId, diaryReviews.day],
      // A second review of the day keeps the first one's summary unless it writes a new one.
      set: {
        summary: sql`coalesce(excluded.summary, ${diaryReviews.summary})`,
        completedAt: row.completedAt,
      },
    });
}

/** Reviewed days up to a day, newest first (enough for any streak a year long). */
export async function reviewedDays(
  db: Db,
  organizationId: string,
  ownerId: string,
  upTo: string,
  from?: string,
) {
  const rows = await db
    .select({ day: diaryReviews.day })
    .from(diaryReviews)
    .where(
      and(
        eq(diaryReviews.organizationId, organizationId),
        eq(diaryReviews.ownerId, ownerId),
        lte(diaryReviews.day, upTo),
        ...(from ? [gte(diaryReviews.day, from)] : []),
      ),
    )
    .orderBy(desc(diaryReviews.day))
    .limit(400);
  return rows.map((r) => r.day);
}

/** Per week (Monday) from `from`: events held, tasks done, evenings reviewed. Counts only. */
export async function weeklyActivity(
  db: Db,
  organizationId: string,
  ownerId: string,
  from: string,
  to: string,
) {
  const week = sql<string>`to_char(date_trunc('week', ${diaryEntries.day}::timestamp), 'YYYY-MM-DD')`;
  const entries = await db
    .select({
      week,
      events:
        sql<number>`count(*) filter (where ${diaryEntries.kind} = 'event' and ${diaryEntries.cancelledAt} is null)`.mapWith(
          Number,
        ),
      tasksDone:
        sql<number>`count(*) filter (where ${diaryEntries.kind} = 'task' and ${diaryEntries.state} = 'done')`.mapWith(
          Number,
        ),
    })
    .from(diaryEntries)
    .where(and(ownerScope(organizationId, ownerId), gte(diaryEntries.day, from), lte(diaryEntries.day, to)))
    .groupBy(sql`1`);
  const reviewWeek = sql<string>`to_char(date_trunc('week', ${diaryReviews.day}::timestamp), 'YYYY-MM-DD')`;
  const reviews = await db
    .select({ week: reviewWeek, n: sql<number>`count(*)`.mapWith(Number) })
    .from(diaryReviews)
    .where(
      and(
        eq(diaryReviews.organizationId, organizationId),
        eq(diaryReviews.ownerId, ownerId),
        gte(diaryReviews.day, from),
        lte(diaryReviews.day, to),
      ),
    )
    .groupBy(sql`1`);
  return { entries, reviews };
}

/** Events for the calendar feed: from some weeks back on, cancelled ones too (calendars are told). */
export async function feedEvents(db: Db, organizationId: string, ownerId: string, since: Date) {
  return db
    .select()
    .from(diaryEntries)
    .where(
      and(
        ownerScope(organizationId, ownerId),
        eq(diaryEntries.kind, 'event'),
        gte(diaryEntries.startsAt, since),
      ),
    )
    .orderBy(asc(diaryEntries.startsAt))
    .limit(2000);
}

export async function activeFeed(db: Db, organizationId: string, ownerId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.organizationId, organizationId),
        eq(calendarFeeds.ownerId, ownerId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

export async function revokeFeeds(db: Db, organizationId: string, ownerId: string, at: Date) {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(
      and(
        eq(calendarFeeds.organizationId, organizationId),
        eq(calendarFeeds.ownerId, ownerId),
        isNull(calendarFeeds.revokedAt),
      ),
    );
}

export async function insertFeed(db: Db, row: typeof calendarFeeds.$inferInsert) {
  await db.insert(calendarFeeds).values(row);
}

export async function feedByToken(db: Db, organizationId: string, token: string) {
  const [row] = await db
    .select({ feed: calendarFeeds, ownerName: members.name, ownerStatus: members.status })
    .from(calendarFeeds)
    .innerJoin(
      members,
      and(eq(members.organizationId, calendarFeeds.organizationId), eq(members.id, calendarFeeds.ownerId)),
    )
    .where(and(eq(calendarFeeds.organizationId, organizationId), eq(calendarFeeds.token, token)));
  return row ?? null;
}
