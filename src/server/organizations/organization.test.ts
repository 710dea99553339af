// The organization: members read their own, admins change it, and no one reaches another tenant's.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/db/schema/index.ts';
import {
  api,
  createMember,
  createOrganization,
  expectError,
  fieldPaths,
  type MemberRow,
  type OrganizationRow,
  OWNER,
  signIn,
  signUpOwner,
  type TestUser,
  useTestContext,
} from '../../../tests/support/index.ts';

describe('/api/v1/organization', () => {
  const ctx = useTestContext();
  let ownerA: string;
  let orgA: OrganizationRow;
  let plainA: { member: MemberRow; user: TestUser };
  let orgB: { organization: OrganizationRow; owner: MemberRow; ownerUser: TestUser };

  beforeAll(async () => {
    ownerA = await signUpOwner(ctx.app);
    [orgA] = (await ctx.db.select().from(organizations)) as [OrganizationRow];
    const ownerMember = (await api(ctx.app, ownerA).get('/api/v1/me')).json().member.id as string;
    const sponsor = await ctx.db.query.members.findFirst({ where: (m, { eq }) => eq(m.id, ownerMember) });
    const plain = await createMember(ctx.db, { organizationId: orgA.id, sponsor, role: 'member' });
    plainA = { member: plain.member, user: plain.user! };
    orgB = await createOrganization(ctx.db, { name: 'Beta Team', defaultLocale: 'de' });
  });

  it('anonymous requests are 401', async () => {
    expectError(await api(ctx.app).get('/api/v1/organization'), 401, 'unauthenticated');
    expectError(await api(ctx.app).patch('/api/v1/organization', { name: 'X' }), 401, 'unauthenticated');
  });

  it('the owner reads their organization', async () => {
    const response = await api(ctx.app, ownerA).get('/api/v1/organization');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      id: orgA.id,
      name: OWNER.organizationName,
      defaultLocale: 'en',
      reviewWeekday: 1,
      createdAt: orgA.createdAt.toISOString(),
    });
  });

  it('a user of another organization sees theirs, never the first', async () => {
    const cookieB = await signIn(ctx.app, orgB.ownerUser.email, orgB.ownerUser.password);
    const response = await api(ctx.app, cookieB).get('/api/v1/organization');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: orgB.organization.id,
      name: 'Beta Team',
      defaultLocale: 'de',
    });
    expect(response.body).not.toContain(orgA.id);
    const me = await api(ctx.app, cookieB).get('/api/v1/me');
    expect(me.json().organization.id).toBe(orgB.organization.id);
    expect(me.body).not.toContain(orgA.id);
  });

  it('a plain member reads their organization', async () => {
    const cookie = await signIn(ctx.app, plainA.user.email, plainA.user.password);
    const response = await api(ctx.app, cookie).get('/api/v1/organization');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().id).toBe(orgA.id);
  });

  it('validation names the bad fields', async () => {
    const response = await api(ctx.app, ownerA).patch('/api/v1/organization', {
      name: '',
      defaultLocale: 'xx',
    });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body).sort()).toEqual(['defaultLocale', 'name']);
    expectError(await api(ctx.app, ownerA).patch('/api/v1/organization', {}), 400, 'validation_failed');
  });

  it('the admin changes name and default language', async () => {
    const response = await api(ctx.app, ownerA).patch('/api/v1/organization', {
      name: '  Acme Worldwide ',
      defaultLocale: 'bg',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: orgA.id, name: 'Acme Worldwide', defaultLocale: 'bg' });
    const again = await api(ctx.app, ownerA).get('/api/v1/organization');
    expect(again.json()).toMatchObject({ name: 'Acme Worldwide', defaultLocale: 'bg' });
  });

  it('a plain member of the same organization may not change it', async () => {
    const cookie = await signIn(ctx.app, plainA.user.email, plainA.user.password);
    const response = await api(ctx.app, cookie).patch('/api/v1/organization', { name: 'Taken Over' });
    expectError(response, 403, 'forbidden');
    const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, orgA.id));
    expect(row!.name).toBe('Acme Worldwide');
  });

  it('the admin of another organization changes only their own', async () => {
    const cookieB = await signIn(ctx.app, orgB.ownerUser.email, orgB.ownerUser.password);
    const response = await api(ctx.app, cookieB).patch('/api/v1/organization', { name: 'Beta Renamed' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().id).toBe(orgB.organization.id);
    const rows = await ctx.db.select().from(organizations);
    expect(rows.find((r) => r.id === orgA.id)!.name).toBe('Acme Worldwide');
    expect(rows.find((r) => r.id === orgB.organization.id)!.name).toBe('Beta Renamed');
  });

  it('an account without a member in any organization is treated as signed out', async () => {
    // e.g. a member record removed while the session lives on.
    const cookie = await signIn(ctx.app, plainA.user.email, plainA.user.password);
    await ctx.db.execute(sql`delete from members where id = ${plainA.member.id}`);
    expectError(await api(ctx.app, cookie).get('/api/v1/organization'), 401, 'unauthenticated');
  });
});
