// Orders and products as the API shows them: figures as decimals, the buyer as far as the asking person
// may know them (a contact's name for the credited member only), the import's first problems.
import type { z } from 'zod';
import type { OrderIssue } from '../../core/orders/columns.ts';
import { fromHundredths } from '../../core/orders/money.ts';
import type { OrderImportOutcome } from './import.ts';
import type { OrderRow, orderTotals, ProductRow } from './queries.ts';
import type { orderImportSchema, orderSchema, orderTotalsSchema, productSchema } from './schemas.ts';

/** At most this many problems are listed in an answer (the count is always complete). */
export const LISTED_ISSUES = 1000;

export function presentOrder(row: OrderRow, seesContactName: boolean): z.infer<typeof orderSchema> {
  const buyer: z.infer<typeof orderSchema>['buyer'] = { kind: row.buyer };
  if (row.buyer === 'member' && row.buyerMemberId) {
    buyer.memberId = row.buyerMemberId;
    const name = row.buyerMemberName ?? row.buyerName;
    if (name) buyer.name = name;
  } else if (row.buyer === 'contact') {
    if (seesContactName && row.buyerName) buyer.name = row.buyerName;
  } else if (row.buyer === 'other' && row.buyerName) buyer.name = row.buyerName;
  return {
    id: row.id,
    memberId: row.memberId,
    orderedOn: row.orderedOn,
    points: fromHundredths(row.points),
    amount: fromHundredths(row.amount),
    currency: row.currency,
    buyer,
    product: row.productId ? { id: row.productId, name: row.product } : { name: row.product },
    quantity: row.quantity,
    externalId: row.externalId,
    reversesId: row.reversesId,
    reversedBy: row.reversedBy,
    note: row.note,
    createdBy: row.createdByMemberId ? { id: row.createdByMemberId, name: row.createdByName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentTotals(
  rows: Awaited<ReturnType<typeof orderTotals>>,
  range: { from?: string; to?: string },
): z.infer<typeof orderTotalsSchema> {
  let points = 0;
  let ordersCount = 0;
  let reversals = 0;
  for (const r of rows) {
    points += r.points ?? 0;
    ordersCount += r.orders;
    reversals += r.reversals;
  }
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    points: fromHundredths(points),
    orders: ordersCount,
    reversals,
    amounts: rows.map((r) => ({ currency: r.currency, amount: fromHundredths(r.amount ?? 0) })),
  };
}

export function presentProduct(row: ProductRow): z.infer<typeof productSchema> {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    points: fromHundredths(row.points),
    price: row.price === null ? null : fromHundredths(row.price),
    currency: row.currency,
    active: row.active,
  };
}

const issue = (i: OrderIssue) => ({
  line: i.line,
  ...(i.externalId !== undefined ? { externalId: i.externalId } : {}),
  ...(i.field !== undefined ? { field: i.field } : {}),
  code: i.code,
  message: i.message,
});

export function presentImport(outcome: OrderImportOutcome): z.infer<typeof orderImportSchema> {
  const round = (ms: number) => Math.round(ms);
  return {
    dryRun: outcome.dryRun,
    fileName: outcome.fileName,
    written: outcome.written,
    counts: outcome.counts,
    points: fromHundredths(outcome.points),
    errors: outcome.errors.slice(0, LISTED_ISSUES).map(issue),
    timings: {
      parse: round(outcome.timings.parse),
      validate: round(outcome.timings.validate),
      write: round(outcome.timings.write),
      rollups: round(outcome.timings.rollups),
    },
  };
}
