// Who reaches what of the diary:
// - an entry, a day, a range and the calendar feed are their owner's alone; anyone else — the sponsor,
//   the upline, admins, another branch or organization — gets "not found", so ids cannot be probed;
// - a member linked to an event of someone else's diary is invited to it: they (and only they) see it in
//   their own diary and answer it — the time, type, place or link, the owner and the other invited
//   members, never the owner's title, details or the contacts' names (the presenter leaves them out);
// - a cancelled event can no longer be answered;
// - the upline and admins see weekly counts of a member (structurePolicy.read), never the entries.
import type { Actor } from '../auth/actor.ts';
import { AppError, errors } from '../http/errors.ts';

export const diaryPolicy = {
  /** Changing or deleting an entry: the owner's alone. */
  own<T extends { ownerId: string }>(actor: Actor, entry: T | null): T {
    if (!entry || entry.ownerId !== actor.memberId) throw errors.notFound('Diary entry');
    return entry;
  },

  /**
   * Answering an invitation: the invitation must be the actor's own (the lookup is scoped by the actor,
   * so another member's invitation is simply not found) and the event still on.
   */
  answer<T extends { entry: { ownerId: string; cancelledAt: Date | null } }>(
    actor: Actor,
    invitation: T | undefined,
  ): T {
    if (!invitation || invitation.entry.ownerId === actor.memberId) throw errors.notFound('Meeting');
    if (invitation.entry.cancelledAt)
      throw new AppError(409, 'meeting_cancelled', 'This meeting was cancelled; it cannot be answered.');
    return invitation;
  },
};
