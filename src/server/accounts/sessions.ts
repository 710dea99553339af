// Sessions of an account (better-auth's `auth_session` rows). Sessions belong to the account, not to an
// organization: which organization a session opens is decided on every request (findActorRow).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authSession } from '../../db/schema/index.ts';

/** Ends every session of an account at once (its cookies open nothing from the next request on). */
export async function endSessionsOfUser(db: Db, userId: string): Promise<number> {
  const ended = await db
    .delete(authSession)
    .where(eq(authSession.userId, userId))
    .returning({ id: authSession.id });
  return ended.length;
}

/** Ends one session by its token. */
export async function endSession(db: Db, token: string) {
  await db.delete(authSession).where(eq(authSession.token, token));
}
