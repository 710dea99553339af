// Trainings and their registrations in the database. Every query is scoped by organization.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, ilike, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { ancestorPaths, downlineRange } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { members, trainingRegistrations, trainings } from '../../db/schema/index.ts';
import { TRAINING_LIMITS } from './schemas.ts';

export type TrainingRow = typeof trainings.$inferSelect;
export type NewTraining = Omit<
  typeof trainings.$inferInsert,
  'organizationId' | 'id' | 'createdAt' | 'cancelledAt'
>;

/** A training with its organizer's name, its counts, and the asking member's own registration. */
export interface TrainingListRow {
  training: TrainingRow;
  organizerName: string;
  registeredCount: number;
  attendedCount: number;
  registered: boolean;
  attended: boolean;
}

const registrations = trainingRegistrations;

async function trainingRows(
  db: Db,
  organizationId: string,
  memberId: string,
  where: SQL | undefined,
  limit: number,
): Promise<TrainingListRow[]> {
  return (
    db
      .select({
        training: trainings,
        organizerName: members.name,
        registeredCount: sql<number>`count(${registrations.memberId})`.mapWith(Number),
        attendedCount: sql<number>`count(${registrations.attendedAt})`.mapWith(Number),
        registered: sql<boolean>`coalesce(bool_or(${registrations.memberId} = ${memberId}), false)`,
        attended: sql<boolean>`coalesce(bool_or(${registrations.memberId} = ${memberId}
        and ${registrations.attendedAt} is not null), false)`,
      })
      .from(trainings)
      .innerJoin(
        members,
        and(eq(members.organizationId, trainings.organizationId), eq(members.id, trainings.organizerId)),
      )
      .leftJoin(
        registrations,
        and(
          eq(registrations.organizationId, trainings.organizationId),
          eq(registrations.trainingId, trainings.id),
        ),
      )
      .where(and(eq(trainings.organizationId, organizationId), where))
      // Grouped by the primary key, so every column of the training may be selected.
      .groupBy(trainings.organizationId, trainings.id, members.name)
      .orderBy(
        asc(trainings.heldOn),
        sql`${trainings.startsAt} asc nulls first`,
        asc(trainings.createdAt),
        asc(trainings.id),
      )
      .limit(limit)
  );
}

/** The organization's trainings held between two days (`to` open-ended when null), oldest first. */
export function listTrainings(
  db: Db,
  organizationId: string,
  memberId: string,
  range: { from: string; to: string | null },
) {
  return trainingRows(
    db,
    organizationId,
    memberId,
    and(gte(trainings.heldOn, range.from), range.to ? lte(trainings.heldOn, range.to) : undefined),
    TRAINING_LIMITS.list,
  );
}

export async function trainingWithCounts(db: Db, organizationId: string, memberId: string, id: string) {
  const [row] = await trainingRows(db, organizationId, memberId, eq(trainings.id, id), 1);
  return row ?? null;
}

export async function getTraining(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(trainings)
    .where(and(eq(trainings.organizationId, organizationId), eq(trainings.id, id)));
  return row ?? null;
}

/**
 * A training, locked for this transaction: `update` for the organizer's changes (edits, cancelling,
 * attendance), `share` for members registering, so a training is never cancelled or moved halfway
 * through another change.
 */
export async function lockTraining(db: Db, organizationId: string, id: string, mode: 'update' | 'share') {
  const [row] = await db
    .select()
    .from(trainings)
    .where(and(eq(trainings.organizationId, organizationId), eq(trainings.id, id)))
    .for(mode);
  return row ?? null;
}

export async function insertTraining(db: Db, organizationId: string, values: NewTraining) {
  const [row] = await db
    .insert(trainings)
    .values({ ...values, organizationId, id: randomUUID() })
    .returning();
  return row!;
}

export async function updateTraining(
  db: Db,
  organizationId: string,
  id: string,
  values: Partial<Omit<TrainingRow, 'organizationId' | 'id' | 'organizerId' | 'createdAt'>>,
) {
  await db
    .update(trainings)
    .set(values)
    .where(and(eq(trainings.organizationId, organizationId), eq(trainings.id, id)));
}

export type RegistrationRow = {
  memberId: string;
  name: string;
  path: string;
  developmentInterestAt: Date | null;
  registeredAt: Date;
  attendedAt: Date | null;
};

/** Everyone registered for a training (walk-ins included), by name. */
export function registrationsOf(
  db: Db,
  organizationId: string,
  trainingId: string,
): Promise<RegistrationRow[]> {
  return db
    .select({
      memberId: registrations.memberId,
      name: members.name,
      path: members.path,
      developmentInterestAt: members.developmentInterestAt,
      registeredAt: registrations.registeredAt,
      attendedAt: registrations.attendedAt,
    })
    .from(registrations)
    .innerJoin(
      members,
      and(eq(members.organizationId, registrations.organizationId), eq(members.id, registrations.memberId)),
    )
    .where(and(eq(registrations.organizationId, organizationId), eq(registrations.trainingId, trainingId)))
    .orderBy(asc(members.name), asc(members.id));
}

