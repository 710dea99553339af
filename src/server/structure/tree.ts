// Writes to the sponsor tree: every way a member enters it (owner, sign-up through a link, added by hand,
// import) goes through placeMembers, which gives out member numbers and paths.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { childPath, depthOf } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { members, organizations } from '../../db/schema/index.ts';
import { addToRollups, deltasOn } from '../kpis/rollups.ts';

export type NewMember = Omit<
  typeof members.$inferInsert,
  'organizationId' | 'id' | 'seq' | 'path' | 'depth' | 'sponsorId'
> & {
  id?: string;
};

/**
 * Reserves `count` member numbers of an organization and returns the first. The counter row is locked
 * until the transaction ends, so numbers are never given twice.
 */
export async function reserveMemberSeqs(db: Db, organizationId: string, count: number): Promise<number> {
  const [row] = await db
    .update(organizations)
    .set({ memberSeq: sql`${organizations.memberSeq} + ${count}` })
    .where(eq(organizations.id, organizationId))
    .returning({ last: organizations.memberSeq });
  if (!row) throw new Error(`organization ${organizationId} not found`);
  return Number(row.last) - count + 1;
}

/**
 * Inserts members directly under one sponsor (null: the organization's root member itself). Run in a
 * transaction. The sponsor's path is read after the organization's counter is locked, so a move running
 * at the same time cannot leave the new members under a stale path.
 */
export async function placeMembers(
  db: Db,
  organizationId: string,
  sponsorId: string | null,
  newMembers: NewMember[],
) {
  if (newMembers.length === 0) return [];
  const first = await reserveMemberSeqs(db, organizationId, newMembers.length);
  let sponsor: { id: string; path: string } | null = null;
  if (sponsorId) {
    const [row] = await db
      .select({ id: members.id, path: members.path })
      .from(members)
      .where(and(eq(members.organizationId, organizationId), eq(members.id, sponsorId)));
    if (!row) throw new Error(`sponsor ${sponsorId} not found`);
    sponsor = row;
  }
  const rows = newMembers.map((m, i) => {
    const path = childPath(sponsor?.path ?? '', first + i);
    return {
      ...m,
      organizationId,
      id: m.id ?? randomUUID(),
      seq: first + i,
      sponsorId: sponsor?.id ?? null,
      path,
      depth: depthOf(path),
    };
  });
  const placed = await db.insert(members).values(rows).returning();
  // Each join counts in the new member's and their whole upline's numbers ("new members").
  for (const member of placed) {
    await addToRollups(db, organizationId, member.path, deltasOn(member.joinedOn, { joined: 1 }));
  }
  return placed;
}

export async function placeMember(
  db: Db,
  organizationId: string,
  sponsorId: string | null,
  member: NewMember,
) {
  const [row] = await placeMembers(db, organizationId, sponsorId, [member]);
  return row!;
}

/** Serializes changes to an organization's tree (moves, imports) with everything that places members. */
export async function lockStructure(db: Db, organizationId: string) {
  await db.execute(
    sql`select 1 from ${organizations} where ${organizations.id} = ${organizationId} for update`,
  );
}
