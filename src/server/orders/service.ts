// Orders: posting, reversing and listing a member's postings, and the product catalog. A posting never
// changes: a return or a correction is a reversal, a second posting with the negated figures. Every
// posting adds its points to the member's rollups and their whole upline's in the same transaction.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { addDays } from '../../core/kpis/periods.ts';
import { DEFAULT_CURRENCY, MAX_HUNDREDTHS, toHundredths } from '../../core/orders/money.ts';
import { isInSubtree } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, errors, invalidField } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { timeOrderedUuid } from '../imports/bulk.ts';
import { addToRollups, deltasOn, lockForPosting } from '../kpis/rollups.ts';
import { orderPolicy } from './policy.ts';
import { presentOrder, presentProduct, presentTotals } from './presenters.ts';
import {
  getContactOwner,
  getOrder,
  getProduct,
  insertOrder,
  insertProduct,
  listOrders,
  listProducts,
  memberForOrders,
  orderForReversal,
  orderTotals,
  skuTaken,
  updateProduct,
} from './queries.ts';
import {
  type createOrderBody,
  type listOrdersQuery,
  ORDER_LIMITS,
  type productBody,
  type productPatchBody,
  type reversalBody,
} from './schemas.ts';

const skuInUse = () => invalidField('sku', 'taken', 'Another product has this SKU');

/** A unique index refused the row (drizzle wraps the driver's error). */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === '23505') return !e.constraint || e.constraint === constraint;
    e = e.cause as typeof e;
  }
  return false;
}