export async function getRegistration(db: Db, organizationId: string, trainingId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.organizationId, organizationId),
        eq(registrations.trainingId, trainingId),
        eq(registrations.memberId, memberId),
      ),
    );
  return row ?? null;
}

/** Registers a member; registering twice changes nothing. */
export async function register(
  db: Db,
  organizationId: string,
  trainingId: string,
  memberId: string,
  now: Date,
) {
  await db
    .insert(registrations)
    .values({ organizationId, trainingId, memberId, registeredAt: now })
    .onConflictDoNothing();
}

export async function unregister(db: Db, organizationId: string, trainingId: string, memberId: string) {
  await db
    .delete(registrations)
    .where(
      and(
        eq(registrations.organizationId, organizationId),
        eq(registrations.trainingId, trainingId),
        eq(registrations.memberId, memberId),
      ),
    );
}

/** Records attendance (registering a walk-in on the way) or takes it back (`at` null). */
export async function setAttendance(
  db: Db,
  organizationId: string,
  trainingId: string,
  memberId: string,
  at: Date | null,
  byMemberId: string,
) {
  if (at === null) {
    await db
      .update(registrations)
      .set({ attendedAt: null, recordedByMemberId: byMemberId })
      .where(
        and(
          eq(registrations.organizationId, organizationId),
          eq(registrations.trainingId, trainingId),
          eq(registrations.memberId, memberId),
        ),
      );
    return;
  }
  await db
    .insert(registrations)
    .values({
      organizationId,
      trainingId,
      memberId,
      registeredAt: at,
      attendedAt: at,
      recordedByMemberId: byMemberId,
    })
    .onConflictDoUpdate({
      target: [registrations.organizationId, registrations.trainingId, registrations.memberId],
      // Recorded once: a second tick keeps the first time.
      set: {
        attendedAt: sql`coalesce(${registrations.attendedAt}, excluded.attended_at)`,
        recordedByMemberId: byMemberId,
      },
    });
}

/** The members whose attendance of a training is recorded. */
export async function attendeesOf(db: Db, organizationId: string, trainingId: string) {
  const rows = await db
    .select({ memberId: registrations.memberId })
    .from(registrations)
    .where(
      and(
        eq(registrations.organizationId, organizationId),
        eq(registrations.trainingId, trainingId),
        isNotNull(registrations.attendedAt),
      ),
    );
  return rows.map((r) => r.memberId);
}

export async function getMember(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select({
      id: members.id,
      name: members.name,
      path: members.path,
      kind: members.kind,
      developmentInterestAt: members.developmentInterestAt,
    })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.id, id)));
  return row ?? null;
}

/**
 * The current paths of members whose training figures are about to be refreshed, their rows locked in
 * id order: two changes for the same member (attendance of two trainings in one month) then run one
 * after the other, so each counts what the other wrote. Call after lockForPosting.
 */
export function lockMembersForRollups(db: Db, organizationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: members.id, path: members.path })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), inArray(members.id, [...new Set(ids)])))
    .orderBy(asc(members.id))
    .for('no key update');
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Members whose name contains the text, with their registration for the training: the whole
 * organization (`scope` null, admins), or a member's own line — themselves, their downline and their
 * upline (whose names they see anyway).
 */
export async function searchCandidates(
  db: Db,
  organizationId: string,
  trainingId: string,
  q: string,
  scope: { path: string } | null,
) {
  let within: SQL | undefined;
  if (scope) {
    const { upper } = downlineRange(scope.path);
    const upline = ancestorPaths(scope.path);
    within = or(
      and(gte(members.path, scope.path), sql`${members.path} < ${upper}`),
      upline.length ? inArray(members.path, upline) : undefined,
    );
  }
  return db
    .select({
      id: members.id,
      name: members.name,
      path: members.path,
      city: members.city,
      registered: sql<boolean>`${registrations.memberId} is not null`,
      attended: sql<boolean>`${registrations.attendedAt} is not null`,
    })
    .from(members)
    .leftJoin(
      registrations,
      and(
        eq(registrations.organizationId, members.organizationId),
        eq(registrations.trainingId, trainingId),
        eq(registrations.memberId, members.id),
      ),
    )
    .where(and(eq(members.organizationId, organizationId), ilike(members.name, `%${escapeLike(q)}%`), within))
    .orderBy(asc(members.name), asc(members.id))
    .limit(TRAINING_LIMITS.candidates);
}

/** Sets the "interested in development" flag (keeping the first time it was set), or clears it. */
export async function setDevelopmentInterest(
  db: Db,
  organizationId: string,
  memberId: string,
  at: Date | null,
) {
  const [row] = await db
    .update(members)
    .set({
      developmentInterestAt:
        at === null
          ? null
          : sql`coalesce(${members.developmentInterestAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)))
    .returning({ developmentInterestAt: members.developmentInterestAt });
  return row?.developmentInterestAt ?? null;
}
