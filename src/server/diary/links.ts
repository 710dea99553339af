// What links do: an entry's contacts (and their interaction logs) and its members, checked on write.
import { randomUUID } from 'node:crypto';
import type { InteractionKind } from '../../core/contacts/fields.ts';
import { nextDay } from '../../core/diary/fields.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import {
  deleteInteractions,
  getContact,
  insertInteraction,
  lastInteractionOn,
  lockContact,
  redateInteractions,
  updateContact,
} from '../contacts/queries.ts';
import { AppError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { memberAccess } from '../structure/policy.ts';
import { getMember } from '../structure/queries.ts';
import { clearInteractionLinks, type EntryRow, insertLinks, linkRows } from './queries.ts';

/** What a diary entry writes into a linked contact's interaction log. */
const INTERACTION_OF: Record<NonNullable<EntryRow['eventType']>, InteractionKind> = {
  meeting: 'meeting',
  two_plus_one: 'two_plus_one',
  presentation: 'meeting',
  training: 'meeting',
  call: 'call',
  other: 'meeting',
};

export function diaryLinks({ clock }: Pick<Deps, 'clock'>) {
  /** The latest day that is "today" somewhere: the server's UTC date plus one. */
  const dayAfterToday = () => nextDay(clock.now().toISOString().slice(0, 10));

  /** Removes the log lines an entry wrote; a contact's last contact falls back to what is left. */
  async function unlogEntry(tx: Db, actor: Actor, entry: EntryRow) {
    const links = (await linkRows(tx, actor.organizationId, entry.id)).filter((l) => l.interactionId);
    await deleteInteractions(
      tx,
      actor.organizationId,
      links.map((l) => l.interactionId!),
    );
    for (const l of links) {
      const found = await getContact(tx, actor.organizationId, l.contactId!, () => '');
      if (found?.contact.lastContactOn === entry.day)
        await updateContact(tx, actor.organizationId, l.contactId!, {
          lastContactOn: await lastInteractionOn(tx, actor.organizationId, l.contactId!),
          updatedAt: clock.now(),
        });
    }
    await clearInteractionLinks(tx, actor.organizationId, entry.id);
  }

  /**
   * Links an entry to my contacts and to members of my structure; members linked to an event are
   * invited to it (they answer in their own diary). An event or note of today or before
   * writes a line into each linked contact's log (kind and date only: the diary's words stay private,
   * also from a sponsor the contact is shared with), sets the last contact, and its "call back on"
   * becomes the next follow-up — or else a follow-up due by then counts as done, as when logging.
   */
  async function link(tx: Db, actor: Actor, entry: EntryRow, contactIds: string[], memberIds: string[]) {
    const rows = [];
    const held = entry.kind !== 'task' && entry.day <= dayAfterToday();
    const seenContacts = new Set<string>();
    for (const [i, contactId] of contactIds.entries()) {
      if (seenContacts.has(contactId)) continue;
      seenContacts.add(contactId);
      await lockContact(tx, actor.organizationId, contactId);
      const found = await getContact(tx, actor.organizationId, contactId, () => '');
      if (!found || found.contact.ownerId !== actor.memberId)
        throw new AppError(404, 'not_found', 'Contact not found.', [
          { path: `contactIds.${i}`, code: 'not_found', message: 'Contact not found' },
        ]);
      let interactionId: string | null = null;
      if (held) {
        interactionId = randomUUID();
        await insertInteraction(tx, {
          organizationId: actor.organizationId,
          id: interactionId,
          contactId,
          kind: INTERACTION_OF[entry.eventType ?? 'meeting'],
          occurredOn: entry.day,
          outcome: null,
          note: null,
          stage: null,
          nextFollowUpOn: entry.callBackOn,
          createdAt: clock.now(),
        });
        const c = found.contact;
        const nextFollowUpOn = entry.callBackOn
          ? entry.callBackOn
          : c.nextFollowUpOn && c.nextFollowUpOn <= entry.day
            ? null
            : c.nextFollowUpOn;
        await updateContact(tx, actor.organizationId, contactId, {
          lastContactOn: !c.lastContactOn || c.lastContactOn < entry.day ? entry.day : c.lastContactOn,
          nextFollowUpOn,
          ...(c.stage === 'new' ? { stage: 'contacted' as const } : {}),
          updatedAt: clock.now(),
        });
      }
      rows.push({
        organizationId: actor.organizationId,
        id: randomUUID(),
        entryId: entry.id,
        contactId,
        interactionId,
      });
    }
    const seenMembers = new Set<string>();
    for (const [i, memberId] of memberIds.entries()) {
      if (seenMembers.has(memberId)) continue;
      seenMembers.add(memberId);
      const member = await getMember(tx, actor.organizationId, memberId);
      if (!member || memberAccess(actor, member) === null)
        throw new AppError(404, 'not_found', 'Member not found.', [
          { path: `memberIds.${i}`, code: 'not_found', message: 'Member not found' },
        ]);
      // A member linked to an event of mine is invited to it (I do not invite myself).
      const invited = entry.kind === 'event' && memberId !== actor.memberId;
      rows.push({
        organizationId: actor.organizationId,
        id: randomUUID(),
        entryId: entry.id,
        memberId,
        response: invited ? ('pending' as const) : null,
      });
    }
    await insertLinks(tx, rows);
  }

  /** An entry moved to another (past or present) day: the log lines it wrote take the new date. */
  async function relogEntry(tx: Db, actor: Actor, entry: EntryRow, day: string) {
    const links = (await linkRows(tx, actor.organizationId, entry.id)).filter((l) => l.interactionId);
    await redateInteractions(
      tx,
      actor.organizationId,
      links.map((l) => l.interactionId!),
      day,
    );
    for (const l of links) {
      const found = await getContact(tx, actor.organizationId, l.contactId!, () => '');
      if (!found) continue;
      const last = found.contact.lastContactOn;
      await updateContact(tx, actor.organizationId, l.contactId!, {
        lastContactOn:
          last === entry.day
            ? await lastInteractionOn(tx, actor.organizationId, l.contactId!)
            : !last || last < day
              ? day
              : last,
        updatedAt: clock.now(),
      });
    }
  }

  return { link, unlogEntry, relogEntry, dayAfterToday };
}
