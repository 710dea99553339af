// Demo orders for the demo organization (core/structure/demo.ts): about ten per member over the year
// before `today`, deterministic for a seed, pure (no I/O). The KPI benchmark writes them as a back-office
// CSV and imports them through the real import (server/orders/import.ts).
//
// What makes them look like a real business:
//   - partners order about monthly (their own orders and, for a quarter, a retail customer's, named in
//     buyer_name), customers about every other month at irregular times, inactive members rarely and
//     members who left hardly at all; nobody orders before joining;
//   - the legs of a few big leaders are more active than the rest;
//   - each order is one or two units of a catalog-like product: points 10–120 with two decimals, the
//     amount its price in EUR;
//   - the export is sorted by date, and the external ids (O0000001, …) follow that order.
import type { Locale } from '../locales.ts';
import { demoMembers, downlineSizes, random } from '../structure/demo.ts';
import { LOCALES } from '../structure/demo-people.ts';
import { addDays } from './periods.ts';

export interface DemoOrderOptions {
  /** The demo organization's size, locale and seed, as given to createDemoOrganization. */
  members: number;
  locale: Locale;
  seed?: number;
  /** The demo organization's last join date and the last day with orders (default 2026-01-01). */
  today?: string;
  /** Orders per member on average (default 10); the total is exactly members × this, rounded. */
  perMember?: number;
}

/** Products with their points (hundredths) and price (cents); an order is one or two units of one. */
export const DEMO_PRODUCTS: readonly { sku: string; name: string; points: number; price: number }[] = [
  { sku: 'VIT-C-90', name: 'Vitamin C 90 caps', points: 1000, price: 1890 },
  { sku: 'OMG-3-60', name: 'Omega-3 60 caps', points: 1450, price: 2590 },
  { sku: 'PRO-SHK-V', name: 'Protein shake vanilla', points: 3290, price: 5490 },
  { sku: 'PRO-SHK-C', name: 'Protein shake chocolate', points: 3290, price: 5490 },
  { sku: 'ALOE-1L', name: 'Aloe drink 1 l', points: 1875, price: 2990 },
  { sku: 'TEA-HERB', name: 'Herbal tea 20 bags', points: 1020, price: 1490 },
  { sku: 'SKIN-CRM', name: 'Face cream 50 ml', points: 2440, price: 3990 },
  { sku: 'SKIN-SER', name: 'Serum 30 ml', points: 3860, price: 6290 },
  { sku: 'SHMP-250', name: 'Shampoo 250 ml', points: 1210, price: 1690 },
  { sku: 'DEO-ROLL', name: 'Deodorant roll-on', points: 1005, price: 1190 },
  { sku: 'DETOX-7', name: 'Detox programme 7 days', points: 4725, price: 7990 },
  { sku: 'STARTER', name: 'Starter set', points: 5990, price: 9900 },
];
// Cheaper products sell more often: weights in the order of the list.
const PRODUCT_WEIGHTS = [14, 10, 8, 6, 9, 12, 7, 4, 10, 11, 3, 2];

/** The orders, column by column, sorted by date. */
export interface DemoOrders {
  count: number;
  /** The credited member's demo index (0 = the root). */
  member: Int32Array;
  /** Index into `days`. */
  day: Uint16Array;
  /** Hundredths. */
  points: Int32Array;
  /** Cents (EUR). */
  amount: Int32Array;
  /** Index into DEMO_PRODUCTS. */
  product: Uint8Array;
  /** Index into `buyers`, or -1: the member bought for themselves. */
  buyer: Int16Array;
  /** The 365 days of the year ending on `today`, oldest first. */
  days: string[];
  buyers: string[];
  /** The demo members' external ids (the members import's and the orders' member_external_id). */
  memberExternalIds: string[];
}

const YEAR = 365;
const STATUS_WEIGHT = { active: 1, inactive: 0.3, left: 0.08 } as const;
/** How much more the big leaders' legs order. */
const LEG_BOOST = 1.8;
const BUYER_NAMES = 400;

