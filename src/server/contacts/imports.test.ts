// Importing and exporting contacts over the API: real exports of Google Contacts, Outlook (German,
// Windows-1252) and vCard files, duplicates, bad rows by line, nothing written before the import, and
// exports that hold only the asking member's contacts.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  countRows,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  type MemberRow,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { contacts, members } from '../../db/schema/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/contacts/${name}`, import.meta.url));
const base64 = (data: Buffer | string) => Buffer.from(data).toString('base64');

describe('contact imports and exports', () => {
  const ctx = useTestContext();
  const cookies = {} as Record<'anna' | 'bob', string>;
  let anna: MemberRow;

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A' });
    anna = (
      await createMember(ctx.db, {
        organizationId: org.organization.id,
        sponsor: org.owner,
        name: 'Anna',
        city: 'София',
        account: { email: 'anna@example.test' },
      })
    ).member;
    await ctx.db.update(members).set({ country: 'BG' }).where(eq(members.id, anna.id));
    const bob = await createMember(ctx.db, {
      organizationId: org.organization.id,
      sponsor: anna,
      name: 'Bob',
      account: { email: 'bob@example.test' },
    });
    await ctx.db.update(members).set({ country: 'BG' }).where(eq(members.id, bob.member.id));
    cookies.anna = await signIn(ctx.app, 'anna@example.test', DEFAULT_PASSWORD);
    cookies.bob = await signIn(ctx.app, 'bob@example.test', DEFAULT_PASSWORD);
  });

  const run = (
    who: 'anna' | 'bob',
    fileName: string,
    data: Buffer | string,
    extra: Record<string, unknown> = {},
  ) =>
    api(ctx.app, cookies[who]).post('/api/v1/contacts/import', {
      fileName,
      data: base64(data),
      mode: 'preview',
      ...extra,
    });
  const ownedBy = async (member: MemberRow) =>
    ctx.db.select().from(contacts).where(eq(contacts.ownerId, member.id));

  // The Google export holds one entry with an e-mail address and no name, as real ones do: one bad row.
  it.each([
    ['google-contacts.csv', 'csv', 'google', 1],
    ['google-contacts-legacy.csv', 'csv', 'google', 0],
    ['outlook-en.csv', 'csv', 'outlook', 0],
    ['outlook-de.csv', 'csv', 'outlook', 0],
    ['bulgarian-excel-1251.csv', 'csv', 'template', 0],
    ['template-de.csv', 'csv', 'template', 0],
    ['template-bg.csv', 'csv', 'template', 0],
    ['contacts-v3.vcf', 'vcard', 'vcard', 0],
    ['contacts-v4.vcf', 'vcard', 'vcard', 0],
  ])('previews %s without writing anything', async (name, format, source, invalid) => {
    const before = await countRows(ctx.db, contacts);
    const response = await run('bob', name, fixture(name));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ format, source, imported: null });
    expect(preview.counts.rows).toBeGreaterThan(1);
    expect(preview.counts.invalid).toBe(invalid);
    const clean = preview.rows.filter((r: { errors: unknown[] }) => r.errors.length === 0);
    expect(clean.length).toBe(preview.counts.rows - invalid);
    expect(clean.every((r: { name: string | null }) => r.name)).toBe(true);
    expect(await countRows(ctx.db, contacts)).toBe(before);
  });

  it('imports a German Outlook export (semicolons, Windows-1252) with its umlauts intact', async () => {
    const preview = (await run('anna', 'outlook-de.csv', fixture('outlook-de.csv'))).json();
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const response = await run('anna', 'outlook-de.csv', fixture('outlook-de.csv'), { mode: 'import' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toEqual({ created: preview.counts.rows, merged: 0, skipped: 0 });
    const names = (await ownedBy(anna)).map((c) => `${c.name} ${c.city ?? ''}`).join('\n');
    expect(names).toMatch(/[äöüß]/);
    expect(names).not.toContain('\ufffd');
  });

  it('imports a vCard file with Cyrillic names and several phones', async () => {
    const response = await run('anna', 'contacts-v3.vcf', fixture('contacts-v3.vcf'), { mode: 'import' });
    expect(response.statusCode, response.body).toBe(200);
    const created = response.json().imported.created;
    expect(created).toBeGreaterThan(1);
    expect((await ownedBy(anna)).some((c) => /[а-я]/i.test(c.name))).toBe(true);
  });

  describe('duplicates', () => {
    const csv = [
      'name,phone,email,city,tags',
      'Мария Петрова,+359 888 111 222,,Пловдив,приятели',
      'Maria P.,,maria@example.test,,здраве',
      'Мария (again),00359888111222,,,',
      'Нов човек,0899 000 111,,,',
    ].join('\n');

    beforeAll(async () => {
      await api(ctx.app, cookies.bob).post('/api/v1/contacts', {
        name: 'Мария',
        phone: '0888 111 222',
        email: 'maria@example.test',
      });
    });

    it('finds the same phone in another form and the same e-mail, among my contacts and earlier rows', async () => {
      const preview = (await run('bob', 'list.csv', csv)).json();
      expect(preview.counts).toMatchObject({ rows: 4, duplicates: 3, skip: 3, create: 1, invalid: 0 });
      const byLine = Object.fromEntries(preview.rows.map((r: { line: number }) => [r.line, r]));
      expect(byLine[2].duplicateOf.contact.name).toBe('Мария');
      expect(byLine[3].duplicateOf.contact.name).toBe('Мария');
      expect(byLine[5].duplicateOf).toBeNull();
    });

    it('bob’s contacts are not anna’s duplicates', async () => {
      const preview = (await run('anna', 'list.csv', csv)).json();
      expect(preview.counts.duplicates).toBe(1); // line 4 repeats line 2's phone
      expect(preview.rows.find((r: { line: number }) => r.line === 4).duplicateOf).toEqual({
        contact: null,
        line: 2,
      });
    });

    it('merges into the existing contact: empty fields filled, tags joined; per-line choices win', async () => {
      const response = await run('bob', 'list.csv', csv, {
        mode: 'import',
        duplicates: 'merge',
        decisions: { '4': 'skip' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().imported).toEqual({ created: 1, merged: 2, skipped: 1 });
      const maria = (await api(ctx.app, cookies.bob).get('/api/v1/contacts?q=maria%40example')).json().rows;
      expect(maria).toHaveLength(1);
      expect(maria[0]).toMatchObject({ name: 'Мария', city: 'Пловдив', phone: '0888 111 222' });
      // A different number of the same person is kept in the notes, not dropped.
      const other = await api(ctx.app, cookies.bob).post('/api/v1/contacts/import', {
        fileName: 'more.csv',
        data: base64('name,phone,email\nMaria,0877 999 000,maria@example.test\n'),
        mode: 'import',
        duplicates: 'merge',
      });
      expect(other.json().imported).toEqual({ created: 0, merged: 1, skipped: 0 });
      const page = (await api(ctx.app, cookies.bob).get(`/api/v1/contacts/${maria[0].id}`)).json();
      expect(page.contact.phone).toBe('0888 111 222');
      expect(page.contact.notes).toContain('Other phones: 0877 999 000');
      expect(maria[0].tags.sort()).toEqual(['здраве', 'приятели']);
    });
  });

  describe('bad rows', () => {
    const csv = [
      'name;phone;email;stage;next follow-up',
      'Good One;0888 1;good@example.test;new;',
      ';0888 2;;;',
      'Bad Mail;;anna@;;',
      '"Multi',
      'line name";;;maybe;31.02.2026',
      'Good Two;;;contacted;01.12.2026',
    ].join('\r\n');

    it('the preview lists every problem of every row by its line', async () => {
      const preview = (await run('bob', 'bad.csv', csv)).json();
      expect(preview.counts).toMatchObject({ rows: 5, invalid: 3 });
      const problems = preview.rows
        .filter((r: { errors: unknown[] }) => r.errors.length)
        .map((r: { line: number; errors: { field: string }[] }) => [r.line, r.errors.map((e) => e.field)]);
      expect(problems).toEqual([
        [3, ['name']],
        [4, ['email']],
        [5, ['stage', 'nextFollowUpOn']],
      ]);
    });

    it('an import with errors is refused whole, naming the lines; valid rows only on request', async () => {
      const before = await countRows(ctx.db, contacts);
      const body = expectError(await run('bob', 'bad.csv', csv, { mode: 'import' }), 422, 'import_invalid');
      expect(body.error.fields?.map((f) => f.params?.line)).toEqual([3, 4, 5, 5]);
      expect(body.error.fields?.[0]?.message).toMatch(/^Line 3: /);
      expect(await countRows(ctx.db, contacts)).toBe(before);

      const response = await run('bob', 'bad.csv', csv, { mode: 'import', skipInvalidRows: true });
      expect(response.json().imported).toEqual({ created: 2, merged: 0, skipped: 3 });
      expect(await countRows(ctx.db, contacts)).toBe(before + 2);
    });

    it('a mapping of the wrong length, a file that is not base64 or not a contacts file are 4xx', async () => {
      let body = expectError(
        await run('bob', 'bad.csv', csv, { mapping: ['name'] }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['mapping']);
      body = expectError(
        await api(ctx.app, cookies.bob).post('/api/v1/contacts/import', {
          fileName: 'x.csv',
          data: '***',
          mode: 'preview',
        }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['data']);
      body = expectError(await run('bob', 'empty.csv', '\n\n'), 422, 'import_invalid');
      expect(fieldPaths(body)).toEqual(['data']);
      // A broken card is one bad row, not a broken file.
      const broken = (await run('bob', 'broken.vcf', 'BEGIN:VCARD\nFN:x')).json();
      expect(broken.counts).toMatchObject({ rows: 1, invalid: 1 });
      expect(broken.rows[0]).toMatchObject({ line: 1, errors: [{ code: 'unreadable' }] });
    });

    it('control characters in a card (quoted-printable =00) are dropped, not a failed import', async () => {
      const card =
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul Test\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=00b\r\nEND:VCARD\r\n';
      const response = await run('bob', 'nul.vcf', card, { mode: 'import' });
      expect(response.statusCode, response.body).toBe(200);
      const [stored] = await ctx.db.select().from(contacts).where(eq(contacts.name, 'Nul Test'));
      expect(stored?.notes).toBe('ab');
    });

    it('a chosen mapping is used instead of the guess', async () => {
      const file = 'Spalte A;Spalte B\nIvana;Varna\n';
      const guessed = (await run('bob', 'x.csv', file)).json();
      expect(guessed.columns.map((c: { field: string | null }) => c.field)).toEqual([null, null]);
      expect(guessed.counts.invalid).toBe(1);
      const mapped = (await run('bob', 'x.csv', file, { mapping: ['name', 'city'] })).json();
      expect(mapped.counts).toMatchObject({ invalid: 0, create: 1 });
      expect(mapped.rows[0]).toMatchObject({ name: 'Ivana', city: 'Varna' });
    });
  });

  describe('exports', () => {
    it('CSV and vCard hold my contacts only, and import back as duplicates', async () => {
      const mine = (await ownedBy(anna)).length;
      const csv = await api(ctx.app, cookies.anna).get('/api/v1/contacts/export.csv?delimiter=semicolon');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /attachment; filename="contacts-\d{4}-\d\d-\d\d\.csv"/,
      );
      expect(csv.body).not.toMatch(/Мария \(again\)|Good One/);
      const again = (await run('anna', 'export.csv', csv.rawPayload)).json();
      expect(again.counts).toMatchObject({ rows: mine, invalid: 0 });

      const vcf = await api(ctx.app, cookies.anna).get('/api/v1/contacts/export.vcf');
      expect(vcf.headers['content-type']).toMatch(/^text\/vcard/);
      expect(vcf.body.match(/BEGIN:VCARD/g)).toHaveLength(mine);
      const back = (await run('anna', 'export.vcf', vcf.rawPayload)).json();
      expect(back.counts).toMatchObject({ rows: mine, invalid: 0 });
    });

    it('the template comes in the member’s language', async () => {
      const de = await api(ctx.app, cookies.anna).get('/api/v1/contacts/import/template.csv?locale=de');
      expect(de.statusCode).toBe(200);
      const preview = (await run('anna', 'template.csv', de.rawPayload)).json();
      expect(preview).toMatchObject({ source: 'template', counts: { invalid: 0 } });
    });

    it('anonymous requests are refused', async () => {
      for (const url of [
        '/api/v1/contacts/export.csv',
        '/api/v1/contacts/export.vcf',
        '/api/v1/contacts/import/template.csv',
      ])
        expectError(await api(ctx.app).get(url), 401, 'unauthenticated');
      expectError(
        await api(ctx.app).post('/api/v1/contacts/import', {
          fileName: 'a.csv',
          data: base64('name\nA'),
          mode: 'preview',
        }),
        401,
        'unauthenticated',
      );
    });
  });
});
