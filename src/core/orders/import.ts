// Importing orders from a company's back office: read a CSV as it streams in, validate every row and
// keep the valid ones in columns of typed arrays (ten million orders must fit in memory and be checked
// in seconds). Pure: no I/O — the server feeds the text and the organization's members and catalog, then
// checks the rows against orders already posted and writes them (server/orders/import.ts).
//
// Rules:
//   - a header row names the columns (English, German or Bulgarian names, any case); unknown columns are
//     ignored; external_id, member_external_id, ordered_on and points are required (points may come
//     from the catalog when the row names a product's SKU);
//   - points and amounts are decimals with at most two places ("12,50" or "12.50"); negative figures
//     are returns and credits the back office posted as orders of their own;
//   - an empty amount is 0, an empty currency the catalog product's or the organization's;
//   - every problem is reported with the physical line of the file it starts on (the header is line 1);
//   - an external id twice in the file is an error on its later lines.
import { parseDate } from '../structure/import/values.ts';
import {
  ORDER_COLUMNS,
  ORDER_FIELD_MAX,
  type OrderColumn,
  type OrderIssue,
  orderColumnOf,
} from './columns.ts';
import { CsvReader, type CsvRecord } from './csv.ts';
import { MAX_HUNDREDTHS, normalizeCurrency, parseHundredths, TOO_PRECISE } from './money.ts';

const MAX_EXTERNAL_ID = ORDER_FIELD_MAX.external_id;
const MAX_SKU = ORDER_FIELD_MAX.sku;
const MAX_PRODUCT = ORDER_FIELD_MAX.product;
const MAX_BUYER_NAME = ORDER_FIELD_MAX.buyer_name;

/** At most this many problems are kept with their text (the count is always complete). */
export const KEPT_ISSUES = 10_000;

export interface CatalogProduct {
  id: string;
  name: string;
  /** Hundredths. */
  points: number;
  currency: string | null;
}

export interface OrderImportContext {
  /** The organization's members by external id, as the index into the caller's list of members. */
  members: ReadonlyMap<string, number>;
  /** Catalog products by SKU. */
  products: ReadonlyMap<string, CatalogProduct>;
  /** The last date an order may carry (YYYY-MM-DD): tomorrow, for a back office a time zone ahead. */
  latestDay: string;
  defaultCurrency: string;
}

/** Row states after the server compared the rows with the orders already posted. */
export const ROW_NEW = 0;
export const ROW_UNCHANGED = 1;
export const ROW_INVALID = 2;

const INITIAL_CAPACITY = 1024;

/**
 * The valid rows of an import, column by column. Dates, currencies and product names repeat, so they
 * are kept once and referred to by number.
 */
export class ImportedOrders {
  count = 0;
  line = new Int32Array(INITIAL_CAPACITY);
  /** Index into the caller's list of members. */
  member = new Int32Array(INITIAL_CAPACITY);
  /** Index into `days`. */
  day = new Int32Array(INITIAL_CAPACITY);
  /** Hundredths (signed). */
  points = new Float64Array(INITIAL_CAPACITY);
  amount = new Float64Array(INITIAL_CAPACITY);
  /** Index into `currencies`. */
  currency = new Int32Array(INITIAL_CAPACITY);
  /** Index into `products` (the product's name as the order shows it). */
  product = new Int32Array(INITIAL_CAPACITY);
  /** Index into `catalogIds`, or -1 when the row names no catalog product. */
  catalog = new Int32Array(INITIAL_CAPACITY);
  /** ROW_NEW, ROW_UNCHANGED or ROW_INVALID. */
  state = new Uint8Array(INITIAL_CAPACITY);
  externalId: string[] = [];
  buyerName: (string | null)[] = [];

  days: string[] = [];
  currencies: string[] = [];
  products: string[] = [];
  catalogIds: string[] = [];
  private dayIndex = new Map<string, number>();
  private currencyIndex = new Map<string, number>();
  private productIndex = new Map<string, number>();
  private catalogIndex = new Map<string, number>();

