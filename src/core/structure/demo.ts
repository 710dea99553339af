// Demo data: an organization of N members that looks like a real network-marketing structure.
// Deterministic for a seed, pure (no I/O): the command line, the tests and the benchmarks use it.
//
// The tree grows by preferential attachment: each new member is sponsored by a partner chosen either in
// proportion to how many people that partner has already sponsored (so a few leaders sponsor hundreds)
// or among the most recently joined partners (new partners recruit; this gives depth of tens at 1M).
// About 60% of members are customers, who sponsor nobody, so most members are leaves.
import type { Locale } from '../locales.ts';
import { ascii, LOCALES } from './demo-people.ts';
import { COLUMNS, type MemberKind } from './import.ts';

export type MemberStatus = 'active' | 'inactive' | 'left';

export interface DemoOptions {
  members: number;
  locale: Locale;
  seed?: number;
  /** The last join date (YYYY-MM-DD); join dates spread over the six years before it. */
  today?: string;
}

export interface DemoMember {
  /** 0 is the root (the organization's owner). */
  index: number;
  /** -1 for the root; always smaller than `index`. */
  sponsorIndex: number;
  externalId: string;
  name: string;
  email: string | null;
  phone: string | null;
  city: string;
  country: string;
  kind: MemberKind;
  status: MemberStatus;
  joinedOn: string;
}

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoTree {
  /** Sponsor of each member (-1 for the root); sponsor < member. */
  sponsor: Int32Array;
  /** 1 for partners (who can sponsor), 0 for customers. The root is a partner. */
  partner: Uint8Array;
}

const CUSTOMER_SHARE = 0.6;
/** Share of sponsor choices made among recently joined partners (the rest: by number sponsored). */
const RECENT_SHARE = 0.45;
const RECENT_WINDOW = 400;

/** The shape of the tree only: who sponsors whom. */
export function demoTree(size: number, seed = 1): DemoTree {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const rnd = random(seed);
  const sponsor = new Int32Array(size);
  const partner = new Uint8Array(size);
  sponsor[0] = -1;
  partner[0] = 1;
  // Every partner once, plus once more per member they sponsored: a uniform pick from this list is a
  // pick in proportion to (1 + members sponsored).
  let weighted = new Int32Array(Math.max(16, size * 2));
  let weightedLength = 0;
  const partners = new Int32Array(size);
  let partnerCount = 0;
  weighted[weightedLength++] = 0;
  partners[partnerCount++] = 0;
  for (let i = 1; i < size; i++) {
    let s: number;
    if (rnd() < RECENT_SHARE) {
      const window = Math.min(RECENT_WINDOW, partnerCount);
      s = partners[partnerCount - 1 - Math.floor(rnd() * window)]!;
    } else s = weighted[Math.floor(rnd() * weightedLength)]!;
    sponsor[i] = s;
    if (weightedLength + 2 > weighted.length) {
      const grown = new Int32Array(weighted.length * 2);
      grown.set(weighted);
      weighted = grown;
    }
    weighted[weightedLength++] = s;
    // The first members of a young organization are nearly all partners.
    const customerShare = i < 20 ? 0.1 : CUSTOMER_SHARE;
    if (rnd() >= customerShare) {
      partner[i] = 1;
      partners[partnerCount++] = i;
      weighted[weightedLength++] = i;
    }
  }
  return { sponsor, partner };
}

/** Depth below the root of every member of a tree whose sponsors come first. */
export function depths(sponsor: Int32Array): Int32Array {
  const depth = new Int32Array(sponsor.length);
  for (let i = 1; i < sponsor.length; i++) depth[i] = depth[sponsor[i]!]! + 1;
  return depth;
}

/** Size of every member's downline (the member itself not counted). */
export function downlineSizes(sponsor: Int32Array): Int32Array {
  const size = new Int32Array(sponsor.length);
  for (let i = sponsor.length - 1; i >= 1; i--) size[sponsor[i]!]! += size[i]! + 1;
  return size;
}

const DAY = 86_400_000;
const YEARS = 6;

/** Index into `cumulative` (running totals of weights) for a uniform r in [0, 1). */
function pickWeighted(cumulative: number[], r: number): number {
  const total = cumulative[cumulative.length - 1]!;
  const x = r * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The demo members, root first, each sponsor before the people they sponsored. Join dates grow with
 * the index (a sponsor always joined before their downline) over the six years before `today`.
 */
export function* demoMembers(options: DemoOptions): Generator<DemoMember> {
  const { members: size, locale, seed = 1 } = options;
  const today = Date.parse(`${options.today ?? '2026-01-01'}T00:00:00Z`);
  const start = today - YEARS * 365 * DAY;
  const tree = demoTree(size, seed);
  const rnd = random(seed * 7919 + 17);
  const data = LOCALES[locale];
  let acc = 0;
  const cumulative = data.cities.map((c) => (acc += c[2]));
  const dates: string[] = [];
  for (let i = 0; i < size; i++) {
    const female = rnd() < 0.62;
    const first = female ? data.first.female : data.first.male;
    const last = female ? data.last.female : data.last.male;
    const firstName = first[Math.floor(rnd() * first.length)]!;
    const lastName = last[Math.floor(rnd() * last.length)]!;
    const [city, country] = data.cities[pickWeighted(cumulative, rnd())]!;
    // Growth speeds up over the years: position i of n joins at (i/n)^0.6 of the time span.
    const progress = size === 1 ? 0 : (i / (size - 1)) ** 0.6;
    const day = Math.floor((progress * (today - start)) / DAY);
    let joined = dates[day];
    if (joined === undefined) {
      joined = new Date(start + day * DAY).toISOString().slice(0, 10);
      dates[day] = joined;
    }
    const statusDraw = rnd();
    const status: MemberStatus =
      i === 0 ? 'active' : statusDraw < 0.78 ? 'active' : statusDraw < 0.94 ? 'inactive' : 'left';
    const hasEmail = i === 0 || rnd() < 0.7;
    const hasPhone = i === 0 || rnd() < 0.8;
    yield {
      index: i,
      sponsorIndex: tree.sponsor[i]!,
      externalId: `D${String(i + 1).padStart(7, '0')}`,
      name: `${firstName} ${lastName}`,
      email: hasEmail ? `${ascii(firstName)}.${ascii(lastName)}.${i + 1}@example.com` : null,
      phone: hasPhone ? data.phone(rnd) : null,
      city,
      country,
      kind: tree.partner[i] ? 'partner' : 'customer',
      status,
      joinedOn: joined,
    };
  }
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n')
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** The demo organization as a back-office export (the import's CSV format). */
export function demoCsv(options: DemoOptions & { delimiter?: ',' | ';' }): string {
  const delimiter = options.delimiter ?? ',';
  const parts: string[] = [COLUMNS.join(delimiter)];
  const ids: string[] = [];
  for (const m of demoMembers(options)) {
    ids.push(m.externalId);
    parts.push(
      [
        m.externalId,
        m.sponsorIndex < 0 ? '' : ids[m.sponsorIndex]!,
        m.name,
        m.email ?? '',
        m.phone ?? '',
        m.city,
        m.country,
        m.kind,
        m.joinedOn,
      ]
        .map((v) => csvField(v, delimiter))
        .join(delimiter),
    );
  }
  parts.push('');
  return parts.join('\n');
}
