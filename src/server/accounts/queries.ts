import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authUser, type Locale } from '../../db/schema/index.ts';

export async function updateUser(db: Db, userId: string, patch: { name?: string; locale?: Locale }) {
  await db
    .update(authUser)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(authUser.id, userId));
}

export async function deleteUser(db: Db, userId: string) {
  await db.delete(authUser).where(eq(authUser.id, userId));
}