export function demoOrders(options: DemoOrderOptions): DemoOrders {
  const { members: size, locale, seed = 1, perMember = 10 } = options;
  const today = options.today ?? '2026-01-01';
  const first = addDays(today, 1 - YEAR);
  const days = Array.from({ length: YEAR }, (_, i) => addDays(first, i));
  const dayOf = new Map(days.map((d, i) => [d, i]));
  const rnd = random(seed * 104_729 + 7);

  // The members: who they are, when they joined (as a day of the year, 0 before it).
  const sponsor = new Int32Array(size);
  const partner = new Uint8Array(size);
  const firstDay = new Int32Array(size);
  const weight = new Float64Array(size);
  const memberExternalIds = new Array<string>(size);
  for (const m of demoMembers({ members: size, locale, seed, today })) {
    const i = m.index;
    sponsor[i] = m.sponsorIndex;
    partner[i] = m.kind === 'partner' ? 1 : 0;
    memberExternalIds[i] = m.externalId;
    const joined = m.joinedOn < first ? 0 : (dayOf.get(m.joinedOn) ?? YEAR);
    firstDay[i] = joined;
    const activeShare = (YEAR - joined) / YEAR;
    weight[i] = (partner[i] ? 1.6 : 0.6) * STATUS_WEIGHT[m.status] * activeShare * (0.5 + rnd()); // one member buys more than another
  }

  // A few big leaders (the largest downlines of at most 5% of the organization) and their legs.
  const sizes = downlineSizes(sponsor);
  const leaders = [...sizes.keys()]
    .filter((i) => i > 0 && sizes[i]! > 0 && sizes[i]! <= size * 0.05)
    .sort((a, b) => sizes[b]! - sizes[a]! || a - b)
    .slice(0, 4);
  const boosted = new Uint8Array(size);
  for (const l of leaders) boosted[l] = 1;
  for (let i = 1; i < size; i++) if (boosted[sponsor[i]!]) boosted[i] = 1;
  let totalWeight = 0;
  for (let i = 0; i < size; i++) {
    if (boosted[i]) weight[i]! *= LEG_BOOST;
    totalWeight += weight[i]!;
  }

  // Orders per member in proportion to the weight, rounded so the total is exact (systematic sampling).
  const total = Math.round(size * perMember);
  const counts = new Int32Array(size);
  const scale = totalWeight > 0 ? total / totalWeight : 0;
  let cumulative = rnd();
  let taken = 0;
  for (let i = 0; i < size; i++) {
    cumulative += weight[i]! * scale;
    const upTo = Math.min(total, Math.floor(cumulative));
    counts[i] = upTo - taken;
    taken = upTo;
  }
  counts[0]! += total - taken; // what floating-point rounding left over

  // Each member's orders: partners spread evenly over their months (one per slot, jittered), customers
  // at random days; then sorted by day (a counting sort).
  const data = LOCALES[locale];
  const buyers = Array.from({ length: BUYER_NAMES }, () => {
    const female = rnd() < 0.62;
    const names = female ? [data.first.female, data.last.female] : [data.first.male, data.last.male];
    return `${names[0]![Math.floor(rnd() * names[0]!.length)]} ${names[1]![Math.floor(rnd() * names[1]!.length)]}`;
  });
  let productWeight = 0;
  const productCumulative = PRODUCT_WEIGHTS.map((w) => (productWeight += w));
  const pickProduct = () => {
    const x = rnd() * productWeight;
    let p = 0;
    while (productCumulative[p]! <= x) p++;
    return p;
  };

  const raw = {
    member: new Int32Array(total),
    day: new Uint16Array(total),
    points: new Int32Array(total),
    amount: new Int32Array(total),
    product: new Uint8Array(total),
    buyer: new Int16Array(total),
  };
  const perDay = new Int32Array(YEAR + 1);
  let k = 0;
  for (let i = 0; i < size; i++) {
    const n = counts[i]!;
    if (!n) continue;
    const from = Math.min(firstDay[i]!, YEAR - 1);
    const span = YEAR - from;
    for (let j = 0; j < n; j++) {
      const day = partner[i] ? from + Math.floor(((j + rnd()) * span) / n) : from + Math.floor(rnd() * span);
      const product = pickProduct();
      // One unit mostly; two of the cheaper products now and then (points stay within 10–120).
      const units = DEMO_PRODUCTS[product]!.points <= 6000 && rnd() < 0.15 ? 2 : 1;
      raw.member[k] = i;
      raw.day[k] = day;
      raw.product[k] = product;
      raw.points[k] = DEMO_PRODUCTS[product]!.points * units;
      raw.amount[k] = DEMO_PRODUCTS[product]!.price * units;
      raw.buyer[k] = partner[i] && rnd() < 0.25 ? Math.floor(rnd() * BUYER_NAMES) : -1;
      perDay[day + 1]!++;
      k++;
    }
  }
  for (let d = 1; d <= YEAR; d++) perDay[d]! += perDay[d - 1]!;
  const orders: DemoOrders = {
    count: total,
    member: new Int32Array(total),
    day: new Uint16Array(total),
    points: new Int32Array(total),
    amount: new Int32Array(total),
    product: new Uint8Array(total),
    buyer: new Int16Array(total),
    days,
    buyers,
    memberExternalIds,
  };
  for (let j = 0; j < total; j++) {
    const to = perDay[raw.day[j]!]!++;
    orders.member[to] = raw.member[j]!;
    orders.day[to] = raw.day[j]!;
    orders.points[to] = raw.points[j]!;
    orders.amount[to] = raw.amount[j]!;
    orders.product[to] = raw.product[j]!;
    orders.buyer[to] = raw.buyer[j]!;
  }
  return orders;
}

/** The external id of the k-th order (0-based) of the export. */
export const demoOrderId = (k: number) => `O${String(k + 1).padStart(7, '0')}`;

export const DEMO_ORDER_COLUMNS = [
  'external_id',
  'member_external_id',
  'ordered_on',
  'points',
  'amount',
  'currency',
  'product',
  'sku',
  'buyer_name',
] as const;

/** Hundredths as a decimal with two places: 1250 → "12.50". */
const decimal = (hundredths: number) =>
  `${Math.trunc(hundredths / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, '0')}`;

/**
 * The orders as a back-office CSV export (comma-separated, header first), in pieces of `rowsPerPiece`
 * rows, so ten million orders never have to be one string.
 */
export function* demoOrdersCsv(orders: DemoOrders, rowsPerPiece = 50_000): Generator<string> {
  const { days, buyers, memberExternalIds } = orders;
  // The text of every product and buyer once, with the delimiters around it.
  const products = DEMO_PRODUCTS.map((p) => `,EUR,${p.name},${p.sku},`);
  let lines: string[] = [DEMO_ORDER_COLUMNS.join(',')];
  for (let k = 0; k < orders.count; k++) {
    const buyer = orders.buyer[k]!;
    lines.push(
      `${demoOrderId(k)},${memberExternalIds[orders.member[k]!]},${days[orders.day[k]!]},` +
        `${decimal(orders.points[k]!)},${decimal(orders.amount[k]!)}${products[orders.product[k]!]}` +
        `${buyer < 0 ? '' : buyers[buyer]}`,
    );
    if (lines.length >= rowsPerPiece) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}
