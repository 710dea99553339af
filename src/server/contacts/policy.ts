// Who reads and changes contacts. A member's contacts are theirs alone:
// - the owner reads and changes them;
// - the owner's sponsor reads (never changes) a contact while the owner shares it with them and while
//   they remain the owner's sponsor (a move in the tree ends the share: structure/queries.ts
//   moveSubtree; the sponsor check here is a second line);
// - everybody else — other members, the upline, organization admins — gets "not found" for a contact, so
//   ids cannot be probed, and may see only the counts of someone's lists (contactCounts).
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import { structurePolicy } from '../structure/policy.ts';

export type ContactAccess = 'owner' | 'sponsor';

interface ContactOwnership {
  ownerId: string;
  ownerSponsorId: string | null;
  sharedAt: Date | null;
  sharedWithId: string | null;
}

const notFound = () => errors.notFound('Contact');

export function contactAccess(actor: Actor, contact: ContactOwnership): ContactAccess | null {
  if (contact.ownerId === actor.memberId) return 'owner';
  // Shared with this sponsor, who still is the owner's sponsor (a move has ended the share already).
  if (
    contact.sharedAt &&
    contact.sharedWithId === actor.memberId &&
    contact.ownerSponsorId === actor.memberId
  )
    return 'sponsor';
  return null;
}

export const contactPolicy = {
  read(actor: Actor, contact: ContactOwnership): ContactAccess {
    const access = contactAccess(actor, contact);
    if (!access) throw notFound();
    return access;
  },

  /** Changing, logging, sharing, inviting, deleting: the owner only. The sponsor is told it is read-only. */
  change(actor: Actor, contact: ContactOwnership) {
    const access = contactPolicy.read(actor, contact);
    if (access !== 'owner')
      throw errors.forbidden('This contact was shared with you to read; only its owner can change it.');
  },

  /** Counts of a member's lists: whoever may see that member in full (themselves, upline, admins). */
  counts(actor: Actor, member: { path: string }) {
    structurePolicy.read(actor, member);
  },
};
