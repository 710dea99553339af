// Organizations (tenants) and their members. Every domain table carries `organization_id` as the first
// column of its primary key and of each unique key, so a distributed PostgreSQL can shard by it later.
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { authUser } from './auth.ts';
import { localeEnum, memberKindEnum, memberRoleEnum, memberStatusEnum } from './enums.ts';

export interface Messengers {
  whatsapp?: string;
  viber?: string;
  telegram?: string;
}

/** Text compared byte-wise (C collation), so a btree range over it is a subtree of the sponsor tree. */
const pathText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  defaultLocale: localeEnum('default_locale').notNull().default('en'),
  /** The last member number given out; the next member gets the next one (see core/structure/path.ts). */
  memberSeq: bigint('member_seq', { mode: 'number' }).notNull().default(0),
  /** The weekday (ISO: 1 = Monday … 7 = Sunday) of the weekly analysis, unless a member picks their own. */
  reviewWeekday: smallint('review_weekday').notNull().default(1),
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
    /** Per-organization member number; the last segment of `path`. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** The member's id in the company's back office, for imports. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Messenger handles by service: { whatsapp, viber, telegram }. */
    messengers: jsonb('messengers').$type<Messengers>().notNull().default({}),
    city: text('city'),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text('country'),
    locale: localeEnum('locale'),
    notes: text('notes'),
    kind: memberKindEnum('kind').notNull().default('partner'),
    status: memberStatusEnum('status').notNull().default('active'),
    role: memberRoleEnum('role').notNull().default('member'),
    /** Null only for the organization's root member (its owner). */
    sponsorId: uuid('sponsor_id'),
    /** Materialized path of the sponsor line, root first (core/structure/path.ts); C collation. */
    path: pathText('path').notNull(),
    depth: integer('depth').notNull().default(0),
    joinedOn: date('joined_on').notNull(),
    /** The member's own weekday for the weekly analysis (ISO 1–7); null: the organization's. */
    reviewWeekday: smallint('review_weekday'),
    /** Set while the member has said they are interested in development (trainings). */
    developmentInterestAt: timestamp('development_interest_at', { withTimezone: true }),
    /** The member's time zone (IANA name, from their device): their days, for plans. Null: UTC. */
    timeZone: text('time_zone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every index here is paid for by each inserted member and by each member a move rewrites (a new path
  // means a new entry in all of them), so each one is there for a query (docs/PERFORMANCE.md):
  //   - no unique index on seq: the path is unique and ends with the member's own number;
  //   - user_id and external_id are indexed only where set (imported members have no login).
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('members_organization_user_key')
      .on(t.organizationId, t.userId)
      .where(sql`${t.userId} is not null`),
    foreignKey({
      name: 'members_sponsor_fk',
      columns: [t.organizationId, t.sponsorId],
      foreignColumns: [t.organizationId, t.id],
    }),
    uniqueIndex('members_external_id_key')
      .on(t.organizationId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    unique('members_path_key').on(t.organizationId, t.path),
    // The frontline of a sponsor (listFrontline, countStructure) and the foreign key's checks on delete.
    index('members_sponsor_idx').on(t.organizationId, t.sponsorId),
    // The actor lookup of a login across organizations (organizations/queries.ts).
    index('members_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
  ],
);
