// The contacts' use cases: the owner's lists, overview and follow-ups, the interaction log, sharing with
// the sponsor, inviting a contact, and the counts others may see. Policy first, then queries.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type ContactDraft,
  cityKey,
  cleanTags,
  fold,
  JOINED_STAGES,
  listOf,
  searchText,
} from '../../core/contacts/fields.ts';
import { phoneKey } from '../../core/contacts/phone.ts';
import { dayIn } from '../../core/plans/periods.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, errors, invalidField } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { revokeInvitation } from '../invitations/queries.ts';
import { invitationService } from '../invitations/service.ts';
import { getMember, type MemberRow } from '../structure/queries.ts';
import {
  type ContactFilter,
  citiesAndTags,
  countContacts,
  countDue,
  dueContacts,
  listContacts,
  type ResolvedFilter,
  tagSpellings,
} from './lists.ts';
import { contactPolicy } from './policy.ts';
import { presentContact, presentContactSummary, presentInteraction } from './presenters.ts';
import {
  type ContactRow,
  deleteContact,
  deleteInteraction,
  getContact,
  insertContacts,
  insertInteraction,
  lastInteractionOn,
  listInteractions,
  lockContact,
  type NewContact,
  sharedWith,
  updateContact,
} from './queries.ts';
import type {
  contactInvitationBody,
  createContactBody,
  listContactsQuery,
  logInteractionBody,
  updateContactBody,
} from './schemas.ts';

type Fields = Partial<ContactDraft> & { list?: ContactRow['listOverride'] };

/** Derived columns (keys for lists, duplicates and search) of a contact's fields. */
export function derivedColumns(
  c: Pick<ContactDraft, 'name' | 'phone' | 'email' | 'city' | 'tags' | 'source' | 'messengers'>,
  ownerCountry: string | null,
) {
  return {
    nameKey: fold(c.name),
    phoneKey: phoneKey(c.phone, ownerCountry),
    cityKey: cityKey(c.city),
    searchText: searchText(c),
  };
}

