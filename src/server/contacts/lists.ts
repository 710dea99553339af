// The owner's lists: filtered and sorted pages, export, follow-ups due, counts, cities and tags. All of
// one member's rows, through the (organization_id, owner_id, …) indexes; the list a contact is on is
// computed here from the owner's current city.
import { and, asc, count, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { type ContactList, fold } from '../../core/contacts/fields.ts';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema/index.ts';
import { arrayOf } from '../../db/sql.ts';
import { type ContactRow, likeTerm, ownerScope } from './queries.ts';

/** The list a contact is on for an owner whose city folds to `ownCityKey` (see core listOf). */
export function listExpression(ownCityKey: string): SQL<ContactList> {
  return sql<ContactList>`coalesce(${contacts.listOverride}::text, case when ${contacts.cityKey} = '' or ${contacts.cityKey} = ${ownCityKey} then 'own' else 'other' end)`;
}

export interface ContactFilter {
  q?: string;
  list?: ContactList;
  city?: string;
  stage?: ContactRow['stage'];
  tag?: string;
  due?: boolean;
}

/** A filter whose tag is resolved to the spellings the owner uses of it (tags compare folded). */
export type ResolvedFilter = Omit<ContactFilter, 'tag'> & { tagSpellings?: string[] };

function filterConditions(
  filter: ResolvedFilter,
  ownCityKey: string,
  today: string,
  cityKeyOf: (city: string) => string,
): SQL[] {
  const conditions: SQL[] = [];
  if (filter.q) {
    for (const term of fold(filter.q).split(' ').filter(Boolean))
      conditions.push(sql`${contacts.searchText} like ${likeTerm(term)}`);
  }
  if (filter.list) conditions.push(sql`${listExpression(ownCityKey)} = ${filter.list}`);
  if (filter.city) conditions.push(eq(contacts.cityKey, cityKeyOf(filter.city)));
  if (filter.stage) conditions.push(eq(contacts.stage, filter.stage));
  if (filter.tagSpellings) {
    conditions.push(sql`${contacts.tags} && ${arrayOf(filter.tagSpellings, 'text')}`);
  }
  if (filter.due) conditions.push(lte(contacts.nextFollowUpOn, today));
  return conditions;
}

const SORTS = {
  name: contacts.nameKey,
  nextFollowUpOn: contacts.nextFollowUpOn,
  lastContactOn: contacts.lastContactOn,
  createdAt: contacts.createdAt,
  stage: contacts.stage,
} as const;

export interface ListOptions {
  ownCityKey: string;
  today: string;
  cityKeyOf: (city: string) => string;
  sort: keyof typeof SORTS;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function contactColumns(ownCityKey: string) {
  return { contact: contacts, list: listExpression(ownCityKey) };
}

export async function listContacts(
  db: Db,
  organizationId: string,
  ownerId: string,
  filter: ResolvedFilter,
  options: ListOptions,
) {
  const where = and(
    ownerScope(organizationId, ownerId),
    ...filterConditions(filter, options.ownCityKey, options.today, options.cityKeyOf),
  );
  const order = options.direction === 'desc' ? desc : asc;
  const sortColumn = SORTS[options.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select(contactColumns(options.ownCityKey))
      .from(contacts)
      .where(where)
      // Empty dates last either way; the name and id keep pages stable. Columns that are never empty
      // sort without the null test, so the owner index returns the first page by name in order.
      .orderBy(
        ...(sortColumn.notNull ? [] : [sql`${sortColumn} is null`]),
        order(sortColumn),
        asc(contacts.nameKey),
        asc(contacts.id),
      )
      .offset(options.offset)
      .limit(options.limit),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every contact matching a filter, for export (one owner: at most some ten thousand rows). */
export async function allContacts(
  db: Db,
  organizationId: string,
  ownerId: string,
  filter: ResolvedFilter,
  options: Pick<ListOptions, 'ownCityKey' | 'today' | 'cityKeyOf'>,
) {
  return db
    .select(contactColumns(options.ownCityKey))
    .from(contacts)
    .where(
      and(
        ownerScope(organizationId, ownerId),
        ...filterConditions(filter, options.ownCityKey, options.today, options.cityKeyOf),
      ),
    )
    .orderBy(asc(contacts.nameKey), asc(contacts.id));
}

/** Follow-ups due by `today`, most overdue first. */
export async function dueContacts(
  db: Db,
  organizationId: string,
  ownerId: string,
  ownCityKey: string,
  today: string,
  limit: number,
) {
  const where = and(ownerScope(organizationId, ownerId), lte(contacts.nextFollowUpOn, today));
  const [rows, [totals]] = await Promise.all([
    db
      .select(contactColumns(ownCityKey))
      .from(contacts)
      .where(where)
      .orderBy(asc(contacts.nextFollowUpOn), asc(contacts.nameKey), asc(contacts.id))
      .limit(limit),
    db
      .select({
        total: count(),
        overdue: sql<number>`count(*) filter (where ${contacts.nextFollowUpOn} < ${today})`.mapWith(Number),
      })
      .from(contacts)
      .where(where),
  ]);
  return { rows, total: Number(totals?.total ?? 0), overdue: totals?.overdue ?? 0 };
}

/** Monday of the week and the first of the month a date is in (weeks start on Monday). */
export function periodStarts(today: string) {
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(date.getTime() - weekday * 24 * 60 * 60 * 1000);
  return { week: monday.toISOString().slice(0, 10), month: `${today.slice(0, 8)}01` };
}

/** Counts of one member's lists: all the upline and admins ever see of them. */
export async function countContacts(
  db: Db,
  organizationId: string,
  ownerId: string,
  ownCityKey: string,
  today: string,
) {
  const starts = periodStarts(today);
  const addedSince = (day: string) =>
    sql<number>`count(*) filter (where ${contacts.createdAt} >= ${`${day}T00:00:00Z`})`.mapWith(Number);
  const list = listExpression(ownCityKey);
  const rows = await db
    .select({
      stage: contacts.stage,
      list,
      n: count(),
      week: addedSince(starts.week),
      month: addedSince(starts.month),
    })
    .from(contacts)
    .where(ownerScope(organizationId, ownerId))
    // By position: the list expression's parameter would not match a repeated one.
    .groupBy(sql`1`, sql`2`);
  const counts = {
    total: 0,
    lists: { own: 0, other: 0 },
    stages: {} as Record<ContactRow['stage'], number>,
    addedThisWeek: 0,
    addedThisMonth: 0,
  };
  for (const stage of contacts.stage.enumValues) counts.stages[stage] = 0;
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    counts.lists[row.list] += n;
    counts.stages[row.stage] += n;
    counts.addedThisWeek += row.week;
    counts.addedThisMonth += row.month;
  }
  return counts;
}

/** Tags that fold alike are one tag, named by its most used spelling; most used first. */
function mergeSpellings(spellings: { tag: string; count: number }[]) {
  const byKey = new Map<string, { tag: string; count: number; top: number }>();
  for (const s of spellings) {
    const key = fold(s.tag);
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { tag: s.tag, count: s.count, top: s.count });
    else {
      entry.count += s.count;
      if (s.count > entry.top || (s.count === entry.top && s.tag < entry.tag))
        Object.assign(entry, { tag: s.tag, top: s.count });
    }
  }
  return [...byKey.values()]
    .map(({ tag, count }) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || fold(a.tag).localeCompare(fold(b.tag)));
}

/** The spellings an owner uses of a tag (compared folded), for the tag filter. */
export async function tagSpellings(db: Db, organizationId: string, ownerId: string, tag: string) {
  const rows = await db
    .selectDistinct({ tag: sql<string>`t` })
    .from(sql`${contacts} cross join lateral unnest(${contacts.tags}) t`)
    // Only contacts whose search text holds the folded tag can have it: far fewer rows to unnest.
    .where(and(ownerScope(organizationId, ownerId), sql`${contacts.searchText} like ${likeTerm(fold(tag))}`));
  const key = fold(tag);
  return rows.map((r) => r.tag).filter((t) => fold(t) === key);
}

/** The cities of list 2 with their counts (the most used spelling names each), and the tags in use. */
export async function citiesAndTags(db: Db, organizationId: string, ownerId: string, ownCityKey: string) {
  const scope = ownerScope(organizationId, ownerId);
  const [cities, tags] = await Promise.all([
    db
      .select({ city: sql<string>`mode() within group (order by ${contacts.city})`, n: count() })
      .from(contacts)
      .where(and(scope, sql`${listExpression(ownCityKey)} = 'other'`, sql`${contacts.cityKey} <> ''`))
      .groupBy(contacts.cityKey)
      .orderBy(desc(count()), asc(sql`1`)),
    db
      .select({ tag: sql<string>`t`, n: count() })
      .from(sql`${contacts} cross join lateral unnest(${contacts.tags}) t`)
      .where(scope)
      .groupBy(sql`t`),
  ]);
  return {
    cities: cities.map((c) => ({ city: c.city, count: Number(c.n) })),
    tags: mergeSpellings(tags.map((t) => ({ tag: t.tag, count: Number(t.n) }))),
  };
}

export async function countDue(db: Db, organizationId: string, ownerId: string, today: string) {
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(ownerScope(organizationId, ownerId), lte(contacts.nextFollowUpOn, today)));
  return Number(row?.n ?? 0);
}
