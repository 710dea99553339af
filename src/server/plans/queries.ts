// Reading and writing plans, their items and annual goals. Every query names the organization.
import { randomUUID } from 'node:crypto';
import { and, asc, between, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PlanLevel } from '../../core/plans/fields.ts';
import type { Db } from '../../db/client.ts';
import { annualGoals, planItems, plans } from '../../db/schema/index.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
export interface PlanWithItems extends PlanRow {
  items: PlanItemRow[];
}

async function withItems(db: Db, organizationId: string, rows: PlanRow[]): Promise<PlanWithItems[]> {
  if (!rows.length) return [];
  const items = await db
    .select()
    .from(planItems)
    .where(
      and(
        eq(planItems.organizationId, organizationId),
        inArray(
          planItems.planId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(planItems.position));
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.planId === r.id) }));
}

/** Plans of the organization that meet `condition`, in start order, with their items. */
async function plansWhere(db: Db, organizationId: string, condition: SQL | undefined) {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), condition))
    .orderBy(asc(plans.startsOn));
  return withItems(db, organizationId, rows);
}

/** A member's plans of some levels that share a day with `from`–`to`, in start order. */
export async function plansOverlapping(
  db: Db,
  organizationId: string,
  memberId: string,
  levels: readonly PlanLevel[],
  from: string,
  to: string,
): Promise<PlanWithItems[]> {
  if (!levels.length) return [];
  return plansWhere(
    db,
    organizationId,
    and(
      eq(plans.memberId, memberId),
      inArray(plans.level, [...levels]),
      lte(plans.startsOn, to),
      gte(plans.endsOn, from),
    ),
  );
}

/** The plans of one level of several members, each for its own period (e.g. each one's current week). */
export async function plansOfMembers(
  db: Db,
  organizationId: string,
  level: PlanLevel,
  starts: { memberId: string; start: string }[],
): Promise<PlanWithItems[]> {
  if (!starts.length) return [];
  const wanted = new Set(starts.map((s) => `${s.memberId}|${s.start}`));
  const found = await plansWhere(
    db,
    organizationId,
    and(
      eq(plans.level, level),
      inArray(plans.memberId, [...new Set(starts.map((s) => s.memberId))]),
      inArray(plans.startsOn, [...new Set(starts.map((s) => s.start))]),
    ),
  );
  return found.filter((p) => wanted.has(`${p.memberId}|${p.startsOn}`));
}

export async function getPlan(
  db: Db,
  organizationId: string,
  memberId: string,
  level: PlanLevel,
  start: string,
): Promise<PlanWithItems | null> {
  return (await plansOfMembers(db, organizationId, level, [{ memberId, start }]))[0] ?? null;
}

/** Another 3-month plan of the member sharing a day with this period. */
export async function overlappingThreeMonths(
  db: Db,
  organizationId: string,
  memberId: string,
  start: string,
  end: string,
) {
  const [row] = await db
    .select({ start: plans.startsOn, end: plans.endsOn })
    .from(plans)
    .where(
      and(
        eq(plans.organizationId, organizationId),
        eq(plans.memberId, memberId),
        eq(plans.level, 'three_months'),
        ne(plans.startsOn, start),
        lte(plans.startsOn, end),
        gte(plans.endsOn, start),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface ItemWrite {
  id: string;
  activity: PlanItemRow['activity'];
  target: number | null;
  title: string | null;
  doneAt: Date | null;
}

/** Creates the plan or keeps its row (and so the moment it was first written), then replaces its items. */
export async function writePlan(
  db: Db,
  values: {
    organizationId: string;
    memberId: string;
    level: PlanLevel;
    start: string;
    end: string;
    now: Date;
  },
  items: ItemWrite[],
): Promise<string> {
  const [row] = await db
    .insert(plans)
    .values({
      organizationId: values.organizationId,
      id: randomUUID(),
      memberId: values.memberId,
      level: values.level,
      startsOn: values.start,
      endsOn: values.end,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoUpdate({
      target: [plans.organizationId, plans.memberId, plans.level, plans.startsOn],
      set: { updatedAt: values.now },
    })
    .returning({ id: plans.id });
  const planId = row!.id;
  await db
    .delete(planItems)
    .where(and(eq(planItems.organizationId, values.organizationId), eq(planItems.planId, planId)));
  await db
    .insert(planItems)
    .values(
      items.map((item, position) => ({ ...item, organizationId: values.organizationId, planId, position })),
    );
  return planId;
}

/** Locks the member's row against other plan writers of the same member until the transaction ends. */
export async function lockPlanner(db: Db, organizationId: string, memberId: string) {
  await db.execute(
    sql`select 1 from members where organization_id = ${organizationId} and id = ${memberId} for no key update`,
  );
}

export async function deletePlan(db: Db, organizationId: string, id: string) {
  await db.delete(plans).where(and(eq(plans.organizationId, organizationId), eq(plans.id, id)));
}

/** An item with the plan it belongs to. */
export async function getItem(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select({ item: planItems, plan: plans })
    .from(planItems)
    .innerJoin(plans, and(eq(plans.organizationId, planItems.organizationId), eq(plans.id, planItems.planId)))
    .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, id)));
  return row ?? null;
}

export async function setItemDone(db: Db, organizationId: string, id: string, doneAt: Date | null) {
  await db
    .update(planItems)
    .set({ doneAt })
    .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, id)));
}

/** What the planning habit is counted from: day plans and weekly plans of some members in two windows. */
export async function habitPlans(
  db: Db,
  organizationId: string,
  memberIds: string[],
  days: { from: string; to: string },
  weeks: { from: string; to: string },
) {
  if (!memberIds.length) return [];
  return db
    .select({
      memberId: plans.memberId,
      level: plans.level,
      start: plans.startsOn,
      createdAt: plans.createdAt,
    })
    .from(plans)
    .where(
      and(
        eq(plans.organizationId, organizationId),
        inArray(plans.memberId, memberIds),
        or(
          and(eq(plans.level, 'day'), between(plans.startsOn, days.from, days.to)),
          and(eq(plans.level, 'week'), between(plans.startsOn, weeks.from, weeks.to)),
        ),
      ),
    );
}

/** The member's goal that starts on `start` (the first of a month). */
export async function getGoal(db: Db, organizationId: string, memberId: string, start: string) {
  const [row] = await db
    .select()
    .from(annualGoals)
    .where(
      and(
        eq(annualGoals.organizationId, organizationId),
        eq(annualGoals.memberId, memberId),
        eq(annualGoals.startsOn, start),
      ),
    );
  return row ?? null;
}

/** The member's goals that share a day with `from`–`to`, earliest first. */
export async function goalsOverlapping(
  db: Db,
  organizationId: string,
  memberId: string,
  from: string,
  to: string,
) {
  return db
    .select()
    .from(annualGoals)
    .where(
      and(
        eq(annualGoals.organizationId, organizationId),
        eq(annualGoals.memberId, memberId),
        lte(annualGoals.startsOn, to),
        gte(annualGoals.endsOn, from),
      ),
    )
    .orderBy(asc(annualGoals.startsOn));
}

export async function saveGoal(
  db: Db,
  values: Omit<typeof annualGoals.$inferInsert, 'createdAt'> & { updatedAt: Date },
) {
  await db
    .insert(annualGoals)
    .values({ ...values, createdAt: values.updatedAt })
    .onConflictDoUpdate({
      target: [annualGoals.organizationId, annualGoals.memberId, annualGoals.startsOn],
      set: {
        statement: values.statement,
        income: values.income,
        reason: values.reason,
        updatedAt: values.updatedAt,
      },
    });
}
