// Importing orders from a back-office CSV, for the API, the command line and the benchmark:
//   1. read and check every row as the file streams in (core/orders/import.ts), against the
//      organization's members (one query, into a Map) and catalog;
//   2. compare the rows whose external id was posted before (a query per chunk of ids, none at all
//      while the organization has no imported orders): the same figures are "unchanged", other figures
//      an error — postings never change;
//   3. with any error: report every one by line and write nothing;
//   4. otherwise, in one transaction under the structure lock: write the new rows in bulk (COPY on
//      PostgreSQL, unnest batches on PGlite), then rebuild the rollups of every month and week the
//      orders fall in, with the imported points added (server/kpis/rollups.ts).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { addDays, periodsOf } from '../../core/kpis/periods.ts';
import type { OrderColumn, OrderIssue } from '../../core/orders/columns.ts';
import {
  type CatalogProduct,
  type ImportedOrders,
  OrderImportReader,
  ROW_INVALID,
  ROW_NEW,
  ROW_UNCHANGED,
} from '../../core/orders/import.ts';
import { DEFAULT_CURRENCY, fromHundredths } from '../../core/orders/money.ts';
import { type Db, pgClientOf } from '../../db/client.ts';
import { auditEvents, members, orders } from '../../db/schema/index.ts';
import { copyText, timeOrderedUuid } from '../imports/bulk.ts';
import { type PeriodRebuild, rebuildRollups } from '../kpis/rebuild.ts';
import { lockStructure } from '../structure/tree.ts';
import { productsBySku } from './queries.ts';

export interface OrderImportRequest {
  organizationId: string;
  /** The admin who imports; null from the command line. */
  actorMemberId: string | null;
  /** The file: all at once, or in pieces (a file stream: bytes, read as UTF-8). */
  csv: string | Iterable<string> | AsyncIterable<string | Uint8Array>;
  /** Check and count only; write nothing. */
  dryRun: boolean;
  /** YYYY-MM-DD: orders may carry dates up to the day after. */
  today: string;
  fileName?: string | null;
}

export interface OrderImportOutcome {
  dryRun: boolean;
  fileName: string | null;
  written: boolean;
  counts: { rows: number; new: number; unchanged: number; errors: number };
  /** Net points of the new rows, in hundredths. */
  points: number;
  /** The first problems, by line (counts.errors has them all). */
  errors: OrderIssue[];
  /** Milliseconds: reading the CSV; checking rows, members and earlier imports; writing; rollups. */
  timings: { parse: number; validate: number; write: number; rollups: number };
  /** The months and weeks whose rollups were rebuilt. */
  periods: number;
}

/** The file has errors: nothing was written. */
export class OrderImportInvalidError extends Error {
  constructor(readonly outcome: OrderImportOutcome) {
    const n = outcome.counts.errors;
    super(`The file has ${n} error${n === 1 ? '' : 's'}; nothing was imported.`);
  }
}

/** Text handed to the reader at a time when the whole file came as one string. */
const PIECE = 1 << 20;
/** External ids compared with earlier imports per query. */
const CHECK_CHUNK = 10_000;
/** Orders per INSERT on PGlite (one array per column, so not bound by the parameter limit). */
const INSERT_BATCH = 10_000;
/** Orders per chunk of COPY text: Node builds the next chunk while the server writes this one. */
const COPY_CHUNK = 2_000;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const now = () => performance.now();

/** Reads the whole input into the reader, piece by piece, giving the event loop a turn in between. */
async function feed(csv: OrderImportRequest['csv'], reader: OrderImportReader) {
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  if (typeof csv === 'string') {
    for (let i = 0; i < csv.length; i += PIECE) {
      reader.push(csv.slice(i, i + PIECE));
      await pause();
    }
  } else if (Symbol.asyncIterator in csv) {
    const decoder = new TextDecoder('utf-8');
    for await (const piece of csv) {
      reader.push(typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true }));
    }
    reader.push(decoder.decode());
  } else {
    for (const piece of csv) reader.push(piece);
  }
  reader.end();
}

