// Importing members through the admin API: preview, import, re-import, errors by line, and who may.
import { readFileSync } from 'node:fs';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, members } from '../../../src/db/schema/index.ts';
import {
  api,
  countRows,
  createMember,
  createOrganization,
  expectError,
  type MemberRow,
  type OrganizationRow,
  signIn,
  type TestUser,
  useTestContext,
} from '../../../tests/support/index.ts';
import { importMembers } from './service.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url), 'utf8');
const URL_ = '/api/v1/imports/members';

describe('POST /api/v1/imports/members', () => {
  const ctx = useTestContext();
  let org: { organization: OrganizationRow; owner: MemberRow; ownerUser: TestUser };
  let other: { organization: OrganizationRow; owner: MemberRow; ownerUser: TestUser };
  let admin: string;
  let plain: string;

  const membersOf = (organizationId: string) =>
    ctx.db
      .select()
      .from(members)
      .where(and(eq(members.organizationId, organizationId), isNotNull(members.externalId)))
      .orderBy(asc(members.path));

  beforeAll(async () => {
    org = await createOrganization(ctx.db, { name: 'Import Team' });
    other = await createOrganization(ctx.db, { name: 'Other Team' });
    admin = await signIn(ctx.app, org.ownerUser.email, org.ownerUser.password);
    const member = await createMember(ctx.db, {
      organizationId: org.organization.id,
      sponsor: org.owner,
      role: 'member',
    });
    plain = await signIn(ctx.app, member.user!.email, member.user!.password);
  });

  it('anonymous is 401, a member who is not an admin 403', async () => {
    const body = { fileName: 'a.csv', csv: fixture('back-office-de.csv'), mode: 'preview' };
    expectError(await api(ctx.app).post(URL_, body), 401, 'unauthenticated');
    expectError(await api(ctx.app, plain).post(URL_, body), 403, 'forbidden');
    expectError(await api(ctx.app, plain).post(URL_, { ...body, mode: 'import' }), 403, 'forbidden');
    expect(await membersOf(org.organization.id)).toEqual([]);
  });

  it('validates the body', async () => {
    const response = await api(ctx.app, admin).post(URL_, { fileName: 'a.csv', csv: '', mode: 'write' });
    const body = expectError(response, 400, 'validation_failed');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['csv', 'mode']);
  });

  it('previews without writing: counts, no errors, the first planned rows', async () => {
    const response = await api(ctx.app, admin).post(URL_, {
      fileName: 'back-office-de.csv',
      csv: fixture('back-office-de.csv'),
      mode: 'preview',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      mode: 'preview',
      written: false,
      counts: { rows: 7, inserts: 7, updates: 0, moves: 0, unchanged: 0, errors: 0, skipped: 0 },
      errors: [],
    });
    expect(body.rows[0]).toEqual({
      line: 2,
      externalId: 'BG-1000',
      action: 'insert',
      name: 'Мария Иванова',
      sponsorExternalId: null,
    });
    expect(body.rows.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5, 6, 8, 9]);
    expect(await membersOf(org.organization.id)).toEqual([]);
  });

  it('imports under the root member, sponsors before their downline, with an audit event', async () => {
    const response = await api(ctx.app, admin).post(URL_, {
      fileName: 'back-office-de.csv',
      csv: fixture('back-office-de.csv'),
      mode: 'import',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ mode: 'import', written: true, counts: { inserts: 7 } });

    const rows = await membersOf(org.organization.id);
    const byId = new Map(rows.map((m) => [m.externalId, m]));
    const top = byId.get('BG-1000')!;
    expect(top).toMatchObject({
      sponsorId: org.owner.id,
      depth: 1,
      name: 'Мария Иванова',
      city: 'София',
      kind: 'partner',
      joinedOn: '2020-02-03',
      status: 'active',
      role: 'member',
      userId: null,
    });
    expect(top.path.startsWith(org.owner.path)).toBe(true);
    for (const m of rows) {
      const sponsor = rows.find((s) => s.id === m.sponsorId) ?? org.owner;
      expect(m.path).toBe(sponsor.path + m.path.slice(-6));
      expect(m.depth).toBe(sponsor.depth + 1);
    }
    expect(byId.get('DE-2001')!.depth).toBe(3);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id));
    expect(event).toMatchObject({
      action: 'members.imported',
      actorMemberId: org.owner.id,
      data: expect.objectContaining({ fileName: 'back-office-de.csv', inserted: 7, updated: 0, moved: 0 }),
    });
    // Nothing reached the other organization.
    expect(await membersOf(other.organization.id)).toEqual([]);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await membersOf(org.organization.id);
    const events = await countRows(ctx.db, auditEvents);
    const response = await api(ctx.app, admin).post(URL_, {
      fileName: 'back-office-de.csv',
      csv: fixture('back-office-de.csv'),
      mode: 'import',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      written: false,
      counts: { inserts: 0, updates: 0, moves: 0, unchanged: 7 },
    });
    expect(await membersOf(org.organization.id)).toEqual(before);
    expect(await countRows(ctx.db, auditEvents)).toBe(events);
  });

  it('a changed row updates the member; a new sponsor moves their whole downline', async () => {
    const csv = [
      'external_id;sponsor_external_id;name;city',
      'BG-1001;BG-1000;Георги Петров;Русе',
      // BG-1003 (with BG-1004 below) moves under BG-1002, a customer deep in another leg.
      'BG-1003;BG-1002;Dimitrov; Petar;Стара Загора',
    ].join('\n');
    // The unquoted `;` in the name gives one field too many: reported, nothing written.
    const refused = await api(ctx.app, admin).post(URL_, { fileName: 'b.csv', csv, mode: 'import' });
    const error = expectError(refused, 422, 'import_invalid');
    expect(error.error.fields).toEqual([
      {
        path: 'csv',
        code: 'too_many_fields',
        message: expect.stringMatching(/^Line 3: /),
        params: { line: 3 },
      },
    ]);

    const fixed = csv.replace('Dimitrov; Petar', '"Dimitrov; Petar"');
    const response = await api(ctx.app, admin).post(URL_, { fileName: 'b.csv', csv: fixed, mode: 'import' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      counts: { inserts: 0, updates: 1, moves: 1, unchanged: 0 },
      rows: [
        { line: 2, externalId: 'BG-1001', action: 'update', changes: ['city'] },
        { line: 3, externalId: 'BG-1003', action: 'move', sponsorExternalId: 'BG-1002' },
      ],
    });
    const byId = new Map((await membersOf(org.organization.id)).map((m) => [m.externalId, m]));
    expect(byId.get('BG-1001')!.city).toBe('Русе');
    const [b2, b3, b4] = ['BG-1002', 'BG-1003', 'BG-1004'].map((id) => byId.get(id)!);
    expect(b3!.sponsorId).toBe(b2!.id);
    expect(b3!.path).toBe(b2!.path + b3!.path.slice(-6));
    expect(b3!.depth).toBe(b2!.depth + 1);
    expect(b4!.path).toBe(b3!.path + b4!.path.slice(-6));
    expect(b4!.depth).toBe(b3!.depth + 1);
  });

  it('a file with errors: the preview lists them by line; import writes nothing; valid rows on request', async () => {
    const csv = fixture('with-errors.csv');
    const before = await countRows(ctx.db, members);

    const preview = await api(ctx.app, admin).post(URL_, { fileName: 'bad.csv', csv, mode: 'preview' });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    // 12 lines, 11 rows: one name spans two lines.
    expect(body.counts).toMatchObject({ rows: 11, inserts: 2, errors: 10, skipped: 1 });
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 7, 8, 9, 10, 10, 10, 13]);
    expect(body.skipped).toEqual([
      expect.objectContaining({ line: 6, externalId: 'A5', code: 'sponsor_not_imported' }),
    ]);

    const refused = await api(ctx.app, admin).post(URL_, { fileName: 'bad.csv', csv, mode: 'import' });
    const error = expectError(refused, 422, 'import_invalid');
    expect(error.error.fields).toHaveLength(10);
    expect(error.error.fields![0]).toMatchObject({ path: 'csv', code: 'duplicate_id', params: { line: 3 } });
    expect(await countRows(ctx.db, members)).toBe(before);

    const partial = await api(ctx.app, admin).post(URL_, {
      fileName: 'bad.csv',
      csv,
      mode: 'import',
      importValidRows: true,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ written: true, counts: { inserts: 2, errors: 10, skipped: 1 } });
    expect(await countRows(ctx.db, members)).toBe(before + 2);
    const names = (await membersOf(org.organization.id)).map((m) => m.externalId);
    expect(names).toEqual(expect.arrayContaining(['A1', 'A9']));
    expect(names).not.toContain('A5');
  });

  it('an admin imports into their own organization only', async () => {
    const cookie = await signIn(ctx.app, other.ownerUser.email, other.ownerUser.password);
    const csv = 'external_id,name\nBG-1000,Someone Else\n';
    const response = await api(ctx.app, cookie).post(URL_, { fileName: 'x.csv', csv, mode: 'import' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().counts).toMatchObject({ inserts: 1, updates: 0 });
    const mine = (await membersOf(org.organization.id)).find((m) => m.externalId === 'BG-1000')!;
    expect(mine.name).toBe('Мария Иванова');
    const theirs = await membersOf(other.organization.id);
    expect(theirs.map((m) => [m.externalId, m.name, m.sponsorId])).toEqual([
      ['BG-1000', 'Someone Else', other.owner.id],
    ]);
  });

  it('the service imports a larger demo-like file with many sponsors in one go', async () => {
    const { demoCsv } = await import('../../core/structure/demo.ts');
    const target = await createOrganization(ctx.db, { name: 'Bulk' });
    const csv = demoCsv({ members: 2500, locale: 'en', seed: 9 });
    const outcome = await importMembers(ctx.db, {
      organizationId: target.organization.id,
      actorMemberId: null,
      fileName: 'demo.csv',
      csv,
      mode: 'import',
      today: '2026-01-01',
    });
    expect(outcome.counts).toMatchObject({ inserts: 2500, errors: 0 });
    const rows = await membersOf(target.organization.id);
    expect(rows).toHaveLength(2500);
    const byId = new Map(rows.map((m) => [m.id, m]));
    for (const m of rows) {
      const sponsor = byId.get(m.sponsorId!) ?? target.owner;
      expect(m.path.slice(0, -6)).toBe(sponsor.path);
    }
    const again = await importMembers(ctx.db, {
      organizationId: target.organization.id,
      actorMemberId: null,
      fileName: 'demo.csv',
      csv,
      mode: 'import',
      today: '2026-01-01',
    });
    expect(again.counts).toMatchObject({ inserts: 0, updates: 0, moves: 0, unchanged: 2500 });
  });

  it('stores values with backslashes, tabs and line breaks as written (COPY text escaping)', async () => {
    const target = await createOrganization(ctx.db, { name: 'Escapes' });
    const name = 'A\\B\tC\nD \\N';
    const csv = `external_id,name,city\nESC-1,"${name}",\\N\n`;
    const outcome = await importMembers(ctx.db, {
      organizationId: target.organization.id,
      actorMemberId: null,
      fileName: 'escapes.csv',
      csv,
      mode: 'import',
      today: '2026-01-01',
    });
    expect(outcome.counts).toMatchObject({ inserts: 1, errors: 0 });
    const [row] = await membersOf(target.organization.id);
    expect([row!.name, row!.city, row!.phone]).toEqual([name, '\\N', null]);
  });
});