/** The day after a moment's UTC date. */
function dayAfter(now: Date) {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function contactService({ database, clock, ...rest }: Deps) {
  const { db } = database;
  const invitations = invitationService({ database, clock, ...rest });
  const todayOf = (today?: string) => today ?? clock.now().toISOString().slice(0, 10);

  /** The asking member's own record: their city decides list 1, their country reads phone numbers. */
  async function ownerOf(actor: Actor, tx: Db = db): Promise<MemberRow> {
    const member = await getMember(tx, actor.organizationId, actor.memberId);
    if (!member) throw errors.unauthenticated();
    return member;
  }

  async function readable(actor: Actor, id: string) {
    const row = await getContact(db, actor.organizationId, id, cityKey);
    if (!row) throw errors.notFound('Contact');
    const access = contactPolicy.read(actor, { ...row.contact, ownerSponsorId: row.owner.sponsorId });
    return { row, access };
  }

  /** The contact if the actor may change it; inside a transaction (`tx`) its row stays locked. */
  async function changeable(actor: Actor, id: string, tx: Db = db) {
    if (tx !== db) await lockContact(tx, actor.organizationId, id);
    const row = await getContact(tx, actor.organizationId, id, cityKey);
    if (!row) throw errors.notFound('Contact');
    contactPolicy.change(actor, { ...row.contact, ownerSponsorId: row.owner.sponsorId });
    return row;
  }

  /** Tags compare folded: the filter's tag becomes the spellings the owner uses of it. */
  async function resolveFilter(actor: Actor, filter: ContactFilter): Promise<ResolvedFilter> {
    const { tag, ...rest } = filter;
    if (!tag) return rest;
    return { ...rest, tagSpellings: await tagSpellings(db, actor.organizationId, actor.memberId, tag) };
  }

  /** Adds a contact inside a caller's transaction (e.g. a diary note's new contacts); returns its id. */
  async function insert(actor: Actor, input: z.input<typeof createContactBody>, tx: Db = db) {
    const owner = await ownerOf(actor, tx);
    const now = clock.now();
    const id = randomUUID();
    const values = columnsOf(input, null, owner, now);
    await insertContacts(tx, [
      {
        ...values,
        name: input.name,
        organizationId: actor.organizationId,
        id,
        ownerId: actor.memberId,
        createdAt: now,
      } as NewContact,
    ]);
    return id;
  }

  async function page(actor: Actor, id: string) {
    const { row, access } = await readable(actor, id);
    const interactions = await listInteractions(db, actor.organizationId, id);
    return {
      contact: presentContact(row),
      interactions: interactions.map(presentInteraction),
      access,
      owner: { id: row.owner.id, name: row.owner.name, country: row.owner.country },
    };
  }

  /** The columns of a write: the fields given, tags cleaned, and the keys recomputed from the result. */
  function columnsOf(fields: Fields, current: ContactRow | null, owner: MemberRow, now: Date) {
    const { list, tags, ...plain } = fields;
    const values: Partial<NewContact> = { ...plain, updatedAt: now };
    if (plain.messengers)
      values.messengers = Object.fromEntries(Object.entries(plain.messengers).filter(([, handle]) => handle));
    if (tags !== undefined) values.tags = cleanTags(tags);
    if (list !== undefined) values.listOverride = list;
    // Moving a contact to "invited" is an invitation on the owner's today (plans count them).
    if (plain.stage === 'invited' && current?.stage !== 'invited')
      values.invitedOn = dayIn(now, owner.timeZone ?? 'UTC');
    const merged = {
      name: values.name ?? current?.name ?? '',
      phone: values.phone !== undefined ? values.phone : (current?.phone ?? null),
      email: values.email !== undefined ? values.email : (current?.email ?? null),
      city: values.city !== undefined ? values.city : (current?.city ?? null),
      tags: values.tags ?? current?.tags ?? [],
      source: values.source !== undefined ? values.source : (current?.source ?? null),
      messengers: values.messengers ?? current?.messengers ?? {},
    };
    return { ...values, ...derivedColumns(merged, owner.country) };
  }

  return {
    page,

    async list(actor: Actor, query: z.infer<typeof listContactsQuery>) {
      const owner = await ownerOf(actor);
      const { sort, direction, offset, limit, today, ...filter } = query;
      const resolved = await resolveFilter(actor, filter);
      const { rows, total } = await listContacts(db, actor.organizationId, actor.memberId, resolved, {
        ownCityKey: cityKey(owner.city),
        today: todayOf(today),
        cityKeyOf: cityKey,
        sort,
        direction,
        offset,
        limit,
      });
      return { total, rows: rows.map(presentContactSummary) };
    },

    async overview(actor: Actor, today?: string) {
      const owner = await ownerOf(actor);
      const ownCityKey = cityKey(owner.city);
      const [counts, extra, due] = await Promise.all([
        countContacts(db, actor.organizationId, actor.memberId, ownCityKey, todayOf(today)),
        citiesAndTags(db, actor.organizationId, actor.memberId, ownCityKey),
        countDue(db, actor.organizationId, actor.memberId, todayOf(today)),
      ]);
      return { ...counts, ...extra, due, ownCity: owner.city };
    },

    async due(actor: Actor, today: string | undefined, limit: number) {
      const owner = await ownerOf(actor);
      const due = await dueContacts(
        db,
        actor.organizationId,
        actor.memberId,
        cityKey(owner.city),
        todayOf(today),
        limit,
      );
      return { ...due, rows: due.rows.map(presentContactSummary) };
    },

    /** What the members of my frontline share with me. The list is derived from the owner's city. */
    async shared(actor: Actor) {
      const rows = await sharedWith(db, actor.organizationId, actor.memberId);
      return {
        rows: rows.map((r) => ({
          ...presentContactSummary({
            contact: r.contact,
            list: listOf(r.contact.cityKey, cityKey(r.owner.city), r.contact.listOverride),
          }),
          owner: { id: r.owner.id, name: r.owner.name },
        })),
      };
    },

    async create(actor: Actor, input: z.infer<typeof createContactBody>) {
      return (await page(actor, await insert(actor, input))).contact;
    },

    insert,

    async update(actor: Actor, id: string, input: z.infer<typeof updateContactBody>) {
      const row = await changeable(actor, id);
      const owner = await ownerOf(actor);
      await updateContact(db, actor.organizationId, id, columnsOf(input, row.contact, owner, clock.now()));
      return (await page(actor, id)).contact;
    },

    async remove(actor: Actor, id: string) {
      await changeable(actor, id);
      await deleteContact(db, actor.organizationId, id);
    },

    /**
     * Logs a call, message or meeting. It sets the last contact date; it moves a new contact to
     * contacted (or to the stage given); a follow-up that was due by then is done unless a new one is set.
     */
    async logInteraction(actor: Actor, id: string, input: z.infer<typeof logInteractionBody>) {
      const today = todayOf(input.today);
      const occurredOn = input.occurredOn ?? today;
      // The device's date may run a day ahead of the server's (time zones), not more.
      if (occurredOn > today || occurredOn > dayAfter(clock.now()))
        throw invalidField('occurredOn', 'future_date', 'The date of a contact cannot be in the future.');
      await db.transaction(async (tx) => {
        const c = (await changeable(actor, id, tx)).contact;
        const stage = input.stage ?? (c.stage === 'new' ? 'contacted' : undefined);
        const nextFollowUpOn =
          input.nextFollowUpOn !== undefined
            ? input.nextFollowUpOn
            : c.nextFollowUpOn && c.nextFollowUpOn <= occurredOn
              ? null
              : c.nextFollowUpOn;
        const now = clock.now();
        await insertInteraction(tx, {
          organizationId: actor.organizationId,
          id: randomUUID(),
          contactId: id,
          kind: input.kind,
          occurredOn,
          outcome: input.outcome ?? null,
          note: input.note ?? null,
          stage: stage && stage !== c.stage ? stage : null,
          nextFollowUpOn: input.nextFollowUpOn ?? null,
          createdAt: now,
        });
        await updateContact(tx, actor.organizationId, id, {
          lastContactOn: c.lastContactOn && c.lastContactOn > occurredOn ? c.lastContactOn : occurredOn,
          nextFollowUpOn,
          ...(stage ? { stage } : {}),
          ...(stage === 'invited' && c.stage !== 'invited' ? { invitedOn: occurredOn } : {}),
          updatedAt: now,
        });
      });
      return page(actor, id);
    },

    /** Removes a mistaken log entry; the last contact date falls back to the latest one left. */
    async removeInteraction(actor: Actor, id: string, interactionId: string) {
      await db.transaction(async (tx) => {
        const row = await changeable(actor, id, tx);
        const [removed] = (await listInteractions(tx, actor.organizationId, id)).filter(
          (i) => i.id === interactionId,
        );
        if (!removed || !(await deleteInteraction(tx, actor.organizationId, id, interactionId)))
          throw errors.notFound('Interaction');
        if (row.contact.lastContactOn === removed.occurredOn) {
          const latest = await lastInteractionOn(tx, actor.organizationId, id);
          await updateContact(tx, actor.organizationId, id, {
            lastContactOn: latest,
            updatedAt: clock.now(),
          });
        }
      });
    },

    /** Shares with the owner's sponsor of now; a later move in the tree ends the share (moveSubtree). */
    async share(actor: Actor, id: string, shared: boolean) {
      const row = await changeable(actor, id);
      const sponsorId = row.owner.sponsorId;
      if (shared && !sponsorId)
        throw new AppError(409, 'no_sponsor', 'You have no sponsor to share this contact with.');
      const now = clock.now();
      if (!shared)
        await updateContact(db, actor.organizationId, id, {
          sharedAt: null,
          sharedWithId: null,
          updatedAt: now,
        });
      else if (!row.contact.sharedAt || row.contact.sharedWithId !== sponsorId)
        await updateContact(db, actor.organizationId, id, {
          sharedAt: now,
          sharedWithId: sponsorId,
          updatedAt: now,
        });
      return (await page(actor, id)).contact;
    },

    /**
     * A one-use invitation link prefilled from the contact; whoever joins through it is linked back here.
     * A new link withdraws the contact's earlier one, so only one can link the contact.
     */
    async invite(actor: Actor, id: string, input: z.infer<typeof contactInvitationBody>) {
      return db.transaction(async (tx) => {
        const row = await changeable(actor, id, tx);
        if (row.contact.memberId || JOINED_STAGES.includes(row.contact.stage))
          throw new AppError(409, 'already_member', 'This contact has already joined.');
        const now = clock.now();
        if (row.contact.invitationId)
          await revokeInvitation(tx, actor.organizationId, row.contact.invitationId, now);
        const invitation = await invitations.create(
          actor,
          {
            kind: input.kind,
            expiresInDays: input.expiresInDays,
            maxUses: 1,
            name: row.contact.name,
            ...(row.contact.email ? { email: row.contact.email } : {}),
          },
          tx,
        );
        await updateContact(tx, actor.organizationId, id, { invitationId: invitation.id, updatedAt: now });
        return invitation;
      });
    },

    /** Counts of a member's lists: what their upline and admins may see (never names or notes). */
    async counts(actor: Actor, memberId: string, today?: string) {
      const member = await getMember(db, actor.organizationId, memberId);
      if (!member) throw errors.notFound('Member');
      contactPolicy.counts(actor, member);
      return countContacts(db, actor.organizationId, member.id, cityKey(member.city), todayOf(today));
    },

    ownerOf,
    todayOf,
    resolveFilter,
  };
}

export type ContactService = ReturnType<typeof contactService>;
export type { ContactFilter };
