// Rows written straight into the database, for situations the API cannot create yet (a second
// organization, members below the owner). Accounts made here can sign in through the real route.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/db/client.ts';
import {
  authAccount,
  authUser,
  type Locale,
  type members,
  organizations,
} from '../../src/db/schema/index.ts';
import { placeMember } from '../../src/server/structure/tree.ts';

export const DEFAULT_PASSWORD = 'a long enough password';

export type OrganizationRow = typeof organizations.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

// Any argon2id hash verifies; cheap parameters keep the factories fast (the app's own sign-up still
// hashes with the production parameters). Algorithm 2 is Argon2id in @node-rs/argon2.
const CHEAP_ARGON2 = { algorithm: 2 as const, memoryCost: 1024, timeCost: 1, parallelism: 1 };

let sequence = 0;
const next = () => ++sequence;

/** An account (auth_user + credential auth_account) that can sign in with e-mail and password. */
export async function createUser(
  db: Db,
  input: { name?: string; email?: string; password?: string; locale?: Locale | null } = {},
): Promise<TestUser> {
  const n = next();
  const user = {
    id: randomUUID(),
    name: input.name ?? `Person ${n}`,
    email: (input.email ?? `person${n}-${randomUUID().slice(0, 8)}@example.test`).toLowerCase(),
    password: input.password ?? DEFAULT_PASSWORD,
  };
  await db.insert(authUser).values({
    id: user.id,
    name: user.name,
    email: user.email,
    locale: input.locale ?? null,
  });
  // The shape better-auth writes for e-mail/password accounts.
  await db.insert(authAccount).values({
    id: randomUUID(),
    accountId: user.id,
    providerId: 'credential',
    userId: user.id,
    password: await hash(user.password, CHEAP_ARGON2),
  });
  return user;
}

export interface CreateMemberInput {
  organizationId: string;
  /** Null or absent: a root member (depth 0). */
  sponsor?: MemberRow | null;
  role?: 'admin' | 'member';
  name?: string;
  email?: string;
  /** Give the member a login (default) or not (false). */
  account?: boolean | { email?: string; password?: string; locale?: Locale | null };
  joinedOn?: string;
  kind?: 'customer' | 'partner';
  status?: 'active' | 'inactive' | 'left';
  city?: string | null;
}

export async function createMember(
  db: Db,
  input: CreateMemberInput,
): Promise<{ member: MemberRow; user: TestUser | null }> {
  const n = next();
  const name = input.name ?? `Member ${n}`;
  const accountInput = input.account === undefined || input.account === true ? {} : input.account;
  const user =
    accountInput === false
      ? null
      : await createUser(db, {
          name,
          email: accountInput.email ?? input.email,
          password: accountInput.password,
          locale: accountInput.locale,
        });
  const member = await placeMember(db, input.organizationId, input.sponsor?.id ?? null, {
    userId: user?.id ?? null,
    name,
    email: user?.email ?? input.email ?? null,
    kind: input.kind ?? 'partner',
    status: input.status ?? 'active',
    role: input.role ?? 'member',
    city: input.city ?? null,
    joinedOn: input.joinedOn ?? '2026-01-15',
  });
  return { member: member!, user };
}

/** A further organization with its owner: a root member with admin role and a login. */
export async function createOrganization(
  db: Db,
  input: {
    name?: string;
    defaultLocale?: Locale;
    owner?: { name?: string; email?: string; password?: string };
  } = {},
): Promise<{ organization: OrganizationRow; owner: MemberRow; ownerUser: TestUser }> {
  const [organization] = await db
    .insert(organizations)
    .values({
      id: randomUUID(),
      name: input.name ?? `Organization ${next()}`,
      defaultLocale: input.defaultLocale ?? 'en',
    })
    .returning();
  const { member, user } = await createMember(db, {
    organizationId: organization!.id,
    role: 'admin',
    name: input.owner?.name,
    account: { email: input.owner?.email, password: input.owner?.password },
  });
  return { organization: organization!, owner: member, ownerUser: user! };
}

/** Row count of a table (a number on both PGlite and node-postgres). */
export async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}
