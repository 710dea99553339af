// Who sees and posts orders:
// - a member's orders are read by the member, their whole upline and admins; anybody else — another
//   branch, their own downline, another organization — gets "not found", so ids cannot be probed;
// - the same people post orders for the member and reverse them (the sponsor enters what a newcomer
//   sold; an admin what the back office forgot);
// - a buyer contact must be the credited member's own, named by that member: contacts are private, so
//   nobody else may even refer to one (and a contact's name is shown to the member only);
// - the catalog is read by every member (active products), managed by admins; imports are the admins'.
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import { memberAccess } from '../structure/policy.ts';

interface Credited {
  id: string;
  path: string;
}

export const orderPolicy = {
  /** Reading, posting and reversing a member's orders. */
  canSee(actor: Actor, member: Credited) {
    return memberAccess(actor, member) === 'full';
  },

  read(actor: Actor, member: Credited) {
    if (!orderPolicy.canSee(actor, member)) throw errors.notFound('Member');
  },

  post(actor: Actor, member: Credited) {
    orderPolicy.read(actor, member);
  },

  reverse(actor: Actor, member: Credited) {
    // An order outside the view does not exist for the actor.
    if (!orderPolicy.canSee(actor, member)) throw errors.notFound('Order');
  },

  /** Only the credited member names one of their own contacts as the buyer. */
  mayNameContact(actor: Actor, member: Credited) {
    return actor.memberId === member.id;
  },

  /** A contact buyer's name: the credited member only. */
  seesContactName(actor: Actor, creditedMemberId: string) {
    return actor.memberId === creditedMemberId;
  },

  listAllProducts(actor: Actor) {
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins see inactive products.');
  },

  manageProducts(actor: Actor) {
    if (actor.role !== 'admin')
      throw errors.forbidden('Only organization admins manage the product catalog.');
  },

  importOrders(actor: Actor) {
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins import orders.');
  },
};
