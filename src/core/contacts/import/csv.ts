// Reading a contacts CSV: delimiter and line breaks as the members import detects them, the header on
// line 1 (after Excel's optional "sep=;" line), every record with the physical line it starts on.
import Papa from 'papaparse';
import { unguardCell } from '../../csv-cells.ts';
import { detectDelimiter, detectNewline } from '../../structure/import/parse.ts';
import { fold } from '../fields.ts';
import { columnRank, isMobileType, typeColumnOf } from './mapping.ts';
import { buildRow, type RawContact } from './rows.ts';
import {
  type ColumnMapping,
  type ContactFileColumn,
  ContactFileError,
  type ContactFileSource,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRow,
  type RowError,
} from './types.ts';
import { isGoogleSystemGroup, splitMultiValue } from './values.ts';

export interface CsvRecord {
  /** Physical line the record starts on, 1-based. */
  line: number;
  cells: string[];
  /** What is wrong with the record's syntax (an open quote, more cells than the header). */
  problem: string | null;
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  /** The data records, blank ones left out. */
  records: CsvRecord[];
}

const SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\r|\n|$)/i;

function lineBreaksIn(value: string, linebreak: string): number {
  let n = 0;
  for (let i = value.indexOf(linebreak); i !== -1; i = value.indexOf(linebreak, i + linebreak.length)) n++;
  return n;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A cell as the rows use it: the guard of our export taken off, line breaks as `\n`, trimmed. */
function clean(cell: string | undefined): string {
  return cell ? unguardCell(cell.trim()).replace(/\r\n?/g, '\n').trim() : '';
}

/** Splits a CSV into header and records. Throws when there is no header or no data row. */
export function parseCsv(input: string): CsvTable {
  let text = input;
  let firstLine = 1;
  let delimiter = detectDelimiter(text);
  const sep = SEP_LINE.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    firstLine = 2;
    const declared = sep[1];
    delimiter = declared === ';' || declared === ',' || declared === '\t' ? declared : detectDelimiter(text);
  }
  const newline = detectNewline(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false, header: false });
  // Line breaks inside quoted cells count as lines too (a lone \n in a \r\n file as well).
  const linebreak = newline === '\r' ? '\r' : '\n';
  const data = parsed.data;
  const quoteProblems = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && e.row !== undefined && !quoteProblems.has(e.row))
      quoteProblems.set(e.row, e.message);
  }

  const header = (data[0] ?? []).map(clean);
  if (header.every((h) => h === '')) {
    throw new ContactFileError('no_header', `Line ${firstLine} should name the columns, but it is empty.`);
  }
  const records: CsvRecord[] = [];
  let line = firstLine;
  for (let r = 0; r < data.length; r++) {
    const cells = data[r]!;
    const start = line;
    line += 1;
    for (const cell of cells) line += lineBreaksIn(cell, linebreak);
    if (r === 0 || isBlank(cells)) continue;
    let problem = quoteProblems.has(r) ? `The row cannot be read: ${quoteProblems.get(r)}.` : null;
    if (!problem && cells.length > header.length) {
      problem = `The row has ${cells.length} cells but the header has ${header.length}: is a value with a "${delimiter === '\t' ? 'tab' : delimiter}" missing its quotes?`;
    }
    records.push({ line: start, cells, problem });
  }
  if (records.length === 0) throw new ContactFileError('no_rows', 'The file has a header but no contacts.');
  return { delimiter, header, records };
}

export function csvColumns(table: CsvTable): ContactFileColumn[] {
  return table.header.map((header, i) => {
    let sample = '';
    for (const record of table.records) {
      sample = clean(record.cells[i]);
      if (sample) break;
    }
    return { header, sample: sample.length > 200 ? `${sample.slice(0, 200)}…` : sample };
  });
}

/**
 * The name column with the given and family name columns it leaves out: sheets often have "Vorname;
 * Name" (Name = family name) or "Име;Фамилия" (Име = first name). Old Google exports repeat the parts in
 * their Name column, which then stays as it is.
 */
function withNameParts(raw: RawContact): string {
  let name = raw.name![0]!;
  const given = (raw.givenName ?? []).join(' ');
  const family = (raw.familyName ?? []).join(' ');
  if (given && !fold(name).includes(fold(given))) name = `${given} ${name}`;
  if (family && !fold(name).includes(fold(family))) name = `${name} ${family}`;
  return name;
}

interface Target {
  index: number;
  field: ImportField;
  rank: number;
  /** Google's "Phone N - Type" column of this phone column, or -1. */
  typeIndex: number;
}

/** The draft of every record, the columns going where `mapping` says (a column beyond it: nowhere). */
export function csvRows(table: CsvTable, mapping: ColumnMapping, source: ContactFileSource): ImportRow[] {
  const known = new Set<string>(IMPORT_FIELDS);
  const targets: Target[] = [];
  table.header.forEach((header, index) => {
    const field = mapping[index];
    if (!field || !known.has(field)) return;
    const typeIndex = field === 'phone' ? typeColumnOf(table.header, index) : -1;
    targets.push({ index, field, rank: columnRank(field, header), typeIndex });
  });
  const options = { splitTags: true, dropTag: source === 'google' ? isGoogleSystemGroup : undefined };

  return table.records.map((record) => {
    const found = new Map<ImportField, { value: string; rank: number }[]>();
    for (const target of targets) {
      const value = clean(record.cells[target.index]);
      if (!value) continue;
      let rank = target.rank;
      if (target.typeIndex >= 0 && isMobileType(clean(record.cells[target.typeIndex]))) rank = 0;
      const values = target.field === 'phone' || target.field === 'email' ? splitMultiValue(value) : [value];
      const list = found.get(target.field) ?? [];
      for (const v of values) list.push({ value: v, rank });
      found.set(target.field, list);
    }
    const raw: RawContact = {};
    for (const [field, list] of found) raw[field] = list.sort((a, b) => a.rank - b.rank).map((v) => v.value);
    if (raw.name) raw.name = [withNameParts(raw)];
    const problems: RowError[] = record.problem
      ? [{ field: null, code: 'unreadable', message: record.problem }]
      : [];
    return buildRow(record.line, raw, problems, options);
  });
}