export function orderService({ database, clock }: Deps) {
  const { db } = database;
  /** The last day an order may carry: tomorrow, for a phone a time zone ahead of the server. */
  const latestDay = () => addDays(clock.now().toISOString().slice(0, 10), 1);

  async function credited(tx: Db, actor: Actor, memberId: string) {
    const member = await memberForOrders(tx, actor.organizationId, memberId);
    if (!member) throw errors.notFound('Member');
    return member;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof listOrdersQuery>) {
      const member = await credited(db, actor, query.memberId ?? actor.memberId);
      orderPolicy.read(actor, member);
      const [afterDay, afterId] = query.cursor?.split('_') ?? [];
      const range = { from: query.from, to: query.to };
      const [rows, totals] = await Promise.all([
        listOrders(
          db,
          actor.organizationId,
          member.id,
          { ...range, ...(afterDay && afterId ? { after: { orderedOn: afterDay, id: afterId } } : {}) },
          ORDER_LIMITS.pageSize + 1,
        ),
        orderTotals(db, actor.organizationId, member.id, range),
      ]);
      const page = rows.slice(0, ORDER_LIMITS.pageSize);
      const last = page.at(-1);
      const seesContactName = orderPolicy.seesContactName(actor, member.id);
      return {
        member: { id: member.id, name: member.name },
        rows: page.map((row) => presentOrder(row, seesContactName)),
        nextCursor: rows.length > page.length && last ? `${last.orderedOn}_${last.id}` : null,
        totals: presentTotals(totals, range),
        canPost: true,
      };
    },

    async post(actor: Actor, input: z.infer<typeof createOrderBody>) {
      if (input.orderedOn > latestDay())
        throw invalidField('orderedOn', 'future_date', 'An order is posted once it is placed');
      return db.transaction(async (tx) => {
        // Waits for a move or an import in progress; then the member's path is current.
        await lockForPosting(tx, actor.organizationId);
        const member = await credited(tx, actor, input.memberId ?? actor.memberId);
        orderPolicy.post(actor, member);

        const product = input.productId ? await getProduct(tx, actor.organizationId, input.productId) : null;
        if (input.productId && !product?.active)
          throw invalidField(
            'productId',
            'not_sold',
            'Choose a product of the catalog (this one is not sold)',
          );
        const productName = input.product ?? product?.name;
        if (!productName)
          throw invalidField('product', 'required', 'Name the product or choose it from the catalog');

        let buyerName: string | null = null;
        if (input.buyer === 'member') {
          const buyer = await memberForOrders(tx, actor.organizationId, input.buyerMemberId!);
          if (!buyer || buyer.id === member.id || !isInSubtree(buyer.path, member.path))
            throw invalidField(
              'buyerMemberId',
              'not_in_downline',
              `Choose a member of ${member.name}’s downline`,
            );
          buyerName = buyer.name;
        } else if (input.buyer === 'contact') {
          // Contacts are private: only the member names one of their own; anything else is "not one of
          // yours", whether or not it exists.
          const contact = orderPolicy.mayNameContact(actor, member)
            ? await getContactOwner(tx, actor.organizationId, input.buyerContactId!)
            : null;
          if (!contact || contact.ownerId !== member.id)
            throw invalidField('buyerContactId', 'not_own_contact', 'Choose one of your own contacts');
          buyerName = contact.name;
        } else if (input.buyer === 'other') buyerName = input.buyerName ?? null;

        const quantity = input.quantity;
        const points =
          input.points !== undefined
            ? toHundredths(input.points)
            : product
              ? product.points * quantity
              : null;
        if (points === null) throw invalidField('points', 'required', 'Enter the points');
        const amount =
          input.amount !== undefined
            ? toHundredths(input.amount)
            : product?.price != null
              ? product.price * quantity
              : null;
        if (amount === null) throw invalidField('amount', 'required', 'Enter the amount');
        // A catalog price is in the catalog's currency: in another one the amount must be given.
        if (
          input.amount === undefined &&
          product?.currency &&
          input.currency &&
          input.currency !== product.currency
        )
          throw invalidField('amount', 'required', `Enter the amount in ${input.currency}`);
        if (points > MAX_HUNDREDTHS || amount > MAX_HUNDREDTHS)
          throw invalidField('quantity', 'order_too_large', 'The order is too large');

        const row = await insertOrder(tx, {
          organizationId: actor.organizationId,
          // Time-ordered: a member's postings of one day list in the order they were made.
          id: timeOrderedUuid(),
          memberId: member.id,
          orderedOn: input.orderedOn,
          points,
          amount,
          currency: input.currency ?? product?.currency ?? DEFAULT_CURRENCY,
          buyer: input.buyer,
          buyerMemberId: input.buyer === 'member' ? input.buyerMemberId! : null,
          buyerContactId: input.buyer === 'contact' ? input.buyerContactId! : null,
          buyerName,
          productId: product?.id ?? null,
          product: productName,
          quantity,
          note: input.note ?? null,
          createdByMemberId: actor.memberId,
        });
        await addToRollups(tx, actor.organizationId, member.path, deltasOn(row.orderedOn, { points }));
        const shown = await getOrder(tx, actor.organizationId, row.id);
        return presentOrder(shown!, orderPolicy.seesContactName(actor, member.id));
      });
    },

    async reverse(actor: Actor, id: string, input: z.infer<typeof reversalBody>) {
      return db.transaction(async (tx) => {
        await lockForPosting(tx, actor.organizationId);
        const order = await orderForReversal(tx, actor.organizationId, id);
        if (!order) throw errors.notFound('Order');
        const member = await credited(tx, actor, order.memberId);
        orderPolicy.reverse(actor, member);
        if (order.reversesId)
          throw new AppError(409, 'already_reversed', 'This posting is a reversal; it cannot be reversed.');
        if (order.reversedBy) throw new AppError(409, 'already_reversed', 'This order is already reversed.');
        const day = input.orderedOn ?? order.orderedOn;
        if (day < order.orderedOn)
          throw invalidField('orderedOn', 'before_order', 'A reversal cannot come before its order');
        if (day > latestDay())
          throw invalidField('orderedOn', 'future_date', 'A reversal is posted once it happens');

        let row: Awaited<ReturnType<typeof insertOrder>>;
        try {
          row = await insertOrder(tx, {
            organizationId: actor.organizationId,
            id: timeOrderedUuid(),
            memberId: order.memberId,
            orderedOn: day,
            points: -order.points,
            amount: -order.amount,
            currency: order.currency,
            buyer: order.buyer,
            buyerMemberId: order.buyerMemberId,
            buyerContactId: order.buyerContactId,
            buyerName: order.buyerName,
            productId: order.productId,
            product: order.product,
            quantity: -order.quantity,
            reversesId: order.id,
            note: input.reason ?? null,
            createdByMemberId: actor.memberId,
          });
        } catch (err) {
          // The row lock above makes this unlikely; the unique index settles it anyway.
          if (isUniqueViolation(err, 'orders_reverses_key'))
            throw new AppError(409, 'already_reversed', 'This order is already reversed.');
          throw err;
        }
        await addToRollups(tx, actor.organizationId, member.path, deltasOn(day, { points: -order.points }));
        const shown = await getOrder(tx, actor.organizationId, row.id);
        return presentOrder(shown!, orderPolicy.seesContactName(actor, member.id));
      });
    },

    async products(actor: Actor, all: boolean) {
      if (all) orderPolicy.listAllProducts(actor);
      return { rows: (await listProducts(db, actor.organizationId, { all })).map(presentProduct) };
    },

    async createProduct(actor: Actor, input: z.infer<typeof productBody>) {
      orderPolicy.manageProducts(actor);
      if (input.sku && (await skuTaken(db, actor.organizationId, input.sku))) throw skuInUse();
      try {
        const row = await insertProduct(db, {
          organizationId: actor.organizationId,
          id: randomUUID(),
          name: input.name,
          sku: input.sku ?? null,
          points: toHundredths(input.points),
          price: input.price == null ? null : toHundredths(input.price),
          currency: input.currency ?? null,
          active: input.active,
        });
        return presentProduct(row);
      } catch (err) {
        if (isUniqueViolation(err, 'products_sku_key')) throw skuInUse();
        throw err;
      }
    },

    async updateProduct(actor: Actor, id: string, input: z.infer<typeof productPatchBody>) {
      orderPolicy.manageProducts(actor);
      const current = await getProduct(db, actor.organizationId, id);
      if (!current) throw errors.notFound('Product');
      if (input.sku && (await skuTaken(db, actor.organizationId, input.sku, id))) throw skuInUse();
      try {
        const row = await updateProduct(db, actor.organizationId, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.sku !== undefined ? { sku: input.sku } : {}),
          ...(input.points !== undefined ? { points: toHundredths(input.points) } : {}),
          ...(input.price !== undefined
            ? { price: input.price === null ? null : toHundredths(input.price) }
            : {}),
          ...(input.currency !== undefined ? { currency: input.currency } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!row) throw errors.notFound('Product');
        return presentProduct(row);
      } catch (err) {
        if (isUniqueViolation(err, 'products_sku_key')) throw skuInUse();
        throw err;
      }
    },
  };
}
