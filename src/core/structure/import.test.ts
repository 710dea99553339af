import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  type ExistingMember,
  type ImportContext,
  type ImportPlan,
  parseDate,
  parseMembersCsv,
  planImport,
} from './import.ts';
import { childPath } from './path.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url), 'utf8');

const ROOT_PATH = childPath('', 1);
const emptyContext = (): ImportContext => ({
  root: { path: ROOT_PATH, externalId: null },
  existing: new Map(),
});

/** What an organization looks like after a plan was applied (paths as the service computes them). */
function applyInMemory(plan: ImportPlan, context: ImportContext): ImportContext {
  const existing = new Map(context.existing);
  let seq = 1 + existing.size;
  const pathOf = (id: string | null) => (id === null ? context.root.path : existing.get(id)!.path);
  for (const insert of plan.inserts) {
    existing.set(insert.externalId, {
      id: `m${seq}`,
      path: childPath(pathOf(insert.sponsorExternalId), ++seq),
      name: insert.fields.name,
      email: insert.fields.email ?? null,
      phone: insert.fields.phone ?? null,
      city: insert.fields.city ?? null,
      country: insert.fields.country ?? null,
      kind: insert.fields.kind ?? 'partner',
      joinedOn: insert.fields.joinedOn ?? '2026-01-01',
    });
  }
  for (const update of plan.updates) {
    const [key, member] = [...existing].find(([, m]) => m.id === update.memberId)!;
    existing.set(key, { ...member, ...update.changes } as ExistingMember);
  }
  for (const move of plan.moves) {
    const member = existing.get(move.externalId)!;
    const oldPath = member.path;
    const newPath = pathOf(move.sponsorExternalId) + oldPath.slice(-6);
    for (const [key, m] of existing) {
      if (m.path.startsWith(oldPath))
        existing.set(key, { ...m, path: newPath + m.path.slice(oldPath.length) });
    }
  }
  return { root: context.root, existing };
}

