// Reads and writes of contacts. Every function takes the organization id and, for lists, the owner:
// one member's contacts lie together in the (organization_id, owner_id, …) indexes.
import { and, asc, count, desc, eq, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { type ContactList, fold } from '../../core/contacts/fields.ts';
import type { Db } from '../../db/client.ts';
import { contactInteractions, contacts, members } from '../../db/schema/index.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type InteractionRow = typeof contactInteractions.$inferSelect;

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

/** `%`, `_` and `\` are literal in what people type. */
function likeTerm(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function ownerScope(organizationId: string, ownerId: string) {
  return and(eq(contacts.organizationId, organizationId), eq(contacts.ownerId, ownerId))!;
}

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
    const spellings = filter.tagSpellings.map((t) => sql`${t}`);
    conditions.push(
      spellings.length ? sql`${contacts.tags} && array[${sql.join(spellings, sql`, `)}]::text[]` : sql`false`,
    );
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

/** Locks a contact's row until the transaction ends (writes that read it first). */
export async function lockContact(db: Db, organizationId: string, id: string) {
  await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)))
    .for('update');
}

/** A contact with what the policy needs of its owner. */
export async function getContact(
  db: Db,
  organizationId: string,
  id: string,
  ownCityKeyOf: (city: string | null) => string,
) {
  const [row] = await db
    .select({
      contact: contacts,
      owner: { id: members.id, name: members.name, sponsorId: members.sponsorId, city: members.city },
      member: { id: sql<string | null>`linked.id`, name: sql<string | null>`linked.name` },
    })
    .from(contacts)
    .innerJoin(
      members,
      and(eq(members.organizationId, contacts.organizationId), eq(members.id, contacts.ownerId)),
    )
    .leftJoin(
      sql`members linked`,
      sql`linked.organization_id = ${contacts.organizationId} and linked.id = ${contacts.memberId}`,
    )
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)));
  if (!row) return null;
  const ownCityKey = ownCityKeyOf(row.owner.city);
  const list: ContactList =
    row.contact.listOverride ??
    (row.contact.cityKey === '' || row.contact.cityKey === ownCityKey ? 'own' : 'other');
  return {
    ...row,
    list,
    member: row.member.id ? { id: row.member.id, name: row.member.name ?? '' } : null,
  };
}

/** Contacts the members of a sponsor's frontline share with them. */
export async function sharedWith(db: Db, organizationId: string, sponsorId: string) {
  return db
    .select({ contact: contacts, owner: { id: members.id, name: members.name, city: members.city } })
    .from(contacts)
    .innerJoin(
      members,
      and(eq(members.organizationId, contacts.organizationId), eq(members.id, contacts.ownerId)),
    )
    .where(
      and(
        eq(contacts.organizationId, organizationId),
        eq(contacts.sharedWithId, sponsorId),
        eq(members.sponsorId, sponsorId),
        isNotNull(contacts.sharedAt),
      ),
    )
    .orderBy(desc(contacts.sharedAt), asc(contacts.id));
}

export async function insertContacts(db: Db, rows: NewContact[]) {
  if (rows.length === 0) return;
  await db.insert(contacts).values(rows);
}

export async function updateContact(db: Db, organizationId: string, id: string, values: Partial<NewContact>) {
  const [row] = await db
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)))
    .returning();
  return row!;
}

export async function deleteContact(db: Db, organizationId: string, id: string) {
  await db.delete(contacts).where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)));
}

export async function listInteractions(db: Db, organizationId: string, contactId: string) {
  return db
    .select()
    .from(contactInteractions)
    .where(
      and(
        eq(contactInteractions.organizationId, organizationId),
        eq(contactInteractions.contactId, contactId),
      ),
    )
    .orderBy(desc(contactInteractions.occurredOn), desc(contactInteractions.createdAt));
}

export async function insertInteraction(db: Db, row: typeof contactInteractions.$inferInsert) {
  const [inserted] = await db.insert(contactInteractions).values(row).returning();
  return inserted!;
}