/** The organization's members with an external id: their ids, and their index by external id. */
async function loadMembers(db: Db, organizationId: string) {
  const rows = rowsOf<{ id: string; external_id: string }>(
    await db.execute(sql`select id, external_id from ${members}
      where organization_id = ${organizationId} and external_id is not null order by id`),
  );
  const ids = new Array<string>(rows.length);
  const byExternalId = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    ids[i] = rows[i]!.id;
    byExternalId.set(rows[i]!.external_id, i);
  }
  return { ids, byExternalId };
}

async function loadCatalog(db: Db, organizationId: string) {
  const catalog = new Map<string, CatalogProduct>();
  for (const p of await productsBySku(db, organizationId)) {
    catalog.set(p.sku!, { id: p.id, name: p.name, points: p.points, currency: p.currency });
  }
  return catalog;
}

interface Posted {
  external_id: string;
  member_id: string;
  ordered_on: string;
  points: string | number;
  amount: string | number;
  currency: string;
  product: string;
  product_id: string | null;
  buyer_name: string | null;
}

/**
 * Compares the rows with the orders already imported under the same external ids: equal ones become
 * ROW_UNCHANGED, different ones ROW_INVALID with a problem. Skipped while the organization has no
 * imported order at all (a first import of any size costs one index probe here).
 */
async function compareWithPosted(
  db: Db,
  organizationId: string,
  rows: ImportedOrders,
  memberIds: string[],
  report: (issue: OrderIssue) => void,
) {
  const [any] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.organizationId, organizationId), isNotNull(orders.externalId)))
    .limit(1);
  if (!any) return;
  for (let start = 0; start < rows.count; start += CHECK_CHUNK) {
    const end = Math.min(rows.count, start + CHECK_CHUNK);
    const index = new Map<string, number>();
    for (let i = start; i < end; i++) if (rows.state[i] === ROW_NEW) index.set(rows.externalId[i]!, i);
    if (!index.size) continue;
    // One index probe per id (a lateral subquery keeps the planner from scanning every order of the
    // organization for a chunk that is a small share of them).
    const posted = rowsOf<Posted>(
      await db.execute(sql`select o.external_id, o.member_id, o.ordered_on::text as ordered_on, o.points,
          o.amount, o.currency, o.product, o.product_id, o.buyer_name
        from unnest(${sql.param([...index.keys()])}::text[]) as x(external_id)
        cross join lateral (select * from ${orders} o
          where o.organization_id = ${organizationId} and o.external_id is not null
            and o.external_id = x.external_id limit 1) o`),
    );
    for (const p of posted) {
      const i = index.get(p.external_id);
      if (i === undefined) continue;
      const changed = differences(rows, i, memberIds, p);
      if (!changed) {
        rows.state[i] = ROW_UNCHANGED;
        continue;
      }
      rows.state[i] = ROW_INVALID;
      report({
        line: rows.line[i]!,
        externalId: p.external_id,
        field: changed.field,
        code: 'changed',
        message:
          `The order ${p.external_id} was imported before with other values (${changed.detail}). ` +
          'A posted order never changes: reverse it in the app and import the correction under a new id.',
      });
    }
  }
}

/** The first column in which a row differs from the posted order, or null. */
function differences(
  rows: ImportedOrders,
  i: number,
  memberIds: string[],
  p: Posted,
): { field: OrderColumn; detail: string } | null {
  const figure = (v: number) => String(fromHundredths(v));
  if (memberIds[rows.member[i]!] !== p.member_id)
    return { field: 'member_external_id', detail: 'another member' };
  const day = rows.days[rows.day[i]!]!;
  if (day !== p.ordered_on) return { field: 'ordered_on', detail: `${p.ordered_on} → ${day}` };
  if (rows.points[i] !== Number(p.points))
    return { field: 'points', detail: `${figure(Number(p.points))} → ${figure(rows.points[i]!)}` };
  if (rows.amount[i] !== Number(p.amount))
    return { field: 'amount', detail: `${figure(Number(p.amount))} → ${figure(rows.amount[i]!)}` };
  const currency = rows.currencies[rows.currency[i]!]!;
  if (currency !== p.currency) return { field: 'currency', detail: `${p.currency} → ${currency}` };
  const catalog = rows.catalog[i]! >= 0 ? rows.catalogIds[rows.catalog[i]!]! : null;
  if (catalog !== p.product_id) return { field: 'sku', detail: 'another catalog product' };
  const product = rows.products[rows.product[i]!]!;
  if (product !== p.product) return { field: 'product', detail: `"${p.product}" → "${product}"` };
  const buyer = rows.buyerName[i] ?? null;
  if (buyer !== p.buyer_name)
    return { field: 'buyer_name', detail: `"${p.buyer_name ?? ''}" → "${buyer ?? ''}"` };
  return null;
}

