import { and, eq, sql } from 'drizzle-orm';
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

/** Whether PostgreSQL has the zone in its own time zone data (it may be older than the runtime's). */
export async function databaseKnowsTimeZone(db: Db, name: string) {
  const result = (await db.execute(sql`select 1 from pg_timezone_names where name = ${name}`)) as unknown as {
    rows: unknown[];
  };
  return result.rows.length > 0;
}
