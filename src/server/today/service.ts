// Today: everything the Today page shows, in one answer, always the actor's own. It composes the
// domains' own services — the follow-up's part of Today, the weekly analysis, the plans overview, the
// diary's day and the contacts due — and leaves out what is about nothing (no follow-up to show, nothing
// due) or dated before the member joined (an analysis of a week that began before, a day plan or an
// evening review of a day before).
import type { Actor } from '../auth/actor.ts';
import { contactService } from '../contacts/service.ts';
import { diaryService } from '../diary/service.ts';
import { followupService } from '../followup/service.ts';
import { errors } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { reviewService } from '../kpis/reviews.ts';
import { planService } from '../plans/service.ts';
import { getMember } from '../structure/queries.ts';

/** How many of the contacts due the page lists (the rest is a link to the list). */
export const DUE_SHOWN = 5;

export function todayService(deps: Deps) {
  const { database, clock } = deps;
  const followup = followupService(deps);
  const reviews = reviewService(deps);
  const plans = planService(deps);
  const diary = diaryService(deps);
  const contacts = contactService(deps);

  return {
    async page(actor: Actor, deviceToday?: string) {
      const today = deviceToday ?? clock.now().toISOString().slice(0, 10);
      const me = await getMember(database.db, actor.organizationId, actor.memberId);
      if (!me) throw errors.notFound('Member');
      const joined = me.joinedOn;
      const [review, follow, overview, day, due, invited] = await Promise.all([
        reviews.status(actor, today),
        followup.today(actor, today),
        plans.overview(actor),
        diary.day(actor, today),
        contacts.due(actor, today, DUE_SHOWN),
        diary.invitations(actor),
      ]);
      const member = today >= joined;
      return {
        today,
        member: { id: me.id, joinedOn: joined, country: me.country },
        invitations: invited.meetings,
        // Due never asks about a week that began before joining (see kpis/reviews.ts firstReviewDay).
        review: review.due ? { week: review.week, weekEnd: review.weekEnd, numbers: review.numbers } : null,
        followup:
          follow.mine || follow.attention.length ? { mine: follow.mine, attention: follow.attention } : null,
        plans: {
          ...overview,
          // A day plan is offered for days of membership only.
          canPlanDay: overview.canEdit && overview.today >= joined,
        },
        diary: { ...day, canReview: member && !day.review },
        due: due.total > 0 ? due : null,
      };
    },
  };
}