export async function deleteInteraction(db: Db, organizationId: string, contactId: string, id: string) {
  const deleted = await db
    .delete(contactInteractions)
    .where(
      and(
        eq(contactInteractions.organizationId, organizationId),
        eq(contactInteractions.contactId, contactId),
        eq(contactInteractions.id, id),
      ),
    )
    .returning({ id: contactInteractions.id });
  return deleted.length > 0;
}

/** The latest interaction date of a contact (after one was removed), or null. */
export async function lastInteractionOn(db: Db, organizationId: string, contactId: string) {
  const [row] = await db
    .select({ on: sql<string | null>`max(${contactInteractions.occurredOn})` })
    .from(contactInteractions)
    .where(
      and(
        eq(contactInteractions.organizationId, organizationId),
        eq(contactInteractions.contactId, contactId),
      ),
    );
  return row?.on ?? null;
}

/** The phone and e-mail keys of all an owner's contacts (for duplicates on import). */
export async function contactKeys(db: Db, organizationId: string, ownerId: string) {
  return db
    .select({ id: contacts.id, name: contacts.name, phoneKey: contacts.phoneKey, email: contacts.email })
    .from(contacts)
    .where(ownerScope(organizationId, ownerId));
}

/** Some of an owner's contacts, by id (merging imported duplicates into them). */
export async function contactsByIds(db: Db, organizationId: string, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(ownerScope(organizationId, ownerId), inArray(contacts.id, ids)));
}

export type MergedContact = Pick<
  NewContact,
  | 'id'
  | 'nameKey'
  | 'phone'
  | 'phoneKey'
  | 'email'
  | 'messengers'
  | 'city'
  | 'cityKey'
  | 'relationship'
  | 'source'
  | 'interests'
  | 'needs'
  | 'notes'
  | 'tags'
  | 'nextFollowUpOn'
  | 'lastContactOn'
  | 'searchText'
>;

/** Writes merged duplicates back in one statement per batch (an import may merge thousands). */
export async function mergeContacts(
  db: Db,
  organizationId: string,
  ownerId: string,
  rows: MergedContact[],
  now: Date,
) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      name_key: r.nameKey,
      phone: r.phone,
      phone_key: r.phoneKey,
      email: r.email,
      messengers: r.messengers ?? {},
      city: r.city,
      city_key: r.cityKey ?? '',
      relationship: r.relationship,
      source: r.source,
      interests: r.interests,
      needs: r.needs,
      notes: r.notes,
      tags: r.tags ?? [],
      next_follow_up_on: r.nextFollowUpOn,
      last_contact_on: r.lastContactOn,
      search_text: r.searchText,
    })),
  );
  await db.execute(sql`
    update contacts c set
      name_key = v.name_key, phone = v.phone, phone_key = v.phone_key, email = v.email,
      messengers = v.messengers, city = v.city, city_key = v.city_key,
      relationship = v.relationship::contact_relationship, source = v.source, interests = v.interests,
      needs = v.needs, notes = v.notes, tags = v.tags, next_follow_up_on = v.next_follow_up_on,
      last_contact_on = v.last_contact_on, search_text = v.search_text, updated_at = ${now.toISOString()}
    from jsonb_to_recordset(${json}::jsonb) as v(
      id uuid, name_key text, phone text, phone_key text, email text, messengers jsonb, city text,
      city_key text, relationship text, source text, interests text, needs text, notes text, tags text[],
      next_follow_up_on date, last_contact_on date, search_text text)
    where c.organization_id = ${organizationId} and c.owner_id = ${ownerId} and c.id = v.id`);
}

/** Links contacts made into an invitation to the member who joined through it. */
export async function linkJoinedContacts(
  db: Db,
  organizationId: string,
  invitationId: string,
  memberId: string,
  stage: ContactRow['stage'],
  now: Date,
) {
  await db
    .update(contacts)
    .set({ memberId, stage, updatedAt: now })
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.invitationId, invitationId)));
}
