// Invitation links: every member makes their own; admins make them for anyone; a link for a member
// added by hand (to give them an account) comes from anyone whose downline they are in.
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import { memberAccess, structurePolicy } from '../structure/policy.ts';

export const invitationPolicy = {
  /** Making or listing links that place people under `sponsor`. */
  manageFor(actor: Actor, sponsor: { id: string; path: string }) {
    if (actor.role === 'admin' || sponsor.id === actor.memberId) return;
    // Outside one's downline the member "does not exist", so ids cannot be probed; inside it, links
    // are still personal.
    if (memberAccess(actor, sponsor) !== 'full') throw errors.notFound('Member');
    throw errors.forbidden('Invitation links are personal: you make them for yourself.');
  },

  /** A link that gives an existing member (added by hand) their account. */
  inviteExisting(actor: Actor, member: { path: string }) {
    structurePolicy.read(actor, member);
  },

  /** Revoking: whoever made the link, the sponsor it is for, or an admin. */
  revoke(actor: Actor, invitation: { sponsorId: string; createdByMemberId: string }) {
    if (
      actor.role === 'admin' ||
      [invitation.sponsorId, invitation.createdByMemberId].includes(actor.memberId)
    )
      return;
    throw errors.notFound('Invitation');
  },
};
