import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authUser, type Locale, members } from '../../db/schema/index.ts';

export async function updateUser(db: Db, userId: string, patch: { name?: string; locale?: Locale }) {
  await db
    .update(authUser)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(authUser.id, userId));
}

/** Marks (or clears) the request to change a password that breaks the password rule. */
export async function setPasswordChangeRequired(db: Db, userId: string, required: boolean) {
  await db
    .update(authUser)
    .set({ passwordChangeRequired: required })
    .where(and(eq(authUser.id, userId), ne(authUser.passwordChangeRequired, required)));
}

/** Whether the account is asked to change its password (see setPasswordChangeRequired). */
export async function passwordChangeRequired(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: authUser.passwordChangeRequired })
    .from(authUser)
    .where(eq(authUser.id, userId));
  return row?.required ?? false;
}

export async function deleteUser(db: Db, userId: string) {
  await db.delete(authUser).where(eq(authUser.id, userId));
}

/** What the signed-in member's own settings show of their member record. */
export async function ownMemberFields(db: Db, organizationId: string, memberId: string) {
  const [row] = await db
    .select({
      timeZone: members.timeZone,
      city: members.city,
      country: members.country,
      reviewWeekday: members.reviewWeekday,
    })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)));
  return row ?? { timeZone: null, city: null, country: null, reviewWeekday: null };
}

export type OwnMemberFields = Awaited<ReturnType<typeof ownMemberFields>>;

/** Changes the signed-in member's own time zone, city or country (undefined: left as it is). */
export async function updateOwnMember(
  db: Db,
  organizationId: string,
  memberId: string,
  patch: { timeZone?: string; city?: string | null; country?: string | null },
) {
  await db
    .update(members)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(members.organizationId, organizationId), eq(members.id, memberId)));
}

/** Whether PostgreSQL has the zone in its own time zone data (it may be older than the runtime's). */
export async function databaseKnowsTimeZone(db: Db, name: string) {
  const result = (await db.execute(sql`select 1 from pg_timezone_names where name = ${name}`)) as unknown as {
    rows: unknown[];
  };
  return result.rows.length > 0;
}