  private grow() {
    const size = this.line.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(size);
      next.set(old);
      return next;
    };
    this.line = grown(this.line);
    this.member = grown(this.member);
    this.day = grown(this.day);
    this.points = grown(this.points);
    this.amount = grown(this.amount);
    this.currency = grown(this.currency);
    this.product = grown(this.product);
    this.catalog = grown(this.catalog);
    this.state = grown(this.state);
  }

  // The last value interned per column: exports are often sorted by date, product or currency.
  private last = { day: '', dayIndex: -1, product: '', productIndex: -1, currency: '', currencyIndex: -1 };

  private static intern(map: Map<string, number>, list: string[], value: string): number {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  }

  add(
    line: number,
    externalId: string,
    member: number,
    day: string,
    points: number,
    amount: number,
    currency: string,
    product: string,
    catalogId: string | null,
    buyerName: string | null,
  ) {
    const i = this.count;
    if (i === this.line.length) this.grow();
    const last = this.last;
    this.line[i] = line;
    this.member[i] = member;
    if (day !== last.day) {
      last.day = day;
      last.dayIndex = ImportedOrders.intern(this.dayIndex, this.days, day);
    }
    this.day[i] = last.dayIndex;
    this.points[i] = points;
    this.amount[i] = amount;
    if (currency !== last.currency) {
      last.currency = currency;
      last.currencyIndex = ImportedOrders.intern(this.currencyIndex, this.currencies, currency);
    }
    this.currency[i] = last.currencyIndex;
    if (product !== last.product) {
      last.product = product;
      last.productIndex = ImportedOrders.intern(this.productIndex, this.products, product);
    }
    this.product[i] = last.productIndex;
    this.catalog[i] =
      catalogId === null ? -1 : ImportedOrders.intern(this.catalogIndex, this.catalogIds, catalogId);
    this.state[i] = ROW_NEW;
    this.externalId.push(externalId);
    this.buyerName.push(buyerName);
    this.count = i + 1;
  }
}

/** A 53-bit hash of a string (two 32-bit hashes side by side), exact in a double. */
export function hash53(value: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2097152 + ((b >>> 0) >>> 11);
}

/**
 * Rows whose external id an earlier row has, as [row, first row] pairs. Sorting the hashes (natively, a
 * typed array) finds the candidates without a set of ten million strings; only rows whose hash repeats
 * are compared by their text.
 */
export function repeatedIds(ids: readonly string[], count = ids.length): [number, number][] {
  const hashes = new Float64Array(count);
  for (let i = 0; i < count; i++) hashes[i] = hash53(ids[i]!);
  const sorted = hashes.slice().sort();
  const repeated = new Set<number>();
  for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
  if (!repeated.size) return [];
  const first = new Map<string, number>();
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    if (!repeated.has(hashes[i]!)) continue;
    const seen = first.get(ids[i]!);
    if (seen === undefined) first.set(ids[i]!, i);
    else pairs.push([i, seen]);
  }
  return pairs;
}

type Positions = Record<OrderColumn, number>;

/** The header's problems and the column positions (-1: not in the file). */
export function readHeader(header: string[]): { positions: Positions; issues: OrderIssue[] } {
  const positions = Object.fromEntries(ORDER_COLUMNS.map((c) => [c, -1])) as Positions;
  const issues: OrderIssue[] = [];
  header.forEach((raw, i) => {
    const column = orderColumnOf(raw);
    if (!column) return;
    if (positions[column] >= 0) {
      issues.push({
        line: 1,
        field: column,
        code: 'duplicate_column',
        message: `The column ${column} appears twice in the header ("${raw.trim()}").`,
      });
      return;
    }
    positions[column] = i;
  });
  const required: OrderColumn[] = ['external_id', 'member_external_id', 'ordered_on'];
  if (positions.sku < 0) required.push('points');
  for (const column of required) {
    if (positions[column] < 0)
      issues.push({
        line: 1,
        field: column,
        code: 'missing_column',
        message: `The header has no ${column} column (found: ${header.map((h) => h.trim()).join(', ') || 'nothing'}).`,
      });
  }
  return { positions, issues };
}

