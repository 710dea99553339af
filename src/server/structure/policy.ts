// Who sees and changes what in the sponsor tree:
// - a member sees their own record and their whole downline in full;
// - of their upline they see names only (the path up to the root), nothing else of the tree;
// - organization admins see and manage the whole organization;
// - nothing of another organization is ever reachable (every query is scoped by the actor's organization).
import { isInSubtree } from '../../core/structure/path.ts';
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';

export type MemberAccess = 'full' | 'upline' | null;

export function memberAccess(actor: Actor, target: { path: string }): MemberAccess {
  if (actor.role === 'admin') return 'full';
  if (isInSubtree(target.path, actor.path)) return 'full';
  if (isInSubtree(actor.path, target.path)) return 'upline';
  return null;
}

export const structurePolicy = {
  /** Reading a member's page, frontline, downline or search: the member must be in the actor's view. */
  read(actor: Actor, target: { path: string }) {
    // Outside the view it does not exist, so ids cannot be probed.
    if (memberAccess(actor, target) !== 'full') throw errors.notFound('Member');
  },

  /** Adding someone by hand: under oneself or anyone in one's downline (admins: anywhere). */
  addUnder(actor: Actor, sponsor: { path: string }) {
    structurePolicy.read(actor, sponsor);
  },

  /**
   * Editing a profile: the member themselves, an admin, or — for a member without an account, whom
   * nobody else can keep current — anyone whose downline they are in.
   */
  edit(actor: Actor, target: { id: string; path: string; userId: string | null }) {
    structurePolicy.read(actor, target);
    if (actor.role === 'admin' || target.id === actor.memberId || target.userId === null) return;
    throw errors.forbidden('Members with an account keep their own profile.');
  },

  /**
   * Signing a member out everywhere (ending their account's sessions): organization admins only. A member
   * outside the actor's view is not found; one inside it, for a non-admin, is forbidden.
   */
  signOut(actor: Actor, target: { path: string }) {
    structurePolicy.read(actor, target);
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins can sign members out.');
  },

  /** Moving a subtree re-parents people and their numbers: organization admins only. */
  move(actor: Actor) {
    if (actor.role !== 'admin') throw errors.forbidden('Only organization admins can move members.');
  },
};