const ORDER_COLUMNS =
  'organization_id, id, member_id, ordered_on, points, amount, currency, buyer, buyer_name, product_id, ' +
  'product, external_id';

/** Writes the new rows: COPY on PostgreSQL, unnest batches on PGlite. Returns how many. */
async function writeOrders(db: Db, organizationId: string, rows: ImportedOrders, memberIds: string[]) {
  const client = pgClientOf(db);
  let written = 0;
  if (client) {
    // Values that repeat are escaped once.
    const products = rows.products.map(copyText);
    const prefix = `${organizationId}\t`;
    const chunks = function* () {
      let chunk = '';
      let inChunk = 0;
      for (let i = 0; i < rows.count; i++) {
        if (rows.state[i] !== ROW_NEW) continue;
        const buyerName = rows.buyerName[i];
        const catalog = rows.catalog[i]!;
        chunk +=
          `${prefix}${timeOrderedUuid()}\t${memberIds[rows.member[i]!]}\t${rows.days[rows.day[i]!]}\t` +
          `${rows.points[i]}\t${rows.amount[i]}\t${rows.currencies[rows.currency[i]!]}\t` +
          `${buyerName === null ? 'self\t\\N' : `other\t${copyText(buyerName)}`}\t` +
          `${catalog >= 0 ? rows.catalogIds[catalog] : '\\N'}\t${products[rows.product[i]!]}\t` +
          `${copyText(rows.externalId[i])}\n`;
        written++;
        if (++inChunk === COPY_CHUNK) {
          yield chunk;
          chunk = '';
          inChunk = 0;
        }
      }
      if (inChunk) yield chunk;
    };
    const copy = client.query(copyFrom(`copy orders (${ORDER_COLUMNS}) from stdin`));
    await pipeline(Readable.from(chunks()), copy);
    return written;
  }
  let batch: number[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const column = <T>(pick: (i: number) => T) => sql.param(batch.map(pick));
    await db.execute(sql`insert into orders (${sql.raw(ORDER_COLUMNS)})
      select ${organizationId}::uuid, * from unnest(
        ${column(() => timeOrderedUuid())}::uuid[], ${column((i) => memberIds[rows.member[i]!])}::uuid[],
        ${column((i) => rows.days[rows.day[i]!])}::text[]::date[], ${column((i) => rows.points[i])}::bigint[],
        ${column((i) => rows.amount[i])}::bigint[], ${column((i) => rows.currencies[rows.currency[i]!])}::text[],
        ${column((i) => (rows.buyerName[i] === null ? 'self' : 'other'))}::text[]::order_buyer[],
        ${column((i) => rows.buyerName[i])}::text[],
        ${column((i) => (rows.catalog[i]! >= 0 ? rows.catalogIds[rows.catalog[i]!] : null))}::uuid[],
        ${column((i) => rows.products[rows.product[i]!])}::text[], ${column((i) => rows.externalId[i])}::text[])`);
    written += batch.length;
    batch = [];
  };
  for (let i = 0; i < rows.count; i++) {
    if (rows.state[i] !== ROW_NEW) continue;
    batch.push(i);
    if (batch.length === INSERT_BATCH) await flush();
  }
  await flush();
  return written;
}

/** The points of the new rows per month and week, per member: what the rollups add. */
function pointsByPeriod(
  rows: ImportedOrders,
  memberIds: string[],
): { periods: PeriodRebuild[]; total: number } {
  const periodIndex = new Map<string, number>();
  const periods: { grain: PeriodRebuild['grain']; period: string; sums: Float64Array }[] = [];
  // Each day's two periods, looked up once per distinct day.
  const dayPeriods = rows.days.map((day) =>
    periodsOf(day).map(({ grain, period }) => {
      const key = `${grain}:${period}`;
      let p = periodIndex.get(key);
      if (p === undefined) {
        p = periods.length;
        periods.push({ grain, period, sums: new Float64Array(memberIds.length) });
        periodIndex.set(key, p);
      }
      return p;
    }),
  );
  let total = 0;
  for (let i = 0; i < rows.count; i++) {
    if (rows.state[i] !== ROW_NEW) continue;
    const points = rows.points[i]!;
    total += points;
    const member = rows.member[i]!;
    for (const p of dayPeriods[rows.day[i]!]!) periods[p]!.sums[member]! += points;
  }
  return {
    total,
    periods: periods.map(({ grain, period, sums }) => {
      const addPoints = new Map<string, number>();
      for (let m = 0; m < sums.length; m++) if (sums[m] !== 0) addPoints.set(memberIds[m]!, sums[m]!);
      return { grain, period, addPoints };
    }),
  };
}

