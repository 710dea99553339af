// The sponsor tree through the API: what each person sees, adds, edits and moves — and what they cannot.
//
//   Root Owner (admin) ─┬─ Anna ─┬─ Bob ── Dora
//                       │        └─ Carl (no account)
//                       └─ Eve
//   Other organization: Otto (admin)
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  type MemberRow,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { auditEvents, members } from '../../db/schema/index.ts';

describe('structure', () => {
  const ctx = useTestContext();
  const m = {} as Record<'root' | 'anna' | 'bob' | 'carl' | 'dora' | 'eve' | 'otto', MemberRow>;
  const cookies = {} as Record<'root' | 'anna' | 'bob' | 'eve' | 'otto', string>;

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A', owner: { name: 'Root Owner' } });
    m.root = org.owner;
    const add = async (
      name: string,
      sponsor: MemberRow,
      extra: Partial<Parameters<typeof createMember>[1]> = {},
    ) =>
      (await createMember(ctx.db, { organizationId: org.organization.id, sponsor, name, ...extra })).member;
    m.anna = await add('Anna Ivanova', m.root, { city: 'София', account: { email: 'anna@example.test' } });
    m.bob = await add('Bob Berger', m.anna, { city: 'München', account: { email: 'bob@example.test' } });
    m.carl = await add('Carl Customer', m.anna, { kind: 'customer', city: 'Пловдив', account: false });
    m.dora = await add('Dora Dimitrova', m.bob, { city: 'Варна', account: { email: 'dora@example.test' } });
    m.eve = await add('Eve Evans', m.root, { city: 'Berlin', account: { email: 'eve@example.test' } });
    const other = await createOrganization(ctx.db, {
      name: 'Team B',
      owner: { name: 'Otto', email: 'otto@example.test' },
    });
    m.otto = other.owner;
    cookies.root = await signIn(ctx.app, org.ownerUser.email, DEFAULT_PASSWORD);
    cookies.anna = await signIn(ctx.app, 'anna@example.test', DEFAULT_PASSWORD);
    cookies.bob = await signIn(ctx.app, 'bob@example.test', DEFAULT_PASSWORD);
    cookies.eve = await signIn(ctx.app, 'eve@example.test', DEFAULT_PASSWORD);
    cookies.otto = await signIn(ctx.app, 'otto@example.test', DEFAULT_PASSWORD);
  });

  describe('member page', () => {
    it('shows my own page with upline names and structure counts', async () => {
      const response = await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.member).toMatchObject({ name: 'Anna Ivanova', city: 'София', depth: 1, hasAccount: true });
      expect(page.upline).toEqual([{ id: m.root.id, name: 'Root Owner' }]);
      expect(page.counts).toEqual({ downline: 3, frontline: 2, customer: 1, partner: 2 });
      expect(page.canEdit).toBe(true);
    });

    it('shows anyone in my downline, with the upline up to the root', async () => {
      const page = (await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.dora.id}`)).json();
      expect(page.upline.map((u: { name: string }) => u.name)).toEqual([
        'Root Owner',
        'Anna Ivanova',
        'Bob Berger',
      ]);
      expect(page.canEdit).toBe(false);
    });

    it.each([
      ['another branch', 'eve'],
      ['my upline', 'root'],
      ['another organization', 'otto'],
    ] as const)('is a 404 for %s', async (_, who) => {
      expectError(await api(ctx.app, cookies.anna).get(`/api/v1/members/${m[who].id}`), 404, 'not_found');
    });

    it('is a 404 for an id that does not exist, and a 400 for one that is no id', async () => {
      expectError(
        await api(ctx.app, cookies.anna).get('/api/v1/members/00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      );
      const bad = expectError(
        await api(ctx.app, cookies.anna).get('/api/v1/members/123'),
        400,
        'validation_failed',
      );
      expect(fieldPaths(bad)).toEqual(['id']);
    });

    it('admins see everyone of their organization, never another one', async () => {
      expect((await api(ctx.app, cookies.root).get(`/api/v1/members/${m.dora.id}`)).statusCode).toBe(200);
      expectError(await api(ctx.app, cookies.otto).get(`/api/v1/members/${m.dora.id}`), 404, 'not_found');
    });
  });

  describe('frontline, downline, search', () => {
    it('lists the frontline with each one’s own frontline size', async () => {
      const body = (await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/frontline`)).json();
      expect(body.total).toBe(2);
      expect(body.rows.map((r: { name: string; frontline: number }) => [r.name, r.frontline])).toEqual([
        ['Bob Berger', 1],
        ['Carl Customer', 0],
      ]);
    });

    it('pages, filters and sorts the downline table', async () => {
      const all = (await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/downline`)).json();
      expect(all.total).toBe(3);
      expect(all.rows.map((r: { name: string; level: number }) => [r.name, r.level])).toEqual([
        ['Bob Berger', 1],
        ['Dora Dimitrova', 2],
        ['Carl Customer', 1],
      ]);
      const get = async (query: string) =>
        (await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/downline?${query}`)).json();
      expect((await get('kind=customer')).rows.map((r: { name: string }) => r.name)).toEqual([
        'Carl Customer',
      ]);
      expect((await get('minDepth=2')).rows.map((r: { name: string }) => r.name)).toEqual(['Dora Dimitrova']);
      expect(
        (await get('maxDepth=1&sort=name&direction=desc')).rows.map((r: { name: string }) => r.name),
      ).toEqual(['Carl Customer', 'Bob Berger']);
      expect(
        (await get('city=%D0%B2%D0%B0%D1%80%D0%BD%D0%B0')).rows.map((r: { name: string }) => r.name),
      ).toEqual(['Dora Dimitrova']);
      expect((await get('q=berg')).total).toBe(1);
      const page2 = await get('limit=2&offset=2');
      expect(page2.total).toBe(3);
      expect(page2.rows).toHaveLength(1);
    });

    it('refuses bad filters naming the field', async () => {
      const body = expectError(
        await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/downline?kind=boss&limit=5000`),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body).sort()).toEqual(['kind', 'limit']);
    });

    it('exports the filtered downline as CSV for Excel', async () => {
      const response = await api(ctx.app, cookies.anna).get(
        `/api/v1/members/${m.anna.id}/downline.csv?delimiter=semicolon&minDepth=1`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]!.startsWith('name;kind;status;level')).toBe(true);
      expect(lines).toHaveLength(4);
      expect(lines[3]).toContain('Carl Customer;customer;active;1;Пловдив');
    });

    it('finds members by name or city, with the trail to open the tree', async () => {
      const body = (
        await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/search?q=варна`)
      ).json();
      expect(body.rows).toHaveLength(1);
      expect(body.rows[0].member.name).toBe('Dora Dimitrova');
      expect(body.rows[0].trail).toEqual([{ id: m.bob.id, name: 'Bob Berger' }]);
    });

    it('never searches or lists outside my downline', async () => {
      const found = (
        await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.anna.id}/search?q=Eve`)
      ).json();
      expect(found.rows).toEqual([]);
      for (const url of ['frontline', 'downline', 'downline.csv', 'search?q=a']) {
        expectError(
          await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.eve.id}/${url}`),
          404,
          'not_found',
        );
        expectError(
          await api(ctx.app, cookies.otto).get(`/api/v1/members/${m.anna.id}/${url}`),
          404,
          'not_found',
        );
      }
    });
  });

  describe('adding and editing', () => {
    it('adds a member by hand under someone in my downline', async () => {
      const response = await api(ctx.app, cookies.anna).post('/api/v1/members', {
        sponsorId: m.bob.id,
        name: 'Fiona Fischer',
        phone: '+49 170 1234567',
        city: 'Köln',
        country: 'de',
        kind: 'customer',
      });
      expect(response.statusCode, response.body).toBe(201);
      const fiona = response.json();
      expect(fiona).toMatchObject({
        name: 'Fiona Fischer',
        sponsorId: m.bob.id,
        country: 'DE',
        hasAccount: false,
        depth: 3,
      });
      const [row] = await ctx.db.select().from(members).where(eq(members.id, fiona.id));
      expect(row!.path.startsWith(m.bob.path)).toBe(true);
    });

    it('refuses to add under someone outside my downline, and names bad fields', async () => {
      const outside = await api(ctx.app, cookies.anna).post('/api/v1/members', {
        sponsorId: m.eve.id,
        name: 'X',
      });
      expectError(outside, 404, 'not_found');
      const bad = await api(ctx.app, cookies.anna).post('/api/v1/members', {
        sponsorId: m.bob.id,
        name: ' ',
        email: 'nope',
        country: 'Germany',
        kind: 'boss',
      });
      expect(fieldPaths(expectError(bad, 400, 'validation_failed')).sort()).toEqual([
        'country',
        'email',
        'kind',
        'name',
      ]);
    });

    it('lets the upline keep a member without an account current, but not one with an account', async () => {
      const carl = await api(ctx.app, cookies.anna).patch(`/api/v1/members/${m.carl.id}`, {
        phone: '0888 123 456',
      });
      expect(carl.statusCode, carl.body).toBe(200);
      expect(carl.json().phone).toBe('0888 123 456');
      expectError(
        await api(ctx.app, cookies.anna).patch(`/api/v1/members/${m.bob.id}`, { city: 'Wien' }),
        403,
        'forbidden',
      );
      const self = await api(ctx.app, cookies.bob).patch(`/api/v1/members/${m.bob.id}`, { city: 'Wien' });
      expect(self.json().city).toBe('Wien');
      expectError(
        await api(ctx.app, cookies.bob).patch(`/api/v1/members/${m.anna.id}`, { city: 'X' }),
        404,
        'not_found',
      );
    });
  });

  describe('moving', () => {
    it('is for admins only', async () => {
      const response = await api(ctx.app, cookies.anna).post(`/api/v1/members/${m.bob.id}/move`, {
        sponsorId: m.carl.id,
      });
      expectError(response, 403, 'forbidden');
    });

    it('refuses cycles and the root', async () => {
      const cycle = await api(ctx.app, cookies.root).post(`/api/v1/members/${m.anna.id}/move`, {
        sponsorId: m.dora.id,
      });
      expect(fieldPaths(expectError(cycle, 409, 'move_refused'))).toEqual(['sponsorId']);
      const self = await api(ctx.app, cookies.root).post(`/api/v1/members/${m.anna.id}/move`, {
        sponsorId: m.anna.id,
      });
      expectError(self, 409, 'move_refused');
      const root = await api(ctx.app, cookies.root).post(`/api/v1/members/${m.root.id}/move`, {
        sponsorId: m.eve.id,
      });
      expectError(root, 409, 'move_refused');
    });

    it('refuses a sponsor of another organization', async () => {
      const response = await api(ctx.app, cookies.root).post(`/api/v1/members/${m.bob.id}/move`, {
        sponsorId: m.otto.id,
      });
      expectError(response, 404, 'not_found');
      const other = await api(ctx.app, cookies.otto).post(`/api/v1/members/${m.bob.id}/move`, {
        sponsorId: m.otto.id,
      });
      expectError(other, 404, 'not_found');
    });

    it('re-parents the whole subtree at once and records who moved what', async () => {
      const response = await api(ctx.app, cookies.root).post(`/api/v1/members/${m.bob.id}/move`, {
        sponsorId: m.eve.id,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ sponsorId: m.eve.id, depth: 2 });
      const rows = await ctx.db
        .select()
        .from(members)
        .where(eq(members.organizationId, m.root.organizationId));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const bob = byId.get(m.bob.id)!;
      const dora = byId.get(m.dora.id)!;
      expect(bob.path.startsWith(m.eve.path)).toBe(true);
      expect(dora.path.startsWith(bob.path)).toBe(true);
      expect(dora.depth).toBe(3);
      // Anna no longer sees Bob's line; Eve now does.
      expectError(await api(ctx.app, cookies.anna).get(`/api/v1/members/${m.dora.id}`), 404, 'not_found');
      expect((await api(ctx.app, cookies.eve).get(`/api/v1/members/${m.dora.id}`)).statusCode).toBe(200);
      const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, m.bob.id));
      expect(event).toMatchObject({ action: 'member.moved', actorMemberId: m.root.id });
      expect(event!.data).toMatchObject({ fromSponsorId: m.anna.id, toSponsorId: m.eve.id });
      expect((event!.data as { subtreeSize: number }).subtreeSize).toBeGreaterThanOrEqual(2);
    });
  });
});
