import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authUser, type Locale, members } from '../../db/schema/index.ts';

export async function updateUser(db: Db, userId: string, patch: { name?: string; locale?: Locale }) {
  await db
    .update(authUser)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(authUser.id, userId));
}

export async function deleteUser(db: Db, userId: string) {
  await db.delete(authUser).where(eq(authUser.id, userId));
}

export async function memberTimeZone(db: Db, organizationId: string, memberId: string) {
  const [row] = await db
    .select({ timeZone: members.timeZone })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)));
  return row?.timeZone ?? null;
}

export async function setMemberTimeZone(db: Db, organizationId: string, memberId: string, timeZone: string) {
  await db
    .update(members)
    .set({ timeZone, updatedAt: new Date() })
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)));
}
