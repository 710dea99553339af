import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invitations, members, organizations } from '../../db/schema/index.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

const withNames = {
  invitation: invitations,
  sponsorName: members.name,
};

export async function listInvitations(db: Db, organizationId: string, sponsorId: string) {
  return db
    .select(withNames)
    .from(invitations)
    .innerJoin(
      members,
      and(eq(members.organizationId, invitations.organizationId), eq(members.id, invitations.sponsorId)),
    )
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.sponsorId, sponsorId)))
    .orderBy(desc(invitations.createdAt));
}

export async function getInvitation(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select(withNames)
    .from(invitations)
    .innerJoin(
      members,
      and(eq(members.organizationId, invitations.organizationId), eq(members.id, invitations.sponsorId)),
    )
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
  return row ?? null;
}

/** The invitation behind a link, with its sponsor's name and organization's name; `forUpdate` locks it. */
export async function findByToken(db: Db, organizationId: string, token: string, forUpdate = false) {
  const query = db
    .select({ ...withNames, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(
      members,
      and(eq(members.organizationId, invitations.organizationId), eq(members.id, invitations.sponsorId)),
    )
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.token, token)));
  const [row] = forUpdate ? await query.for('update', { of: invitations }) : await query;
  return row ?? null;
}

export async function revokeInvitation(db: Db, organizationId: string, id: string, at: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
}

export async function countUse(db: Db, organizationId: string, id: string) {
  await db
    .update(invitations)
    .set({ uses: sql`${invitations.uses} + 1` })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
}
