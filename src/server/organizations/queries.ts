// Every query takes the organization id; nothing here reads across tenants except the installation check.
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authUser, type Locale, members, organizations } from '../../db/schema/index.ts';

export async function countOrganizations(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}

export async function getOrganization(db: Db, organizationId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return row ?? null;
}

export async function insertOrganization(db: Db, values: typeof organizations.$inferInsert) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export async function updateOrganization(
  db: Db,
  organizationId: string,
  patch: { name?: string; defaultLocale?: Locale },
) {
  const [row] = await db
    .update(organizations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(organizations.id, organizationId))
    .returning();
  return row ?? null;
}

/**
 * The member a signed-in account is, with the account's own fields. Only memberships that have not
 * ended count: a member marked `left` is nobody in that organization from their next request on,
 * whatever sessions they hold. An account that belongs to several organizations is resolved to its
 * oldest such membership (choosing between organizations comes later); none: the session opens nothing.
 */
export async function findActorRow(db: Db, userId: string) {
  const [row] = await db
    .select({
      userId: authUser.id,
      email: authUser.email,
      name: authUser.name,
      locale: authUser.locale,
      organizationId: members.organizationId,
      memberId: members.id,
      path: members.path,
      role: members.role,
    })
    .from(members)
    .innerJoin(authUser, eq(authUser.id, members.userId))
    .where(and(eq(members.userId, userId), ne(members.status, 'left')))
    .orderBy(members.createdAt)
    .limit(1);
  return row ?? null;
}

export async function renameMemberOfUser(db: Db, organizationId: string, userId: string, name: string) {
  await db
    .update(members)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)));
}