/** A cell's value, trimmed; undefined when the column is missing or the cell empty. */
function cell(fields: string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const value = fields[index];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function isBlank(fields: string[]): boolean {
  for (const value of fields) if (value.trim() !== '') return false;
  return true;
}

export interface ReaderTimings {
  /** Reading the CSV into records. */
  parse: number;
  /** Checking each row (and, at the end, repeated external ids). */
  validate: number;
}

/**
 * Reads an orders CSV piece by piece: `push` every piece, then `end`. Never throws on bad input: every
 * problem is in `issues` (the first KEPT_ISSUES of them) and counted in `errorCount`.
 */
export class OrderImportReader {
  readonly rows = new ImportedOrders();
  issues: OrderIssue[] = [];
  errorCount = 0;
  /** Data rows in the file (non-empty records after the header). */
  rowCount = 0;
  readonly timings: ReaderTimings = { parse: 0, validate: 0 };
  private csv = new CsvReader();
  private positions: Positions | null = null;
  private width = 0;
  private headerFailed = false;
  private ended = false;

  constructor(private readonly context: OrderImportContext) {}

  get delimiter() {
    return this.csv.delimiter;
  }

  push(text: string) {
    const t0 = performance.now();
    const records = this.csv.push(text);
    const t1 = performance.now();
    this.validate(records);
    this.timings.parse += t1 - t0;
    this.timings.validate += performance.now() - t1;
  }

  end() {
    if (this.ended) return;
    this.ended = true;
    const t0 = performance.now();
    const records = this.csv.end();
    const t1 = performance.now();
    this.validate(records);
    if (!this.positions && !this.headerFailed)
      this.report({ line: 1, code: 'empty_file', message: 'The file is empty.' });
    const { rows } = this;
    for (const [i, first] of repeatedIds(rows.externalId, rows.count)) {
      rows.state[i] = ROW_INVALID;
      this.report({
        line: rows.line[i]!,
        externalId: rows.externalId[i],
        field: 'external_id',
        code: 'duplicate_id',
        message: `The external id ${rows.externalId[i]} is already on line ${rows.line[first]}.`,
      });
    }
    this.issues.sort((a, b) => a.line - b.line);
    this.timings.parse += t1 - t0;
    this.timings.validate += performance.now() - t1;
  }

  /** Keeps a problem (the first KEPT_ISSUES) and counts it. */
  report(issue: OrderIssue) {
    this.errorCount++;
    if (this.issues.length < KEPT_ISSUES) this.issues.push(issue);
  }

  private problem(
    line: number,
    externalId: string | undefined,
    code: OrderIssue['code'],
    message: string,
    field?: OrderColumn,
  ) {
    this.report({
      line,
      ...(externalId !== undefined ? { externalId } : {}),
      ...(field ? { field } : {}),
      code,
      message,
    });
  }

  // The last currency cell and what it meant: files repeat the same few codes row after row.
  private lastCurrencyText = '';
  private lastCurrency: string | null = null;

  private validate(records: CsvRecord[]) {
    let r = 0;
    if (!this.positions && !this.headerFailed) {
      while (r < records.length && isBlank(records[r]!.fields)) r++;
      if (r === records.length) return;
      const header = records[r++]!;
      const { positions, issues } = readHeader(header.fields);
      for (const issue of issues) this.report({ ...issue, line: header.line });
      if (issues.length) this.headerFailed = true;
      else {
        this.positions = positions;
        this.width = header.fields.length;
      }
    }
    const positions = this.positions;
    if (!positions) {
      // The header is wrong: the rows are counted, not checked.
      for (; r < records.length; r++) if (!isBlank(records[r]!.fields)) this.rowCount++;
      return;
    }
    const { members, products, latestDay, defaultCurrency } = this.context;
    const { width, rows } = this;
    const pId = positions.external_id;
    const pMember = positions.member_external_id;
    const pDay = positions.ordered_on;
    const pPoints = positions.points;
    const pAmount = positions.amount;
    const pCurrency = positions.currency;
    const pProduct = positions.product;
    const pSku = positions.sku;
    const pBuyer = positions.buyer_name;
    // The loop runs once per row, ten million times in a big import: no closures, few allocations.
    for (; r < records.length; r++) {
      const { fields, line, problem } = records[r]!;
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (isBlank(fields)) continue;
      this.rowCount++;
      const before = this.errorCount;
      const externalId = cell(fields, pId);

      if (problem) this.problem(line, externalId, 'malformed_csv', `The row cannot be read: ${problem}`);
      if (fields.length > width)
        this.problem(
          line,
          externalId,
          'too_many_fields',
          `The row has ${fields.length} fields but the header has ${width} — is a value with a "${this.csv.delimiter}" missing its quotes?`,
        );

      if (externalId === undefined)
        this.problem(line, externalId, 'required', 'external_id is empty.', 'external_id');
      else if (externalId.length > MAX_EXTERNAL_ID)
        this.problem(
          line,
          externalId,
          'too_long',
          `external_id is longer than ${MAX_EXTERNAL_ID} characters.`,
          'external_id',
        );

      const memberId = cell(fields, pMember);
      let member = -1;
      if (memberId === undefined)
        this.problem(line, externalId, 'required', 'member_external_id is empty.', 'member_external_id');
      else {
        member = members.get(memberId) ?? -1;
        if (member < 0)
          this.problem(
            line,
            externalId,
            'unknown_member',
            `There is no member with the external id ${memberId}.`,
            'member_external_id',
          );
      }

      const dayText = cell(fields, pDay);
      let day: string | null = null;
      if (dayText === undefined)
        this.problem(line, externalId, 'required', 'ordered_on is empty.', 'ordered_on');
      else {
        day = parseDate(dayText);
        if (day === null)
          this.problem(
            line,
            externalId,
            'invalid_date',
            `"${dayText}" is not a date: use YYYY-MM-DD or DD.MM.YYYY.`,
            'ordered_on',
          );
        else if (day > latestDay)
          this.problem(line, externalId, 'future_date', `${day} lies in the future.`, 'ordered_on');
      }

      const sku = cell(fields, pSku);
      if (sku !== undefined && sku.length > MAX_SKU)
        this.problem(line, externalId, 'too_long', `sku is longer than ${MAX_SKU} characters.`, 'sku');
      const catalog = sku === undefined || products.size === 0 ? undefined : products.get(sku);

      const pointsText = cell(fields, pPoints);
      let points = 0;
      if (pointsText !== undefined) points = this.figure(pointsText, 'points', line, externalId);
      else if (catalog) points = catalog.points;
      else
        this.problem(
          line,
          externalId,
          'required',
          'points is empty (and the row names no product of the catalog).',
          'points',
        );

      const amountText = cell(fields, pAmount);
      const amount = amountText === undefined ? 0 : this.figure(amountText, 'amount', line, externalId);

      const currencyText = cell(fields, pCurrency);
      let currency = catalog?.currency ?? defaultCurrency;
      if (currencyText !== undefined) {
        if (currencyText !== this.lastCurrencyText) {
          this.lastCurrencyText = currencyText;
          this.lastCurrency = normalizeCurrency(currencyText);
        }
        if (this.lastCurrency) currency = this.lastCurrency;
        else
          this.problem(
            line,
            externalId,
            'invalid_currency',
            `"${currencyText}" is not a currency code (ISO 4217, e.g. EUR, BGN).`,
            'currency',
          );
      }

      const product = cell(fields, pProduct);
      if (product !== undefined && product.length > MAX_PRODUCT)
        this.problem(
          line,
          externalId,
          'too_long',
          `product is longer than ${MAX_PRODUCT} characters.`,
          'product',
        );
      const buyerName = cell(fields, pBuyer);
      if (buyerName !== undefined && buyerName.length > MAX_BUYER_NAME)
        this.problem(
          line,
          externalId,
          'too_long',
          `buyer_name is longer than ${MAX_BUYER_NAME} characters.`,
          'buyer_name',
        );

      if (this.errorCount !== before) continue;
      rows.add(
        line,
        externalId!,
        member,
        day!,
        points,
        amount,
        currency,
        product ?? catalog?.name ?? sku ?? '',
        catalog?.id ?? null,
        buyerName ?? null,
      );
    }
  }

  /** Points or an amount in hundredths; 0 after reporting a problem. */
  private figure(text: string, field: 'points' | 'amount', line: number, externalId: string | undefined) {
    const value = parseHundredths(text);
    if (value === TOO_PRECISE)
      this.problem(line, externalId, 'too_precise', `${field} "${text}" has more than two decimals.`, field);
    else if (Number.isNaN(value))
      this.problem(line, externalId, 'invalid_number', `${field} "${text}" is not a number.`, field);
    else if (value > MAX_HUNDREDTHS || value < -MAX_HUNDREDTHS)
      this.problem(line, externalId, 'too_large', `${field} ${text} is too large.`, field);
    else return value;
    return 0;
  }
}

/** Reads a whole text at once (tests, small files). */
export function readOrdersCsv(text: string, context: OrderImportContext): OrderImportReader {
  const reader = new OrderImportReader(context);
  reader.push(text);
  reader.end();
  return reader;
}
