// Follow-ups, their steps and touchpoints in the database. Every query is scoped by organization.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  addDays,
  DEFAULT_TEMPLATE,
  dueOn,
  FOLLOWUP_LIMITS,
  type OnboardingTemplate,
} from '../../core/followup/template.ts';
import { downlineRange } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import {
  followupSteps,
  followups,
  members,
  onboardingTemplates,
  touchpoints,
} from '../../db/schema/index.ts';

export type StepRow = typeof followupSteps.$inferSelect & { doneByName: string | null };
export type TouchpointRow = typeof touchpoints.$inferSelect & { byName: string };

const sponsors = alias(members, 'sponsors');

/** The organization's template, or the shipped default when it has none. */
export async function loadTemplate(db: Db, organizationId: string) {
  const [row] = await db
    .select()
    .from(onboardingTemplates)
    .where(eq(onboardingTemplates.organizationId, organizationId));
  return row
    ? { template: row.template, isDefault: false, updatedAt: row.updatedAt }
    : { template: DEFAULT_TEMPLATE, isDefault: true, updatedAt: null };
}

export async function saveTemplate(
  db: Db,
  organizationId: string,
  template: OnboardingTemplate,
  byMemberId: string,
  now: Date,
) {
  await db
    .insert(onboardingTemplates)
    .values({ organizationId, template, updatedByMemberId: byMemberId, updatedAt: now })
    .onConflictDoUpdate({
      target: onboardingTemplates.organizationId,
      set: { template, updatedByMemberId: byMemberId, updatedAt: now },
    });
}

export async function resetTemplate(db: Db, organizationId: string) {
  await db.delete(onboardingTemplates).where(eq(onboardingTemplates.organizationId, organizationId));
}

/** Whether a member joining on `joinedOn` is new on `serverDay` (joined in the board's window). */
export function isNewcomer(joinedOn: string, serverDay: string) {
  return (
    joinedOn >= addDays(serverDay, -(FOLLOWUP_LIMITS.boardDays - 1)) && joinedOn <= addDays(serverDay, 1)
  );
}

/**
 * Opens the follow-up of a member who just joined under a sponsor, from the organization's template of
 * today: the questions are copied and each step gets its due date from the join date. Run in the
 * transaction that placed the member.
 */
export async function openFollowup(db: Db, organizationId: string, member: { id: string; joinedOn: string }) {
  const { template } = await loadTemplate(db, organizationId);
  await db.insert(followups).values({
    organizationId,
    memberId: member.id,
    openedOn: member.joinedOn,
    questions: template.questions,
  });
  await db.insert(followupSteps).values(
    template.steps.map((step, position) => ({
      organizationId,
      memberId: member.id,
      key: step.key,
      position,
      title: step.title,
      memberTitle: step.memberTitle,
      condition: step.condition,
      dueOn: dueOn(member.joinedOn, step.dueDays),
    })),
  );
}

export async function getFollowup(db: Db, organizationId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(followups)
    .where(and(eq(followups.organizationId, organizationId), eq(followups.memberId, memberId)));
  return row ?? null;
}

/** The steps of these members' follow-ups in template order, with the name of whoever ticked each. */
export async function stepsOf(db: Db, organizationId: string, memberIds: string[]): Promise<StepRow[]> {
  if (memberIds.length === 0) return [];
  const doneBy = alias(members, 'done_by');
  const rows = await db
    .select({ step: followupSteps, doneByName: doneBy.name })
    .from(followupSteps)
    .leftJoin(doneBy, and(eq(doneBy.organizationId, organizationId), eq(doneBy.id, followupSteps.doneById)))
    .where(and(eq(followupSteps.organizationId, organizationId), inArray(followupSteps.memberId, memberIds)))
    .orderBy(asc(followupSteps.memberId), asc(followupSteps.position));
  return rows.map((r) => ({ ...r.step, doneByName: r.doneByName }));
}

/** Ticks a step by hand (`doneAt` a time) or opens it again (null); either way `byId` decides it now. */
export async function setStepDone(
  db: Db,
  organizationId: string,
  memberId: string,
  key: string,
  byId: string,
  doneAt: Date | null,
) {
  const rows = await db
    .update(followupSteps)
    .set({ doneAt, doneById: byId })
    .where(
      and(
        eq(followupSteps.organizationId, organizationId),
        eq(followupSteps.memberId, memberId),
        eq(followupSteps.key, key),
      ),
    )
    .returning({ key: followupSteps.key });
  return rows.length > 0;
}

