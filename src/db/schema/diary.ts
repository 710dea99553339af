// The business diary: every member's day in time order (events, tasks, notes), the evening reviews,
// and the secret calendar feed links. Private to the member who owns them (server/diary/service.ts).
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ENTRY_KINDS,
  EVENT_TYPES,
  INVITATION_RESPONSES,
  TASK_CATEGORIES,
  TASK_STATES,
} from '../../core/diary/fields.ts';
import { contactInteractions, contacts } from './contacts.ts';
import { members, organizations } from './organizations.ts';

export const entryKindEnum = pgEnum('diary_entry_kind', ENTRY_KINDS);
export const eventTypeEnum = pgEnum('diary_event_type', EVENT_TYPES);
export const taskCategoryEnum = pgEnum('diary_task_category', TASK_CATEGORIES);
export const taskStateEnum = pgEnum('diary_task_state', TASK_STATES);
export const invitationResponseEnum = pgEnum('diary_invitation_response', INVITATION_RESPONSES);

/** The structured parts of a note: whom I met, what we discussed, what they need, what we agreed. */
export interface NoteParts {
  met?: string;
  discussed?: string;
  infoNeeded?: string;
  agreed?: string;
}

export const diaryEntries = pgTable(
  'diary_entries',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    kind: entryKindEnum('kind').notNull(),
    /** The member's own calendar day the entry belongs to. */
    day: date('day').notNull(),
    title: text('title').notNull(),
    details: text('details'),
    // Events: the moment they start and end (absolute, so a calendar shows them right anywhere).
    eventType: eventTypeEnum('event_type'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place'),
    link: text('link'),
    // Tasks.
    category: taskCategoryEnum('category'),
    state: taskStateEnum('state'),
    /** Where a moved task went (its copy on that day). */
    movedToId: uuid('moved_to_id'),
    // Notes.
    parts: jsonb('parts').$type<NoteParts>(),
    /** "Call back on": the follow-up it set on its linked contacts. */
    callBackOn: date('call_back_on'),
    /** Raised on every change, so calendars take the new version of an event. */
    sequence: integer('sequence').notNull().default(0),
    /** A cancelled event stays (calendars are told) but leaves the day. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'diary_entries_owner_fk',
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    index('diary_entries_day_idx').on(t.organizationId, t.ownerId, t.day),
    index('diary_entries_starts_idx')
      .on(t.organizationId, t.ownerId, t.startsAt)
      .where(sql`${t.startsAt} is not null`),
    check(
      'diary_entries_kind_check',
      sql`(${t.kind} = 'event' and ${t.eventType} is not null and ${t.startsAt} is not null)
        or (${t.kind} = 'task' and ${t.category} is not null and ${t.state} is not null)
        or (${t.kind} = 'note')`,
    ),
    check('diary_entries_ends_check', sql`${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
  ],
);

/** The contacts and members an entry is about. */
export const diaryEntryLinks = pgTable(
  'diary_entry_links',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    entryId: uuid('entry_id').notNull(),
    contactId: uuid('contact_id'),
    memberId: uuid('member_id'),
    /** The entry in the linked contact's interaction log that this diary entry wrote. */
    interactionId: uuid('interaction_id'),
    /**
     * A member linked to an event is invited to it: their answer. Null for contacts, for tasks and
     * notes, and for the owner linking themselves.
     */
    response: invitationResponseEnum('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'diary_entry_links_entry_fk',
      columns: [t.organizationId, t.entryId],
      foreignColumns: [diaryEntries.organizationId, diaryEntries.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'diary_entry_links_contact_fk',
      columns: [t.organizationId, t.contactId],
      foreignColumns: [contacts.organizationId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'diary_entry_links_member_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'diary_entry_links_interaction_fk',
      columns: [t.organizationId, t.interactionId],
      foreignColumns: [contactInteractions.organizationId, contactInteractions.id],
    }).onDelete('set null'),
    index('diary_entry_links_entry_idx').on(t.organizationId, t.entryId),
    index('diary_entry_links_contact_idx')
      .on(t.organizationId, t.contactId)
      .where(sql`${t.contactId} is not null`),
    index('diary_entry_links_member_idx')
      .on(t.organizationId, t.memberId)
      .where(sql`${t.memberId} is not null`),
    index('diary_entry_links_interaction_idx')
      .on(t.organizationId, t.interactionId)
      .where(sql`${t.interactionId} is not null`),
    check('diary_entry_links_one_check', sql`num_nonnulls(${t.contactId}, ${t.memberId}) = 1`),
    check('diary_entry_links_response_check', sql`${t.response} is null or ${t.memberId} is not null`),
  ],
);

/** One row per evening the member reviewed: the streak is counted from these. */
export const diaryReviews = pgTable(
  'diary_reviews',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull(),
    day: date('day').notNull(),
    /** What the member wrote about the day, if anything. */
    summary: text('summary'),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.ownerId, t.day] }),
    foreignKey({
      name: 'diary_reviews_owner_fk',
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
  ],
);

/** A member's secret calendar feed link; a new one withdraws the old. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique('calendar_feeds_token_key').on(t.organizationId, t.token),
    foreignKey({
      name: 'calendar_feeds_owner_fk',
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    index('calendar_feeds_owner_idx').on(t.organizationId, t.ownerId),
  ],
);