describe('parseMembersCsv', () => {
  it('reads a German back-office export: BOM, semicolons, CRLF, German headers, Cyrillic, quoted fields', () => {
    const parsed = parseMembersCsv(fixture('back-office-de.csv'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.columns).toEqual([
      'external_id',
      'sponsor_external_id',
      'name',
      'email',
      'phone',
      'city',
      'country',
      'kind',
      'joined_on',
    ]);
    expect(parsed.rows.map((r) => [r.line, r.externalId, r.sponsorExternalId])).toEqual([
      [2, 'BG-1000', null],
      [3, 'BG-1001', 'BG-1000'],
      [4, 'BG-1002', 'BG-1001'],
      [5, 'BG-1003', 'BG-1000'],
      [6, 'BG-1004', 'BG-1003'],
      // The name of BG-1004 spans two lines.
      [8, 'DE-2000', 'BG-1000'],
      [9, 'DE-2001', 'DE-2000'],
    ]);
    expect(parsed.rows[0]!.fields).toEqual({
      name: 'Мария Иванова',
      email: 'maria.ivanova@example.com',
      phone: '+359 88 123 4567',
      city: 'София',
      country: 'BG',
      kind: 'partner',
      joinedOn: '2020-02-03',
    });
    expect(parsed.rows[2]!.fields).toMatchObject({
      name: 'Иванка "Ваня" Стоянова',
      kind: 'customer',
      country: 'BG',
    });
    expect(parsed.rows[3]!.fields.name).toBe('Dimitrov; Petar');
    expect(parsed.rows[4]!.fields).toMatchObject({
      name: 'Елена Колева\r\n(мама на Петър)',
      kind: 'customer',
    });
    expect(parsed.rows[6]!.fields).toMatchObject({ kind: 'customer', country: 'DE', joinedOn: '2023-11-30' });
  });

  it('reports every bad row with its physical line, and keeps the good ones', () => {
    const parsed = parseMembersCsv(fixture('with-errors.csv'));
    const plan = planImport(parsed, emptyContext());
    expect(plan.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, 'duplicate_id', 'external_id'],
      [4, 'unknown_sponsor', 'sponsor_external_id'],
      [5, 'invalid_date', 'joined_on'],
      [7, 'duplicate_id', 'external_id'],
      [8, 'cycle', 'sponsor_external_id'],
      [9, 'cycle', 'sponsor_external_id'],
      [10, 'invalid_email', 'email'],
      [10, 'invalid_country', 'country'],
      [10, 'invalid_kind', 'kind'],
      [13, 'required', 'external_id'],
    ]);
    expect(plan.skipped.map((s) => [s.line, s.externalId, s.code])).toEqual([
      [6, 'A5', 'sponsor_not_imported'],
    ]);
    expect(plan.skipped[0]!.message).toContain('line 5');
    expect(plan.inserts.map((i) => i.externalId)).toEqual(['A1', 'A9']);
    expect(plan.errors.find((e) => e.code === 'cycle')!.message).toMatch(
      /A6 \(line 8\) → A7 \(line 9\) → A6/,
    );
  });

  it('accepts Bulgarian headers and a comma-separated file without BOM', () => {
    const csv =
      'Номер,Спонсор,Име,Имейл,Телефон,Град,Държава,Вид,Дата на присъединяване\n1,,Петя,petya@example.bg,,Русе,BG,партньор,01.01.2024\n';
    const parsed = parseMembersCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      externalId: '1',
      fields: { name: 'Петя', kind: 'partner', city: 'Русе', joinedOn: '2024-01-01' },
    });
  });

  it('names missing required columns on line 1', () => {
    const parsed = parseMembersCsv('id;email\n1;a@b.cd\n');
    expect(parsed.errors).toEqual([
      expect.objectContaining({ line: 1, code: 'missing_column', field: 'name' }),
    ]);
    expect(parseMembersCsv('').errors[0]).toMatchObject({ line: 1, code: 'empty_file' });
    expect(parseMembersCsv('\uFEFF\n').errors[0]).toMatchObject({ code: 'empty_file' });
  });

  it('takes only ISO 3166 country codes, in any case', () => {
    const parsed = parseMembersCsv('external_id,name,country\n1,One,bg\n2,Two,XX\n3,Three,UK\n4,Four,de\n');
    expect(parsed.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, 'invalid_country', 'country'],
      [4, 'invalid_country', 'country'],
    ]);
    expect(parsed.rows.map((r) => r.fields.country)).toEqual(['BG', 'DE']);
  });

  it('reports an unclosed quote, extra fields and a member sponsoring themselves', () => {
    const csv = 'external_id,name,sponsor_external_id\n1,One,\n2,Two,2\n3,"Three, Jr",1,extra\n4,"Four,1\n';
    const parsed = parseMembersCsv(csv);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'self_sponsor'],
      [4, 'too_many_fields'],
      [5, 'malformed_csv'],
    ]);
    expect(parsed.rows.map((r) => r.externalId)).toEqual(['1']);
  });

  it('parses dates strictly and detects the delimiter from the header', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('29.2.2023')).toBeNull();
    expect(parseDate('1.2.2023')).toBe('2023-02-01');
    expect(parseDate('2023/02/01')).toBeNull();
    expect(detectDelimiter('"a;b",c,d\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('planImport against existing members', () => {
  const csv = (rows: string[]) => ['external_id,sponsor_external_id,name,city,kind', ...rows].join('\n');

  it('re-importing the same file changes nothing; a changed row updates; a new sponsor moves', () => {
    const file = csv(['A,,Anna,Sofia,partner', 'B,A,Boris,Varna,partner', 'C,B,Cveta,Ruse,customer']);
    const first = planImport(parseMembersCsv(file), emptyContext());
    expect(first.inserts.map((i) => i.externalId)).toEqual(['A', 'B', 'C']);
    const after = applyInMemory(first, emptyContext());

    const again = planImport(parseMembersCsv(file), after);
    expect([again.inserts.length, again.updates.length, again.moves.length, again.unchanged]).toEqual([
      0, 0, 0, 3,
    ]);

    const changed = csv(['A,,Anna,Sofia,partner', 'B,A,Boris,Burgas,partner', 'C,A,Cveta,Ruse,customer']);
    const plan = planImport(parseMembersCsv(changed), after);
    expect(plan.updates).toEqual([
      { line: 3, externalId: 'B', memberId: after.existing.get('B')!.id, changes: { city: 'Burgas' } },
    ]);
    expect(plan.moves).toEqual([
      { line: 4, externalId: 'C', memberId: after.existing.get('C')!.id, sponsorExternalId: 'A' },
    ]);
    expect(plan.unchanged).toBe(1);
  });

  it('refuses a sponsor change into the member’s own downline, also through members not in the file', () => {
    const base = applyInMemory(
      planImport(parseMembersCsv(csv(['A,,Anna,,', 'B,A,Boris,,', 'C,B,Cveta,,'])), emptyContext()),
      emptyContext(),
    );
    // Only A is in the file: its new sponsor C is below it through B, which keeps its place.
    const plan = planImport(parseMembersCsv(csv(['A,C,Anna,,'])), base);
    expect(plan.errors).toEqual([expect.objectContaining({ line: 2, code: 'cycle' })]);
    expect(plan.moves).toEqual([]);
  });

  it('orders moves so that a sponsor is in place before members move below them', () => {
    const base = applyInMemory(
      planImport(parseMembersCsv(csv(['X,,X,,', 'S,X,S,,'])), emptyContext()),
      emptyContext(),
    );
    // Swap: S moves to the top, X below S. X first would put X under its own downline.
    const plan = planImport(parseMembersCsv(csv(['X,S,X,,', 'S,,S,,'])), base);
    expect(plan.errors).toEqual([]);
    expect(plan.moves.map((m) => m.externalId)).toEqual(['S', 'X']);
    const after = applyInMemory(plan, base);
    expect(after.existing.get('X')!.path.startsWith(after.existing.get('S')!.path)).toBe(true);
  });

  it('treats the root member’s own external id as the top and never moves the root', () => {
    const context: ImportContext = {
      root: { path: ROOT_PATH, externalId: 'OWNER' },
      existing: new Map([
        [
          'OWNER',
          {
            id: 'root',
            path: ROOT_PATH,
            name: 'Owner',
            email: null,
            phone: null,
            city: null,
            country: null,
            kind: 'partner',
            joinedOn: '2020-01-01',
          },
        ],
      ]),
    };
    const plan = planImport(
      parseMembersCsv(csv(['OWNER,,Owner,,', 'A,OWNER,Anna,,', 'B,,Boris,,'])),
      context,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.inserts.map((i) => [i.externalId, i.sponsorExternalId])).toEqual([
      ['A', null],
      ['B', null],
    ]);
    expect(plan.unchanged).toBe(1);
    const moved = planImport(parseMembersCsv(csv(['OWNER,A,Owner,,', 'A,,Anna,,'])), context);
    expect(moved.errors.map((e) => e.code)).toEqual(['root_has_sponsor']);
    expect(moved.skipped.map((s) => s.externalId)).toEqual([]);
  });
});