export async function saveIntake(
  db: Db,
  organizationId: string,
  memberId: string,
  intake: Record<string, string>,
  byId: string,
  now: Date,
) {
  await db
    .update(followups)
    .set({ intake, intakeUpdatedAt: now, intakeUpdatedById: byId })
    .where(and(eq(followups.organizationId, organizationId), eq(followups.memberId, memberId)));
}

/** The last touchpoint day of each of these members. */
export async function lastTouchpoints(db: Db, organizationId: string, memberIds: string[]) {
  if (memberIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ memberId: touchpoints.memberId, last: max(touchpoints.on) })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, organizationId), inArray(touchpoints.memberId, memberIds)))
    .groupBy(touchpoints.memberId);
  return new Map(rows.filter((r) => r.last).map((r) => [r.memberId, r.last!]));
}

export async function listTouchpoints(
  db: Db,
  organizationId: string,
  memberId: string,
  limit = 50,
): Promise<TouchpointRow[]> {
  const by = alias(members, 'by_member');
  const rows = await db
    .select({ touchpoint: touchpoints, byName: by.name })
    .from(touchpoints)
    .innerJoin(by, and(eq(by.organizationId, organizationId), eq(by.id, touchpoints.byMemberId)))
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.memberId, memberId)))
    .orderBy(desc(touchpoints.on), desc(touchpoints.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.touchpoint, byName: r.byName }));
}

export async function insertTouchpoint(db: Db, values: Omit<typeof touchpoints.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(touchpoints)
    .values({ ...values, id: randomUUID() })
    .returning();
  return row!;
}

export async function getTouchpoint(db: Db, organizationId: string, memberId: string, id: string) {
  const [row] = await db
    .select()
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.organizationId, organizationId),
        eq(touchpoints.memberId, memberId),
        eq(touchpoints.id, id),
      ),
    );
  return row ?? null;
}

export async function deleteTouchpoint(db: Db, organizationId: string, id: string) {
  await db
    .delete(touchpoints)
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, id)));
}

/** What the board and the follow-up page show of the followed member. */
export const followedColumns = {
  id: members.id,
  name: members.name,
  kind: members.kind,
  joinedOn: members.joinedOn,
  phone: members.phone,
  email: members.email,
  city: members.city,
  path: members.path,
  depth: members.depth,
  sponsorId: members.sponsorId,
  userId: members.userId,
  sponsorName: sponsors.name,
};
export type FollowedMember = {
  [K in keyof typeof followedColumns]: (typeof followedColumns)[K]['_']['data'] | null;
} & { id: string; name: string; path: string; depth: number; joinedOn: string };

export async function followedMember(db: Db, organizationId: string, memberId: string) {
  const [row] = await db
    .select(followedColumns)
    .from(members)
    .leftJoin(sponsors, and(eq(sponsors.organizationId, organizationId), eq(sponsors.id, members.sponsorId)))
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)));
  return (row as FollowedMember | undefined) ?? null;
}

/**
 * Members with a follow-up opened since `since`: the sponsor's frontline, or everyone below `path`
 * (their whole downline). Newest first; at most a few hundred for any real sponsor.
 */
export async function boardMembers(
  db: Db,
  organizationId: string,
  scope: { frontlineOf: string } | { downlineOf: string },
  days: { since: string; until: string },
) {
  const where =
    'frontlineOf' in scope
      ? eq(members.sponsorId, scope.frontlineOf)
      : and(
          gt(members.path, downlineRange(scope.downlineOf).lower),
          lt(members.path, downlineRange(scope.downlineOf).upper),
        );
  return db
    .select({ ...followedColumns, intake: followups.intake, openedOn: followups.openedOn })
    .from(followups)
    .innerJoin(members, and(eq(members.organizationId, organizationId), eq(members.id, followups.memberId)))
    .leftJoin(sponsors, and(eq(sponsors.organizationId, organizationId), eq(sponsors.id, members.sponsorId)))
    .where(
      and(
        eq(followups.organizationId, organizationId),
        gte(followups.openedOn, days.since),
        lte(followups.openedOn, days.until),
        where,
        sql`${members.status} <> 'left'`,
      ),
    )
    .orderBy(desc(followups.openedOn), asc(members.name))
    .limit(500) as Promise<(FollowedMember & { intake: Record<string, string>; openedOn: string })[]>;
}
