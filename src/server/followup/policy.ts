// Who sees and changes a member's follow-up:
// - the member themselves, their whole upline and organization admins read it (steps, intake answers,
//   touchpoint days); a touchpoint's note is read only by whoever wrote it;
// - the member, their current sponsor and admins answer the intake and tick steps (both sides update one
//   record); the rest of the upline reads;
// - the upline and admins log touchpoints with a member, the member does not log them about themselves;
// - anybody else — another branch, another organization — gets "not found", so ids cannot be probed;
// - the onboarding template is the admins' to change.
import type { Actor } from '../auth/actor.ts';
import { errors } from '../http/errors.ts';
import { memberAccess } from '../structure/policy.ts';

interface Followed {
  id: string;
  path: string;
  sponsorId: string | null;
}

const notFound = () => errors.notFound('Follow-up');

export const followupPolicy = {
  read(actor: Actor, member: Followed) {
    if (memberAccess(actor, member) !== 'full') throw notFound();
  },

  canChange(actor: Actor, member: Followed) {
    return actor.role === 'admin' || member.id === actor.memberId || member.sponsorId === actor.memberId;
  },

  /** Intake answers and ticks. */
  change(actor: Actor, member: Followed) {
    followupPolicy.read(actor, member);
    if (!followupPolicy.canChange(actor, member))
      throw errors.forbidden('Only the member, their sponsor or an admin can change this follow-up.');
  },

  canLogTouchpoint(actor: Actor, member: Followed) {
    return member.id !== actor.memberId;
  },

  logTouchpoint(actor: Actor, member: Followed) {
    if (memberAccess(actor, member) !== 'full') throw errors.notFound('Member');
    if (!followupPolicy.canLogTouchpoint(actor, member))
      throw errors.forbidden('Touchpoints are logged by your sponsor and upline, not about yourself.');
  },

  deleteTouchpoint(actor: Actor, touchpoint: { byMemberId: string }) {
    if (touchpoint.byMemberId !== actor.memberId) throw errors.notFound('Touchpoint');
  },

  editTemplate(actor: Actor) {
    if (actor.role !== 'admin')
      throw errors.forbidden('Only organization admins edit the onboarding template.');
  },
};
