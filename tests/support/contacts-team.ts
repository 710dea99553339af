// A small organization for the contacts tests: a sponsor line, another branch with an admin in it,
// and a member of another organization, each signed in.
//
//   root (admin) ─┬─ uma ── anna (София, BG) ── bob (Berlin, DE)
//                 └─ carl ── ada (admin)
//   otto: another organization.
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { members } from '../../src/db/schema/index.ts';
import { signIn } from './accounts.ts';
import type { TestContext } from './context.ts';
import { createMember, createOrganization, DEFAULT_PASSWORD, type MemberRow } from './factories.ts';
import { api } from './http.ts';

export type Who = 'root' | 'uma' | 'anna' | 'bob' | 'carl' | 'ada' | 'otto';

/** Registers a beforeAll that builds the team; `as(who)` calls the API signed in as them. */
export function useContactsTeam(ctx: TestContext) {
  const m = {} as Record<Who, MemberRow>;
  const cookies = {} as Record<Who, string>;
  const as = (who: Who) => api(ctx.app, cookies[who]);

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A', owner: { email: 'root@example.test' } });
    const orgId = org.organization.id;
    m.root = org.owner;
    const add = async (
      name: Exclude<Who, 'root' | 'otto'>,
      sponsor: MemberRow,
      city: string | null,
      role: 'admin' | 'member' = 'member',
    ) =>
      (
        await createMember(ctx.db, {
          organizationId: orgId,
          sponsor,
          name,
          city,
          role,
          account: { email: `${name}@example.test` },
        })
      ).member;
    m.uma = await add('uma', m.root, 'София');
    m.anna = await add('anna', m.uma, 'София');
    m.bob = await add('bob', m.anna, 'Berlin');
    m.carl = await add('carl', m.root, 'София');
    m.ada = await add('ada', m.carl, 'Варна', 'admin');
    await ctx.db.update(members).set({ country: 'BG' }).where(eq(members.id, m.anna.id));
    await ctx.db.update(members).set({ country: 'DE' }).where(eq(members.id, m.bob.id));
    const other = await createOrganization(ctx.db, { name: 'Team B', owner: { email: 'otto@example.test' } });
    m.otto = other.owner;
    for (const who of ['root', 'uma', 'anna', 'bob', 'carl', 'ada', 'otto'] as const)
      cookies[who] = await signIn(ctx.app, `${who}@example.test`, DEFAULT_PASSWORD);
  });

  /** Adds a contact as someone and returns it (asserting the 201). */
  const addContact = async (who: Who, body: Record<string, unknown>) => {
    const response = await as(who).post('/api/v1/contacts', body);
    if (response.statusCode !== 201) throw new Error(`adding a contact failed: ${response.body}`);
    return response.json() as { id: string; list: string; [key: string]: unknown };
  };

  return { m, as, addContact };
}