function countStates(rows: ImportedOrders) {
  let fresh = 0;
  let unchanged = 0;
  for (let i = 0; i < rows.count; i++) {
    if (rows.state[i] === ROW_NEW) fresh++;
    else if (rows.state[i] === ROW_UNCHANGED) unchanged++;
  }
  return { fresh, unchanged };
}

/**
 * Checks an orders CSV and, unless it is a dry run, posts its new rows and brings the rollups up to
 * date. Throws OrderImportInvalidError when the file has errors (nothing is written then).
 */
export async function importOrders(db: Db, request: OrderImportRequest): Promise<OrderImportOutcome> {
  const { organizationId } = request;
  const timings = { parse: 0, validate: 0, write: 0, rollups: 0 };
  let t = now();
  const [memberList, catalog] = await Promise.all([
    loadMembers(db, organizationId),
    loadCatalog(db, organizationId),
  ]);
  timings.validate += now() - t;

  const reader = new OrderImportReader({
    members: memberList.byExternalId,
    products: catalog,
    latestDay: addDays(request.today, 1),
    defaultCurrency: DEFAULT_CURRENCY,
  });
  t = now();
  await feed(request.csv, reader);
  const reading = now() - t;
  // The reader knows how its time split between reading and checking; the rest is the file's arrival.
  timings.parse += reading - reader.timings.validate;
  timings.validate += reader.timings.validate;
  const { rows } = reader;
  memberList.byExternalId.clear();

  const outcome = (written: boolean, periods = 0, points = 0): OrderImportOutcome => {
    const { fresh, unchanged } = countStates(rows);
    return {
      dryRun: request.dryRun,
      fileName: request.fileName ?? null,
      written,
      counts: { rows: reader.rowCount, new: fresh, unchanged, errors: reader.errorCount },
      points,
      errors: reader.issues.sort((a, b) => a.line - b.line),
      timings,
      periods,
    };
  };
  const compare = async (tx: Db) => {
    const c = now();
    await compareWithPosted(tx, organizationId, rows, memberList.ids, (issue) => reader.report(issue));
    timings.validate += now() - c;
  };

  if (request.dryRun || reader.errorCount) {
    // Nothing will be written: no lock. Rows posted before are still compared, so every problem shows.
    await compare(db);
    if (!request.dryRun) throw new OrderImportInvalidError(outcome(false));
    let total = 0;
    for (let i = 0; i < rows.count; i++) if (rows.state[i] === ROW_NEW) total += rows.points[i]!;
    return outcome(false, 0, total);
  }

  return db.transaction(async (tx) => {
    // One import at a time, and no join, move or posting meanwhile: the rollups are rebuilt below.
    await lockStructure(tx, organizationId);
    await compare(tx);
    if (reader.errorCount) throw new OrderImportInvalidError(outcome(false));
    const { fresh } = countStates(rows);
    if (!fresh) return outcome(false);
    let w = now();
    await writeOrders(tx, organizationId, rows, memberList.ids);
    timings.write = now() - w;
    w = now();
    const { periods, total } = pointsByPeriod(rows, memberList.ids);
    await rebuildRollups(tx, organizationId, periods);
    timings.rollups = now() - w;
    const result = outcome(true, periods.length, total);
    await tx.insert(auditEvents).values({
      organizationId,
      id: randomUUID(),
      actorMemberId: request.actorMemberId,
      action: 'orders.imported',
      subjectId: null,
      data: {
        fileName: request.fileName ?? null,
        posted: fresh,
        points: total / 100,
        periods: periods.length,
        by: request.actorMemberId ? 'member' : 'command line',
      },
    });
    return result;
  });
}
