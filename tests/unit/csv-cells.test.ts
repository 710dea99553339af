// CSV exports: a cell a spreadsheet would run as a formula gets a leading quote; phone numbers and
// signed numbers stay readable; our imports take the quote off again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactsToCsv, readContactFile } from '../../src/core/contacts/import.ts';
import { csvCell, guardCell, unguardCell } from '../../src/core/csv-cells.ts';
import { parseMembersCsv } from '../../src/core/structure/import.ts';
import { draft, utf8 } from '../support/contact-files.ts';

describe('guardCell', () => {
  it('puts a quote before cells that begin with =, +, -, @, tab or carriage return', () => {
    for (const value of [
      '=cmd',
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example","click")',
      '+SUM(A1:A9)',
      '-2+3+cmd',
      '@SUM(A1)',
      '@nina',
      '\t=1+1',
      '\r=1+1',
      '+1-2',
      '-',
      '+',
    ])
      expect(guardCell(value), JSON.stringify(value)).toBe(`'${value}`);
  });

  it('leaves phone numbers, signed numbers and ordinary text as they are', () => {
    for (const value of [
      '+359 88 123 4567',
      '+49 (30) 1234',
      '+44 7700 900123',
      '+1 (555) 010-9999',
      '-12.50',
      '+5',
      '-1,234.50',
      '0887 654 321',
      'Maria = Mimi',
      'plain',
      '',
    ])
      expect(guardCell(value), value).toBe(value);
  });

  it('is undone by unguardCell, for any text', () => {
    const unit = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', ' ', '1', '5', 'a', '(', ')', '|', '!');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (value) => {
        expect(unguardCell(guardCell(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
    expect(unguardCell("'=cmd")).toBe('=cmd');
    expect(unguardCell("''=cmd")).toBe("'=cmd");
    expect(unguardCell("'+359 88 123 4567")).toBe("'+359 88 123 4567");
    expect(unguardCell("'quoted")).toBe("'quoted");
  });

  it('csvCell guards before it quotes', () => {
    expect(csvCell('=1,2', ',')).toBe(`"'=1,2"`);
    expect(csvCell('=1;2', ',')).toBe(`'=1;2`);
    expect(csvCell(null, ',')).toBe('');
    expect(csvCell(3, ',')).toBe('3');
  });
});

const contact = draft;

describe('the contacts CSV export', () => {
  const risky = [
    contact({
      name: '=cmd',
      phone: '+359 88 123 4567',
      messengers: { telegram: '@nina', viber: '+49 (30) 1234' },
      city: '-Sofia',
      source: '=HYPERLINK("http://evil.example","x")',
      notes: "@SUM(1+1)*cmd|' /C calc'!A0",
      tags: ['=tag', 'ok'],
    }),
    contact({ name: "'=already quoted", interests: '+SUM(A1)', needs: '-12.50' }),
  ];

  it('neutralizes formula cells and keeps phone numbers readable', () => {
    const csv = contactsToCsv(risky, ',');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^'=cmd,\+359 88 123 4567,,,\+49 \(30\) 1234,'@nina,'-Sofia,/);
    expect(csv).not.toMatch(/(^|[,\n"])[=+\-@](?![\d (])/m);
    expect(lines[2]!.startsWith(`''=already quoted,`)).toBe(true);
    expect(lines[2]).toContain(",'+SUM(A1),-12.50,");
  });

  it('reads back identically through our import, with either delimiter', () => {
    for (const delimiter of [',', ';'] as const) {
      const file = readContactFile(utf8(contactsToCsv(risky, delimiter)), 'contacts.csv');
      expect(file.rows().map((r) => r.draft)).toEqual(risky);
    }
  });
});

describe('the members import', () => {
  it('takes the guard off cells as the contacts import does', () => {
    const parsed = parseMembersCsv(
      "external_id,sponsor_external_id,name,phone,city\r\n1,,'=cmd,+359 88 123 4567,'@home\r\n",
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.fields).toMatchObject({ name: '=cmd', phone: '+359 88 123 4567', city: '@home' });
  });
});
