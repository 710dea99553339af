// Following up a new member: the organization's onboarding template, one follow-up per new member with
// its steps and intake answers, the upline's touchpoints, and the member's own tools (business card,
// 2-minute presentation).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
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
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type IntakeQuestion,
  type Localized,
  type OnboardingTemplate,
  STEP_CONDITIONS,
  TOUCHPOINT_KINDS,
} from '../../core/followup/template.ts';
import { memberKindEnum } from './enums.ts';
import { members, organizations } from './organizations.ts';

export const stepConditionEnum = pgEnum('followup_step_condition', STEP_CONDITIONS);
export const touchpointKindEnum = pgEnum('touchpoint_kind', TOUCHPOINT_KINDS);

/** The row belongs to a member and goes with them. */
const memberFk = (name: string, organizationId: AnyPgColumn, memberId: AnyPgColumn) =>
  foreignKey({
    name,
    columns: [organizationId, memberId],
    foreignColumns: [members.organizationId, members.id],
  }).onDelete('cascade');

/** An organization's own onboarding template; without a row the default one applies. */
export const onboardingTemplates = pgTable('onboarding_templates', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  template: jsonb('template').$type<OnboardingTemplate>().notNull(),
  updatedByMemberId: uuid('updated_by_member_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One per member who joined under a sponsor, opened with the template of that day: its questions are
 * copied here and its steps into followup_steps, so a later change of the template leaves it as it is.
 */
export const followups = pgTable(
  'followups',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    /** The join date the due dates count from. */
    openedOn: date('opened_on').notNull(),
    questions: jsonb('questions').$type<IntakeQuestion[]>().notNull(),
    /** Answers by question key. */
    intake: jsonb('intake').$type<Record<string, string>>().notNull().default({}),
    intakeUpdatedAt: timestamp('intake_updated_at', { withTimezone: true }),
    intakeUpdatedById: uuid('intake_updated_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId] }),
    memberFk('followups_member_fk', t.organizationId, t.memberId),
    // The board: new members of the last 90 days.
    index('followups_opened_idx').on(t.organizationId, t.openedOn),
  ],
);

export const followupSteps = pgTable(
  'followup_steps',
  {
    organizationId: uuid('organization_id').notNull(),
    memberId: uuid('member_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    memberTitle: jsonb('member_title').$type<Localized>().notNull(),
    dueOn: date('due_on').notNull(),
    condition: stepConditionEnum('condition').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /**
     * Who ticked it, or opened it again, by hand: the step is then theirs to decide. Null while the app
     * decides (it ticks observable steps itself when it sees them happen).
     */
    doneById: uuid('done_by_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId, t.key] }),
    foreignKey({
      name: 'followup_steps_followup_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [followups.organizationId, followups.memberId],
    }).onDelete('cascade'),
  ],
);

/** The upline keeping in touch with a member: a call, a message or a meeting on a day. */
export const touchpoints = pgTable(
  'touchpoints',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    memberId: uuid('member_id').notNull(),
    byMemberId: uuid('by_member_id').notNull(),
    kind: touchpointKindEnum('kind').notNull(),
    on: date('on').notNull(),
    /** Read only by whoever wrote it. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    memberFk('touchpoints_member_fk', t.organizationId, t.memberId),
    foreignKey({
      name: 'touchpoints_by_member_fk',
      columns: [t.organizationId, t.byMemberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    index('touchpoints_member_idx').on(t.organizationId, t.memberId, t.on),
  ],
);

/**
 * A member's business card: a line under their name, which of their profile's ways to reach them it
 * shows, and the standing invitation link its QR code opens.
 */
export const businessCards = pgTable(
  'business_cards',
  {
    organizationId: uuid('organization_id').notNull(),
    memberId: uuid('member_id').notNull(),
    headline: text('headline'),
    showPhone: boolean('show_phone').notNull().default(true),
    showEmail: boolean('show_email').notNull().default(true),
    showMessengers: boolean('show_messengers').notNull().default(true),
    /** Whom the link's sign-ups become. */
    kind: memberKindEnum('kind').notNull().default('partner'),
    /** The card's invitation link (invitations row); replaced when withdrawn. */
    invitationId: uuid('invitation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId] }),
    memberFk('business_cards_member_fk', t.organizationId, t.memberId),
  ],
);

/** A member's own 2-minute presentation and how often they practised it with the timer. */
export const presentations = pgTable(
  'presentations',
  {
    organizationId: uuid('organization_id').notNull(),
    memberId: uuid('member_id').notNull(),
    text: text('text').notNull().default(''),
    practiceCount: integer('practice_count').notNull().default(0),
    lastPractisedAt: timestamp('last_practised_at', { withTimezone: true }),
    /** The length of the last timed run, in seconds. */
    lastSeconds: integer('last_seconds'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId] }),
    memberFk('presentations_member_fk', t.organizationId, t.memberId),
    check('presentations_practice_check', sql`${t.practiceCount} >= 0`),
  ],
);
