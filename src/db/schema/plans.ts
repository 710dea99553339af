// Goals and the planning cascade: a member's annual goal, their plans (3 months, month, week, day) and
// the items of each. Progress is not stored: it is counted from the member's activity when read
// (server/plans/activity.ts). The member writes these; their upline reads them.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACTIVITIES, PLAN_LEVELS } from '../../core/plans/fields.ts';
import { members, organizations } from './organizations.ts';

export const planLevelEnum = pgEnum('plan_level', PLAN_LEVELS);
export const planActivityEnum = pgEnum('plan_activity', ACTIVITIES);

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/**
 * A clearly stated goal for twelve months with the income the member wants and why: from the first of a
 * month (a newcomer in December sets one for the next 12 months) to the last day of the twelfth. One
 * member's goals never overlap (the service checks under the member's row lock).
 */
export const annualGoals = pgTable(
  'annual_goals',
  {
    organizationId: organizationId(),
    memberId: uuid('member_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    statement: text('statement').notNull(),
    income: text('income'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId, t.startsOn] }),
    foreignKey({
      name: 'annual_goals_member_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    check(
      'annual_goals_period_check',
      sql`extract(day from ${t.startsOn}) = 1 and ${t.endsOn} = (${t.startsOn} + interval '12 months' - interval '1 day')::date`,
    ),
  ],
);

/** A plan of one level and period; `created_at` tells whether it was written in advance. */
export const plans = pgTable(
  'plans',
  {
    organizationId: organizationId(),
    id: uuid('id').notNull(),
    memberId: uuid('member_id').notNull(),
    level: planLevelEnum('level').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'plans_member_fk',
      columns: [t.organizationId, t.memberId],
      foreignColumns: [members.organizationId, members.id],
    }).onDelete('cascade'),
    unique('plans_period_key').on(t.organizationId, t.memberId, t.level, t.startsOn),
    check('plans_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** What a plan sets out to do: a target count of a measured activity, or a custom action ticked by hand. */
export const planItems = pgTable(
  'plan_items',
  {
    organizationId: organizationId(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    position: smallint('position').notNull(),
    activity: planActivityEnum('activity').notNull(),
    target: integer('target'),
    title: text('title'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'plan_items_plan_fk',
      columns: [t.organizationId, t.planId],
      foreignColumns: [plans.organizationId, plans.id],
    }).onDelete('cascade'),
    index('plan_items_plan_idx').on(t.organizationId, t.planId, t.position),
    check(
      'plan_items_kind_check',
      sql`(${t.activity} = 'custom' and ${t.title} is not null and ${t.target} is null)
        or (${t.activity} <> 'custom' and ${t.target} > 0 and ${t.doneAt} is null)`,
    ),
  ],
);
