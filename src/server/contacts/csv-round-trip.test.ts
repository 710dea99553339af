// The contacts CSV export over the API: cells a spreadsheet would run as formulas are written as text,
// phone numbers stay readable, and importing the file gives back the same contacts.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';

const CONTACTS = [
  {
    name: '=cmd',
    phone: '+359 88 123 4567',
    messengers: { telegram: '@nina', viber: '+49 (30) 1234' },
    city: '-Sofia',
    source: '=HYPERLINK("http://evil.example","x")',
    notes: "@SUM(1+1)*cmd|' /C calc'!A0",
    tags: ['=tag', 'friends'],
  },
  { name: "'=quoted", interests: '+SUM(A1)', needs: '-12.50', phone: '-12.50' },
  { name: 'Plain Petra', phone: '0887 654 321' },
];

const FIELDS = ['name', 'phone', 'messengers', 'city', 'source', 'notes', 'tags', 'interests', 'needs'];
const pick = (contact: Record<string, unknown>) =>
  Object.fromEntries(
    FIELDS.map((f) => [f, contact[f] ?? (f === 'tags' ? [] : f === 'messengers' ? {} : null)]),
  );

describe('the contacts CSV round trip', () => {
  const ctx = useTestContext();
  const cookies = {} as Record<'anna' | 'bob', string>;

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A' });
    for (const who of ['anna', 'bob'] as const) {
      await createMember(ctx.db, {
        organizationId: org.organization.id,
        sponsor: org.owner,
        name: who,
        account: { email: `${who}@example.test` },
      });
      cookies[who] = await signIn(ctx.app, `${who}@example.test`, DEFAULT_PASSWORD);
    }
    for (const contact of CONTACTS) {
      const response = await api(ctx.app, cookies.anna).post('/api/v1/contacts', contact);
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  it('writes formula cells as text and phone numbers as they are', async () => {
    const response = await api(ctx.app, cookies.anna).get('/api/v1/contacts/export.csv');
    expect(response.statusCode).toBe(200);
    const csv = response.body;
    expect(csv).toContain("'=cmd,+359 88 123 4567,");
    expect(csv).toContain(",'@nina,'-Sofia,");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("''=quoted,-12.50,");
    expect(csv).toContain("'+SUM(A1),-12.50,");
    // No cell begins with a formula character unless it is a phone or signed number.
    for (const line of csv.replace(/^\uFEFF/, '').split('\r\n'))
      for (const cell of line.split(','))
        if (/^[=+\-@]/.test(cell)) expect(cell, line).toMatch(/^[+-][\d (]/);
  });

  it('reads back as the same contacts through our import', async () => {
    const exported = await api(ctx.app, cookies.anna).get('/api/v1/contacts/export.csv');
    const imported = await api(ctx.app, cookies.bob).post('/api/v1/contacts/import', {
      fileName: 'contacts.csv',
      data: Buffer.from(exported.body).toString('base64'),
      mode: 'import',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const list = async (who: 'anna' | 'bob') => {
      const rows = (await api(ctx.app, cookies[who]).get('/api/v1/contacts?limit=50')).json().rows;
      const pages = await Promise.all(
        rows.map(
          async (r: { id: string }) =>
            (await api(ctx.app, cookies[who]).get(`/api/v1/contacts/${r.id}`)).json().contact,
        ),
      );
      return pages.map(pick).sort((a, b) => String(a.name).localeCompare(String(b.name)));
    };
    const bobs = await list('bob');
    expect(bobs).toEqual(await list('anna'));
    expect(bobs.map((c) => c.name)).toContain('=cmd');
    expect(bobs.find((c) => c.name === '=cmd')).toMatchObject({ phone: '+359 88 123 4567' });
  });
});
