// Follow-ups as the API shows them: steps with their overdue state, board rows with progress and the
// contact gap, touchpoints with notes for their authors only.
import type { z } from 'zod';
import { contactGap } from '../../core/followup/template.ts';
import type { FollowedMember, StepRow, TouchpointRow } from './queries.ts';
import type { boardRowSchema, stepSchema, touchpointSchema } from './schemas.ts';

export function presentStep(step: StepRow, today: string): z.infer<typeof stepSchema> {
  const done = step.doneAt !== null;
  return {
    key: step.key,
    title: step.title,
    memberTitle: step.memberTitle,
    condition: step.condition,
    dueOn: step.dueOn,
    done,
    doneAt: step.doneAt?.toISOString() ?? null,
    doneBy: done && step.doneById ? { id: step.doneById, name: step.doneByName ?? '' } : null,
    overdue: !done && step.dueOn < today,
  };
}

export function presentFollowedMember(member: FollowedMember) {
  return {
    id: member.id,
    name: member.name,
    kind: member.kind ?? 'partner',
    joinedOn: member.joinedOn,
    phone: member.phone,
    email: member.email,
    city: member.city,
    sponsor: member.sponsorId ? { id: member.sponsorId, name: member.sponsorName ?? '' } : null,
  };
}

/** Days without contact, counted from the follow-up's opening (the join date it was opened with). */
export function contactState(
  openedOn: string,
  lastTouchpointOn: string | null,
  today: string,
  interval: number,
) {
  const gap = contactGap(openedOn, lastTouchpointOn, today, interval);
  return { lastTouchpointOn, daysWithoutContact: gap.days, flagged: gap.flagged };
}

export function presentBoardRow(
  member: FollowedMember & { openedOn: string },
  steps: StepRow[],
  intake: Record<string, string>,
  lastTouchpointOn: string | null,
  context: { today: string; interval: number; rootDepth: number },
): z.infer<typeof boardRowSchema> {
  const shown = steps.map((s) => presentStep(s, context.today));
  return {
    member: presentFollowedMember(member),
    steps: shown,
    done: shown.filter((s) => s.done).length,
    total: shown.length,
    overdue: shown.filter((s) => s.overdue).length,
    intakeAnswered: Object.keys(intake).length > 0,
    level: member.depth - context.rootDepth,
    ...contactState(member.openedOn, lastTouchpointOn, context.today, context.interval),
  };
}

/** Who needs the sponsor first: most overdue steps, then flagged, then longest without contact. */
export function byUrgency(a: z.infer<typeof boardRowSchema>, b: z.infer<typeof boardRowSchema>) {
  return (
    b.overdue - a.overdue ||
    Number(b.flagged) - Number(a.flagged) ||
    b.daysWithoutContact - a.daysWithoutContact ||
    a.member.name.localeCompare(b.member.name)
  );
}

export function presentTouchpoint(row: TouchpointRow, actorId: string): z.infer<typeof touchpointSchema> {
  const mine = row.byMemberId === actorId;
  return {
    id: row.id,
    kind: row.kind,
    on: row.on,
    by: { id: row.byMemberId, name: row.byName },
    note: mine ? row.note : null,
    mine,
  };
}
