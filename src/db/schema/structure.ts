// The structure: members (in organizations.ts), invitation links, and the audit log of sensitive changes.
import { sql } from 'drizzle-orm';
import {
  check,
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
import { memberKindEnum } from './enums.ts';
import { members, organizations } from './organizations.ts';

/**
 * Personal invitation links. A link places whoever signs up through it under its sponsor, as a
 * customer or a partner. It may expire, be limited in uses, or be revoked. A link made for a member
 * who was added by hand (`memberId`) gives that member an account instead of creating a new one.
 */
export const invitations = pgTable(
  'invitations',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** The secret part of the link (the link also names the organization). */
    token: text('token').notNull(),
    sponsorId: uuid('sponsor_id').notNull(),
    kind: memberKindEnum('kind').notNull(),
    /** Set when the link is for one existing member without an account. */
    memberId: uuid('member_id'),
    /** Shown to the person who opens the link; prefilled into the form. */
    name: text('name'),
    email: text('email'),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdByMemberId: uuid('created_by_member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique('invitations_token_key').on(t.organizationId, t.token),
    foreignKey({
      name: 'invitations_sponsor_fk',
      columns: [t.organizationId, t.sponsorId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'invitations_member_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    index('invitations_sponsor_idx').on(t.organizationId, t.sponsorId),
    check('invitations_max_uses_check', sql`${t.maxUses} is null or ${t.maxUses} > 0`),
  ],
);

export const auditActionEnum = pgEnum('audit_action', [
  'member.moved',
  'members.imported',
  'orders.imported',
]);

/** Who changed what, when — for changes an organization must be able to trace (moves, imports). */
export const auditEvents = pgTable(
  'audit_events',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** Null when the command line did it. */
    actorMemberId: uuid('actor_member_id'),
    action: auditActionEnum('action').notNull(),
    subjectId: uuid('subject_id'),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('audit_events_subject_idx').on(t.organizationId, t.subjectId),
  ],
);
