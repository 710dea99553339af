// Who does what with trainings. Trainings are organization-wide events: every member of the
// organization sees them and registers themselves.
// - partners and admins create trainings (the creator organizes it); customers do not;
// - the organizer and admins edit and cancel a training and record attendance — of anyone registered,
//   and of walk-ins the recorder can see in the tree (admins: anyone; others: their own line);
// - registrations: the organizer and admins see everyone registered; others see themselves and members of
//   their own downline;
// - "interested in development" is shown to the member, their upline and admins;
// - another organization's training does not exist (404), so ids cannot be probed.
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import { memberAccess } from '../structure/policy.ts';

interface Training {
  organizerId: string;
}

export const trainingPolicy = {
  canCreate(actor: Actor, kind: 'partner' | 'customer') {
    return actor.role === 'admin' || kind === 'partner';
  },

  create(actor: Actor, kind: 'partner' | 'customer') {
    if (!trainingPolicy.canCreate(actor, kind))
      throw errors.forbidden('Partners and admins organize trainings.');
  },

  canManage(actor: Actor, training: Training) {
    return actor.role === 'admin' || training.organizerId === actor.memberId;
  },

  /** Editing, cancelling, recording attendance, searching walk-ins. */
  manage(actor: Actor, training: Training) {
    if (!trainingPolicy.canManage(actor, training))
      throw errors.forbidden('Only the organizer or an admin can change this training.');
  },

  /** Whose registration the actor sees in the list. */
  seesRegistration(actor: Actor, training: Training, member: { path: string }) {
    return trainingPolicy.canManage(actor, training) || memberAccess(actor, member) === 'full';
  },

  /** Whether the actor may read a member's "interested in development" flag. */
  seesInterest(actor: Actor, member: { path: string }) {
    return memberAccess(actor, member) === 'full';
  },

  /**
   * Recording attendance of a member: anyone registered, or a walk-in in the recorder's view of the tree
   * (their own line; admins everyone). Anyone else is "not found".
   */
  recordFor(actor: Actor, member: { path: string }, registered: boolean) {
    if (!registered && memberAccess(actor, member) === null) throw errors.notFound('Member');
  },

  /** Walk-ins are searched among everyone (admins) or the searcher's own line (null: no limit). */
  searchScope(actor: Actor) {
    return actor.role === 'admin' ? null : { path: actor.path };
  },

  /** Whose city the walk-in search shows: the searcher's own downline (admins: everyone's). */
  seesCity(actor: Actor, member: { path: string }) {
    return memberAccess(actor, member) === 'full';
  },
};
