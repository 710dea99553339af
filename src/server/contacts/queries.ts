// Reads and writes of single contacts, their log, imports' keys and merges, and the link to a member who
// joined. Every function takes the organization id. The owner's lists are in lists.ts.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ContactList } from '../../core/contacts/fields.ts';
import type { Db } from '../../db/client.ts';
import { contactInteractions, contacts, members } from '../../db/schema/index.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type InteractionRow = typeof contactInteractions.$inferSelect;

/** `%`, `_` and `\` are literal in what people type. */
export function likeTerm(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function ownerScope(organizationId: string, ownerId: string) {
  return and(eq(contacts.organizationId, organizationId), eq(contacts.ownerId, ownerId))!;
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
      owner: {
        id: members.id,
        name: members.name,
        sponsorId: members.sponsorId,
        city: members.city,
        country: members.country,
      },
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

/**
 * Ends every share of a member's contacts: a share is with the sponsor the owner had when sharing, and
 * a move in the tree ends it for good (moving back does not bring it back; the owner shares again).
 */
export async function endContactShares(db: Db, organizationId: string, ownerId: string) {
  await db
    .update(contacts)
    .set({ sharedAt: null, sharedWithId: null })
    .where(
      and(
        eq(contacts.organizationId, organizationId),
        eq(contacts.ownerId, ownerId),
        isNotNull(contacts.sharedWithId),
      ),
    );
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

/** Removes log entries by id (those a deleted diary entry wrote). */
export async function deleteInteractions(db: Db, organizationId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .delete(contactInteractions)
    .where(and(eq(contactInteractions.organizationId, organizationId), inArray(contactInteractions.id, ids)));
}

/** Gives log entries another date (their diary entry moved to another day). */
export async function redateInteractions(db: Db, organizationId: string, ids: string[], day: string) {
  if (ids.length === 0) return;
  await db
    .update(contactInteractions)
    .set({ occurredOn: day })
    .where(and(eq(contactInteractions.organizationId, organizationId), inArray(contactInteractions.id, ids)));
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