// Random forests, written to CSV with shuffled rows, either delimiter and either line break.
const NAME_UNITS = fc.constantFrom('a', 'Z', ' ', '"', ',', ';', '\n', '\r\n', 'ä', 'я', '\t');
const forest = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
      fc.array(fc.string({ unit: NAME_UNITS, maxLength: 12 }), { minLength: n, maxLength: n }),
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      fc.constantFrom(',', ';'),
      fc.constantFrom('\n', '\r\n'),
    ),
  )
  .map(([parents, names, order, delimiter, newline]) => {
    // Member i may only be sponsored by a member before it: a forest.
    const sponsor = parents.map((p, i) => (i === 0 || p < 0 ? -1 : p % i));
    return { sponsor, names, order, delimiter, newline };
  });

type Forest = typeof forest extends fc.Arbitrary<infer T> ? T : never;

function toCsv({ sponsor, names, order, delimiter, newline }: Forest) {
  const quote = (v: string) => (/["\r\n,;]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ['external_id', 'sponsor_external_id', 'name'].join(delimiter);
  const rows = order.map((i) =>
    [`M${i}`, sponsor[i]! < 0 ? '' : `M${sponsor[i]}`, quote(`N${i} ${names[i]}`)].join(delimiter),
  );
  return [lines, ...rows].join(newline) + newline;
}

describe('properties', () => {
  it('every member of a valid file is inserted exactly once, sponsors first, lines right', () => {
    fc.assert(
      fc.property(forest, (f) => {
        const parsed = parseMembersCsv(toCsv(f));
        expect(parsed.errors).toEqual([]);
        const plan = planImport(parsed, emptyContext());
        expect(plan.inserts).toHaveLength(f.sponsor.length);
        const seen = new Set<string>();
        for (const insert of plan.inserts) {
          if (insert.sponsorExternalId !== null) expect(seen.has(insert.sponsorExternalId)).toBe(true);
          seen.add(insert.externalId);
        }
        expect(seen.size).toBe(f.sponsor.length);
        for (const insert of plan.inserts) {
          const i = Number(insert.externalId.slice(1));
          expect(insert.sponsorExternalId).toBe(f.sponsor[i]! < 0 ? null : `M${f.sponsor[i]}`);
          expect(insert.fields.name).toBe(`N${i} ${f.names[i]}`.trim());
        }
        // Physical lines: the header and every line break inside earlier names.
        let line = 2;
        const lineOf = new Map<string, number>();
        for (const i of f.order) {
          lineOf.set(`M${i}`, line);
          line += 1 + (f.names[i]!.match(/\r?\n/g)?.length ?? 0);
        }
        for (const row of parsed.rows) expect(row.line).toBe(lineOf.get(row.externalId));
      }),
      { numRuns: 150 },
    );
  });

  it('re-importing is a no-op; a random re-parenting that stays a forest plans only moves', () => {
    fc.assert(
      fc.property(forest, fc.integer({ min: 0, max: 1000 }), (f, pick) => {
        const names = { ...f, names: f.names.map((_, i) => `x${i}`) };
        const first = planImport(parseMembersCsv(toCsv(names)), emptyContext());
        const after = applyInMemory(first, emptyContext());
        const again = planImport(parseMembersCsv(toCsv(names)), after);
        expect([again.inserts.length, again.updates.length, again.moves.length]).toEqual([0, 0, 0]);
        expect(again.unchanged).toBe(f.sponsor.length);

        // Move one member to the top: always valid.
        const i = pick % f.sponsor.length;
        const moved = { ...names, sponsor: names.sponsor.map((s, k) => (k === i ? -1 : s)) };
        const plan = planImport(parseMembersCsv(toCsv(moved)), after);
        expect(plan.errors).toEqual([]);
        expect(plan.moves.length).toBe(f.sponsor[i]! < 0 ? 0 : 1);
        expect(plan.updates).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
