// Organizations (tenants) and their members. Every domain table carries `organization_id` as the first
// column of its primary key and of each unique key, so a distributed PostgreSQL can shard by it later.
import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { authUser } from './auth.ts';
import { localeEnum, memberKindEnum, memberRoleEnum, memberStatusEnum } from './enums.ts';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  defaultLocale: localeEnum('default_locale').notNull().default('en'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const members = pgTable(
  'members',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** The login of this member, if they have one. A member is not a login: imported members may have none. */
    userId: text('user_id').references(() => authUser.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    kind: memberKindEnum('kind').notNull().default('partner'),
    status: memberStatusEnum('status').notNull().default('active'),
    role: memberRoleEnum('role').notNull().default('member'),
    /** Null only for the organization's root member (its owner). */
    sponsorId: uuid('sponsor_id'),
    /** Materialized path of the sponsor line, root first; maintained by the structure engine. */
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    joinedOn: date('joined_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique('members_organization_user_key').on(t.organizationId, t.userId),
    foreignKey({
      name: 'members_sponsor_fk',
      columns: [t.organizationId, t.sponsorId],
      foreignColumns: [t.organizationId, t.id],
    }),
    index('members_path_idx').on(t.organizationId, sql`${t.path} COLLATE "C"`),
    index('members_user_idx').on(t.userId),
  ],
);
