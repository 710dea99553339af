// Orders and products in the database. Every query is scoped by organization.
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { contacts, members, orders, products } from '../../db/schema/index.ts';

export type OrderInsert = typeof orders.$inferInsert;
export type ProductRow = typeof products.$inferSelect;

const reversal = alias(orders, 'reversal');
const creator = alias(members, 'creator');
const buyerMember = alias(members, 'buyer_member');

/** An order as the list shows it: with who reversed it, who posted it and the buyer member's name. */
export type OrderRow = typeof orders.$inferSelect & {
  reversedBy: string | null;
  createdByName: string | null;
  buyerMemberName: string | null;
};

/** The credited member: who they are and where in the tree (read after lockForPosting when posting). */
export async function memberForOrders(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: members.id, name: members.name, path: members.path })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.id, id)));
  return row ?? null;
}

export async function getContactOwner(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: contacts.id, ownerId: contacts.ownerId, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)));
  return row ?? null;
}

export async function getProduct(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.organizationId, organizationId), eq(products.id, id)));
  return row ?? null;
}

export async function listProducts(db: Db, organizationId: string, options: { all: boolean }) {
  return db
    .select()
    .from(products)
    .where(
      and(eq(products.organizationId, organizationId), options.all ? undefined : eq(products.active, true)),
    )
    .orderBy(asc(products.name), asc(products.id));
}

/** Every product with a SKU, for imports. */
export async function productsBySku(db: Db, organizationId: string) {
  return db
    .select()
    .from(products)
    .where(and(eq(products.organizationId, organizationId), isNotNull(products.sku)));
}

export async function skuTaken(db: Db, organizationId: string, sku: string, exceptId?: string) {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.organizationId, organizationId), eq(products.sku, sku)));
  return row !== undefined && row.id !== exceptId;
}

export async function insertProduct(db: Db, values: typeof products.$inferInsert) {
  const [row] = await db.insert(products).values(values).returning();
  return row!;
}

export async function updateProduct(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<Pick<ProductRow, 'name' | 'sku' | 'points' | 'price' | 'currency' | 'active'>>,
) {
  const [row] = await db
    .update(products)
    .set(patch)
    .where(and(eq(products.organizationId, organizationId), eq(products.id, id)))
    .returning();
  return row ?? null;
}

export async function insertOrder(db: Db, values: OrderInsert) {
  const [row] = await db.insert(orders).values(values).returning();
  return row!;
}

/** An order locked for its reversal (two reversals at once wait for each other), with its reversal. */
export async function orderForReversal(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.organizationId, organizationId), eq(orders.id, id)))
    .for('update');
  if (!row) return null;
  const [reversedBy] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.organizationId, organizationId), eq(orders.reversesId, id)));
  return { ...row, reversedBy: reversedBy?.id ?? null };
}

const orderColumns = {
  order: orders,
  reversedBy: reversal.id,
  createdByName: creator.name,
  buyerMemberName: buyerMember.name,
};

function selectOrders(db: Db, organizationId: string) {
  return db
    .select(orderColumns)
    .from(orders)
    .leftJoin(reversal, and(eq(reversal.organizationId, organizationId), eq(reversal.reversesId, orders.id)))
    .leftJoin(
      creator,
      and(eq(creator.organizationId, organizationId), eq(creator.id, orders.createdByMemberId)),
    )
    .leftJoin(
      buyerMember,
      and(eq(buyerMember.organizationId, organizationId), eq(buyerMember.id, orders.buyerMemberId)),
    );
}

type Selected = { order: typeof orders.$inferSelect } & Omit<OrderRow, keyof typeof orders.$inferSelect>;
const flatten = (r: Selected): OrderRow => ({
  ...r.order,
  reversedBy: r.reversedBy,
  createdByName: r.createdByName,
  buyerMemberName: r.buyerMemberName,
});

export async function getOrder(db: Db, organizationId: string, id: string): Promise<OrderRow | null> {
  const [row] = await selectOrders(db, organizationId).where(
    and(eq(orders.organizationId, organizationId), eq(orders.id, id)),
  );
  return row ? flatten(row) : null;
}

export interface OrderRange {
  from?: string;
  to?: string;
}

const inRange = (range: OrderRange) => [
  range.from ? gte(orders.orderedOn, range.from) : undefined,
  range.to ? lte(orders.orderedOn, range.to) : undefined,
];

/**
 * A member's postings, newest first: by day, and within a day by id (time-ordered, so by posting time).
 * One more row than asked for tells whether there is a next page.
 */
export async function listOrders(
  db: Db,
  organizationId: string,
  memberId: string,
  range: OrderRange & { after?: { orderedOn: string; id: string } },
  limit: number,
): Promise<OrderRow[]> {
  const after = range.after;
  const rows = await selectOrders(db, organizationId)
    .where(
      and(
        eq(orders.organizationId, organizationId),
        eq(orders.memberId, memberId),
        ...inRange(range),
        after
          ? or(
              lt(orders.orderedOn, after.orderedOn),
              and(eq(orders.orderedOn, after.orderedOn), lt(orders.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.orderedOn), desc(orders.id))
    .limit(limit);
  return rows.map(flatten);
}

/** Net points, orders, reversals and net amounts per currency of a member's postings in a range. */
export async function orderTotals(db: Db, organizationId: string, memberId: string, range: OrderRange) {
  const rows = await db
    .select({
      currency: orders.currency,
      points: sum(orders.points).mapWith(Number),
      amount: sum(orders.amount).mapWith(Number),
      orders: count(sql`case when ${isNull(orders.reversesId)} then 1 end`),
      reversals: count(orders.reversesId),
    })
    .from(orders)
    .where(and(eq(orders.organizationId, organizationId), eq(orders.memberId, memberId), ...inRange(range)))
    .groupBy(orders.currency)
    .orderBy(asc(orders.currency));
  return rows;
}
