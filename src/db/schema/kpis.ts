// Orders and points, trainings, the rollups behind the three KPIs, and the weekly reviews.
//
// Orders are a ledger: a posting is never changed or deleted; a correction or a return is a second
// posting that reverses the first. member_rollups holds, per member and period (month and ISO week),
// the member's own figures and the totals of their structure (the member plus the whole downline),
// kept current in the same transaction as every posting, join and attendance (server/kpis/rollups.ts).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.ts';
import { members, organizations } from './organizations.ts';

export const orderBuyerEnum = pgEnum('order_buyer', ['self', 'member', 'contact', 'other']);
export const trainingFormatEnum = pgEnum('training_format', ['offline', 'online']);
export const kpiGrainEnum = pgEnum('kpi_grain', ['month', 'week']);

const memberFk = (name: string, organizationId: AnyPgColumn, memberId: AnyPgColumn) =>
  foreignKey({
    name,
    columns: [organizationId, memberId],
    foreignColumns: [members.organizationId, members.id],
  }).onDelete('cascade');

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** The optional product catalog: an order may name a product and take its points from here. */
export const products = pgTable(
  'products',
  {
    organizationId: organizationId(),
    id: uuid('id').notNull(),
    /** The company's article number, for imports. */
    sku: text('sku'),
    name: text('name').notNull(),
    /** Points in hundredths. */
    points: bigint('points', { mode: 'number' }).notNull(),
    /** Price in the currency's minor unit (cents). */
    price: bigint('price', { mode: 'number' }),
    currency: text('currency'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('products_sku_key').on(t.organizationId, t.sku).where(sql`${t.sku} is not null`),
  ],
);

/**
 * The ledger of postings. Points and amount are signed: a reversal carries the negated figures of the
 * order it reverses (`reversesId`), and an order is reversed at most once.
 */
export const orders = pgTable(
  'orders',
  {
    // No foreign key of its own: the member's (organization, member) key already reaches the organization,
    // and a second check per row costs a third of a bulk import's write.
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull(),
    /** The member the points are credited to. */
    memberId: uuid('member_id').notNull(),
    orderedOn: date('ordered_on').notNull(),
    /** Points in hundredths (signed). */
    points: bigint('points', { mode: 'number' }).notNull(),
    /** Amount in the currency's minor unit (signed). */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** ISO 4217, upper case. */
    currency: text('currency').notNull(),
    buyer: orderBuyerEnum('buyer').notNull().default('self'),
    /** A customer (or other member) who bought through the credited member. */
    buyerMemberId: uuid('buyer_member_id'),
    /** One of the credited member's contacts. */
    buyerContactId: uuid('buyer_contact_id'),
    /** The buyer's name as given (imports, "other"), and a snapshot for member and contact buyers. */
    buyerName: text('buyer_name'),
    productId: uuid('product_id'),
    /** Free text, or the catalog product's name at the time of the order. */
    product: text('product').notNull(),
    quantity: integer('quantity').notNull().default(1),
    /** The order's id in the company's back office; re-importing the same id changes nothing. */
    externalId: text('external_id'),
    reversesId: uuid('reverses_id'),
    note: text('note'),
    /** Null when an import or the command line posted it. */
    createdByMemberId: uuid('created_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Each index is paid for by every imported order (ten million in the benchmark), so each serves a query:
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    memberFk('orders_member_fk', t.organizationId, t.memberId),
    foreignKey({
      name: 'orders_buyer_member_fk',
      columns: [t.organizationId, t.buyerMemberId],
      foreignColumns: [members.organizationId, members.id],
    }),
    // A deleted contact leaves the order with the buyer's name (migration: ON DELETE SET NULL of the id only).
    foreignKey({
      name: 'orders_buyer_contact_fk',
      columns: [t.organizationId, t.buyerContactId],
      foreignColumns: [contacts.organizationId, contacts.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'orders_product_fk',
      columns: [t.organizationId, t.productId],
      foreignColumns: [products.organizationId, products.id],
    }),
    foreignKey({
      name: 'orders_reverses_fk',
      columns: [t.organizationId, t.reversesId],
      foreignColumns: [t.organizationId, t.id],
    }),
    // A member's orders, newest first (the orders page and the drill-down of a member's points).
    index('orders_member_idx').on(t.organizationId, t.memberId, t.orderedOn),
    // Re-imports find what they posted before.
    uniqueIndex('orders_external_id_key')
      .on(t.organizationId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    // At most one reversal per order.
    uniqueIndex('orders_reverses_key')
      .on(t.organizationId, t.reversesId)
      .where(sql`${t.reversesId} is not null`),
    check('orders_quantity_check', sql`${t.quantity} <> 0`),
  ],
);

/** Trainings: offline at a place or online by a link, on a date, about a topic. */
export const trainings = pgTable(
  'trainings',
  {
    organizationId: organizationId(),
    id: uuid('id').notNull(),
    topic: text('topic').notNull(),
    format: trainingFormatEnum('format').notNull(),
    heldOn: date('held_on').notNull(),
    startsAt: time('starts_at'),
    place: text('place'),
    link: text('link'),
    description: text('description'),
    /** Who organizes it: records attendance and edits it (admins too). */
    organizerId: uuid('organizer_id').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    memberFk('trainings_organizer_fk', t.organizationId, t.organizerId),
    index('trainings_held_on_idx').on(t.organizationId, t.heldOn),
  ],
);

/** A member registered for a training; `attendedAt` is set when their attendance is recorded. */
export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    organizationId: organizationId(),
    trainingId: uuid('training_id').notNull(),
    memberId: uuid('member_id').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    recordedByMemberId: uuid('recorded_by_member_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.trainingId, t.memberId] }),
    foreignKey({
      name: 'training_registrations_training_fk',
      columns: [t.organizationId, t.trainingId],
      foreignColumns: [trainings.organizationId, trainings.id],
    }).onDelete('cascade'),
    memberFk('training_registrations_member_fk', t.organizationId, t.memberId),
    index('training_registrations_member_idx').on(t.organizationId, t.memberId),
  ],
);

/**
 * Per member and period (the first day of a month, or the Monday of an ISO week): the member's own
 * figures, and the structure's — the member plus the whole downline. Training figures count a member
 * once per period (distinct people); `frontlineJoined` counts the members who joined directly under them.
 * Only rows with a figure are stored. Derived data: no foreign key (bulk rebuilds write millions of rows).
 */
export const memberRollups = pgTable(
  'member_rollups',
  {
    organizationId: uuid('organization_id').notNull(),
    memberId: uuid('member_id').notNull(),
    grain: kpiGrainEnum('grain').notNull(),
    period: date('period').notNull(),
    points: bigint('points', { mode: 'number' }).notNull().default(0),
    joined: smallint('joined').notNull().default(0),
    trainedOffline: smallint('trained_offline').notNull().default(0),
    trainedOnline: smallint('trained_online').notNull().default(0),
    trained: smallint('trained').notNull().default(0),
    structurePoints: bigint('structure_points', { mode: 'number' }).notNull().default(0),
    structureJoined: integer('structure_joined').notNull().default(0),
    frontlineJoined: integer('frontline_joined').notNull().default(0),
    structureTrainedOffline: integer('structure_trained_offline').notNull().default(0),
    structureTrainedOnline: integer('structure_trained_online').notNull().default(0),
    structureTrained: integer('structure_trained').notNull().default(0),
  },
  // Period before member: a bulk rebuild and a drill-down read one period of the whole organization in
  // one range; a dashboard reads its 24 rows (12 months, 12 weeks) by key.
  (t) => [primaryKey({ columns: [t.organizationId, t.grain, t.period, t.memberId] })],
);

/** A member's weekly analysis: the corrections for next week and the numbers they were written against. */
export const weeklyReviews = pgTable(
  'weekly_reviews',
  {
    organizationId: organizationId(),
    memberId: uuid('member_id').notNull(),
    /** The Monday of the ISO week reviewed. */
    week: date('week').notNull(),
    corrections: text('corrections').notNull(),
    /** The three KPIs of the week, last week, the 4-week average and the targets, as shown. */
    numbers: jsonb('numbers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.memberId, t.week] }),
    memberFk('weekly_reviews_member_fk', t.organizationId, t.memberId),
  ],
);
