// Contacts: every member's two lists of people they know, and the log of what happened with each.
// Private to the member who owns them (server/contacts/policy.ts).
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CONTACT_LISTS,
  INTERACTION_KINDS,
  INTERACTION_OUTCOMES,
  type Messengers,
  RELATIONSHIPS,
  STAGES,
} from '../../core/contacts/fields.ts';
import { members, organizations } from './organizations.ts';
import { invitations } from './structure.ts';

export const contactStageEnum = pgEnum('contact_stage', STAGES);
export const contactRelationshipEnum = pgEnum('contact_relationship', RELATIONSHIPS);
export const contactListEnum = pgEnum('contact_list', CONTACT_LISTS);
export const interactionKindEnum = pgEnum('interaction_kind', INTERACTION_KINDS);
export const interactionOutcomeEnum = pgEnum('interaction_outcome', INTERACTION_OUTCOMES);

export const contacts = pgTable(
  'contacts',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** The member whose list this is; nobody else reads it unless it is shared with their sponsor. */
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** The name folded (core/contacts/fields.ts fold), to sort by the same in every database collation. */
    nameKey: text('name_key').notNull(),
    phone: text('phone'),
    /** The phone in E.164 (or its digits) for finding duplicates (core/contacts/phone.ts). */
    phoneKey: text('phone_key'),
    email: text('email'),
    messengers: jsonb('messengers').$type<Messengers>().notNull().default({}),
    city: text('city'),
    /** The city folded for comparison with the owner's (core/contacts/fields.ts cityKey); '' for none. */
    cityKey: text('city_key').notNull().default(''),
    /** The list chosen by hand; null = derived from the owner's and the contact's city. */
    listOverride: contactListEnum('list_override'),
    relationship: contactRelationshipEnum('relationship'),
    source: text('source'),
    interests: text('interests'),
    needs: text('needs'),
    notes: text('notes'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    stage: contactStageEnum('stage').notNull().default('new'),
    nextFollowUpOn: date('next_follow_up_on'),
    lastContactOn: date('last_contact_on'),
    /** The day the contact was last moved to "invited" (plans count invitations from it). */
    invitedOn: date('invited_on'),
    /** Folded name, city, phone, e-mail, tags and handles: what search-as-you-type matches. */
    searchText: text('search_text').notNull(),
    /** Set while the owner shares this contact with their sponsor (read-only for the sponsor). */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    /**
     * The sponsor it was shared with. They read it only while they are still the owner's sponsor: a move
     * in the tree never hands a shared contact to someone the owner did not choose.
     */
    sharedWithId: uuid('shared_with_id'),
    /** The invitation link made from this contact; whoever joins through it is linked back here. */
    invitationId: uuid('invitation_id'),
    /** The member this contact became. */
    memberId: uuid('member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The `set null` foreign keys name their own column in the migration (`on delete set null (col)`,
  // PostgreSQL 15+), so the organization id stays; Drizzle cannot express that, hence: generate, then edit.
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'contacts_owner_fk',
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contacts_invitation_fk',
      columns: [t.organizationId, t.invitationId],
      foreignColumns: [invitations.organizationId, invitations.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_shared_with_fk',
      columns: [t.organizationId, t.sharedWithId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'contacts_member_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('set null'),
    // Every list, count and search is one owner's: their rows lie together in this index.
    index('contacts_owner_idx').on(t.organizationId, t.ownerId, t.nameKey),
    index('contacts_shared_idx')
      .on(t.organizationId, t.sharedWithId)
      .where(sql`${t.sharedWithId} is not null`),
    // Follow-ups due (Today page).
    index('contacts_follow_up_idx')
      .on(t.organizationId, t.ownerId, t.nextFollowUpOn)
      .where(sql`${t.nextFollowUpOn} is not null`),
    index('contacts_invitation_idx')
      .on(t.organizationId, t.invitationId)
      .where(sql`${t.invitationId} is not null`),
    check('contacts_name_check', sql`length(trim(${t.name})) > 0`),
  ],
);

export const contactInteractions = pgTable(
  'contact_interactions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    contactId: uuid('contact_id').notNull(),
    kind: interactionKindEnum('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    outcome: interactionOutcomeEnum('outcome'),
    note: text('note'),
    /** The stage this interaction moved the contact to, if it did. */
    stage: contactStageEnum('stage'),
    /** The follow-up it set, if it did. */
    nextFollowUpOn: date('next_follow_up_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'contact_interactions_contact_fk',
      columns: [t.organizationId, t.contactId],
      foreignColumns: [contacts.organizationId, contacts.id],
    }).onDelete('cascade'),
    index('contact_interactions_contact_idx').on(t.organizationId, t.contactId, t.occurredOn),
  ],
);
