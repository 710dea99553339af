// Contacts as the API shows them.
import type { ContactDraft, ContactList } from '../../core/contacts/fields.ts';
import type { ContactRow, InteractionRow } from './queries.ts';

export function presentContactSummary(row: { contact: ContactRow; list: ContactList }) {
  const c = row.contact;
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    messengers: c.messengers,
    city: c.city,
    list: row.list,
    relationship: c.relationship,
    tags: c.tags,
    stage: c.stage,
    nextFollowUpOn: c.nextFollowUpOn,
    lastContactOn: c.lastContactOn,
    shared: c.sharedAt !== null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentContact(row: {
  contact: ContactRow;
  list: ContactList;
  member: { id: string; name: string } | null;
}) {
  const c = row.contact;
  return {
    ...presentContactSummary(row),
    listChosen: c.listOverride !== null,
    source: c.source,
    interests: c.interests,
    needs: c.needs,
    notes: c.notes,
    member: row.member,
    invitationId: c.invitationId,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentInteraction(i: InteractionRow) {
  return {
    id: i.id,
    kind: i.kind,
    occurredOn: i.occurredOn,
    outcome: i.outcome,
    note: i.note,
    stage: i.stage,
    nextFollowUpOn: i.nextFollowUpOn,
    createdAt: i.createdAt.toISOString(),
  };
}

/** A stored contact as the import and export files see it. */
export function draftOfContact(c: ContactRow): ContactDraft {
  return {
    name: c.name,
    phone: c.phone,
    email: c.email,
    messengers: c.messengers,
    city: c.city,
    relationship: c.relationship,
    source: c.source,
    interests: c.interests,
    needs: c.needs,
    notes: c.notes,
    tags: c.tags,
    stage: c.stage,
    nextFollowUpOn: c.nextFollowUpOn,
    lastContactOn: c.lastContactOn,
  };
}
