import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord, readCsv } from './csv.ts';

/** Reads `text` in the given pieces. */
function inPieces(text: string, cuts: number[]): { delimiter: string | null; records: CsvRecord[] } {
  const reader = new CsvReader();
  const records: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...reader.push(text.slice(from, cut)));
    from = cut;
  }
  records.push(...reader.push(text.slice(from)), ...reader.end());
  return { delimiter: reader.delimiter, records };
}

const lines = (records: CsvRecord[]) => records.map((r) => [r.line, r.fields]);

describe('CsvReader', () => {
  it('detects the delimiter from the first line and keeps physical line numbers', () => {
    const text = '\ufeffid;name;note\r\n1;Anna;"two\r\nlines"\r\n\r\n2;"Bob ""B"" Smith";"a;b"\r\n';
    const { delimiter, records } = readCsv(text);
    expect(delimiter).toBe(';');
    expect(lines(records)).toEqual([
      [1, ['id', 'name', 'note']],
      [2, ['1', 'Anna', 'two\r\nlines']],
      [4, ['']],
      [5, ['2', 'Bob "B" Smith', 'a;b']],
    ]);
    expect(records.every((r) => r.problem === null)).toBe(true);
  });

  it('reads files with lone \\r line breaks, tabs, and a last line without a break', () => {
    expect(lines(readCsv('a\tb\r1\t2\r3\t4').records)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('takes the delimiter from Excel’s sep= line; the header is then line 2', () => {
    const { delimiter, records } = readCsv('sep=,\na;b,c\n1;2,3\n');
    expect(delimiter).toBe(',');
    expect(lines(records)).toEqual([
      [2, ['a;b', 'c']],
      [3, ['1;2', '3']],
    ]);
  });

  it('reports an open quote and text after a closing quote, and reads on', () => {
    const { records } = readCsv('a,b\n"x"y,1\n2,"open\n');
    expect(records[1]).toMatchObject({
      line: 2,
      fields: ['xy', '1'],
      problem: expect.stringMatching(/after/),
    });
    expect(records[2]).toMatchObject({
      line: 3,
      fields: ['2', 'open\n'],
      problem: expect.stringMatching(/not closed/),
    });
  });

  it('a quote left open for more than a megabyte is a broken line, not one huge value', () => {
    const reader = new CsvReader();
    const records = [...reader.push('a,b\n1,"broken\n')];
    for (let i = 0; i < 40; i++) records.push(...reader.push(`${i},${'x'.repeat(30_000)}\n`));
    records.push(...reader.end());
    expect(records[1]).toMatchObject({ line: 2, problem: expect.stringMatching(/not closed/) });
    expect(records.at(-1)).toMatchObject({ line: 42, fields: ['39', 'x'.repeat(30_000)] });
  });

  it('reads the same records whatever pieces the text arrives in', () => {
    const cellChars = fc.constantFrom('a', 'b', 'ä', 'б', ' ', ',', ';', '"', '\n', '\r\n', '1');
    const cell = fc.array(cellChars, { maxLength: 6 }).map((chars) => chars.join(''));
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      );
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, delimiter, newline, rawCuts) => {
          // A header line of plain names fixes the delimiter.
          const header = rows[0]!.map((_, i) => `c${i}`);
          const quote = (v: string) => (/[",;\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
          const all = [header, ...rows];
          const text = all.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          const { records } = inPieces(text, cuts);
          expect(records.map((r) => r.fields)).toEqual(all);
          let line = 1;
          all.forEach((r, i) => {
            expect(records[i]!.line).toBe(line);
            line += 1 + r.join('').split('\n').length - 1;
          });
          expect(records.every((r) => r.problem === null)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
