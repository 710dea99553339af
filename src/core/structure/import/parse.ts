// Reading a members CSV: delimiter and line breaks, the header, and every row validated, each problem
// with the physical line it starts on.
import Papa from 'papaparse';
import { isCountryCode } from '../../countries.ts';
import { unguardCell } from '../../csv-cells.ts';
import {
  COLUMNS,
  type ColumnName,
  FIELD_MAX,
  HEADER_LOOKUP,
  type ImportErrorCode,
  type ImportFields,
  type ImportIssue,
  type ImportRow,
  normalizeHeader,
} from './columns.ts';
import { EMAIL, parseDate, parseKind } from './values.ts';

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** The line break that ends the header line (outside quotes); \n when there is none. */
export function detectNewline(text: string): '\n' | '\r\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') return '\n';
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  }
  return '\n';
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: ImportIssue[];
  /** External ids of rows that had errors, with their line: rows below them cannot be placed. */
  invalidIds: Map<string, number>;
  delimiter: string;
  /** The columns found, in file order (canonical names). */
  columns: ColumnName[];
  /** Data rows in the file (non-empty records after the header). */
  rowCount: number;
}

function lineBreaksIn(value: string, linebreak: string): number {
  if (!value.includes(linebreak)) return 0;
  let n = 0;
  for (let i = value.indexOf(linebreak); i !== -1; i = value.indexOf(linebreak, i + linebreak.length)) n++;
  return n;
}

/** A cell's value, trimmed; undefined when the column is missing or the cell empty. */
/** A cell, trimmed, with the guard of our CSV exports taken off (csv-cells.ts); empty: undefined. */
function cell(record: string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const raw = record[index]?.trim();
  const value = raw?.charCodeAt(0) === 0x27 ? unguardCell(raw).trim() : raw;
  return value === '' ? undefined : value;
}

function isBlank(record: string[]): boolean {
  for (const value of record) if (value.trim() !== '') return false;
  return true;
}

function issue(
  line: number,
  externalId: string | undefined,
  code: ImportErrorCode,
  message: string,
  field?: ColumnName,
): ImportIssue {
  return { line, ...(externalId ? { externalId } : {}), ...(field ? { field } : {}), code, message };
}

/** Parses and validates a members CSV. Never throws on bad input: every problem is in `errors`. */
export function parseMembersCsv(input: string): ParsedImport {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const result: ParsedImport = {
    rows: [],
    errors: [],
    invalidIds: new Map(),
    delimiter,
    columns: [],
    rowCount: 0,
  };
  if (text.trim() === '') {
    result.errors.push({ line: 1, code: 'empty_file', message: 'The file is empty.' });
    return result;
  }
  const newline = detectNewline(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false, header: false });
  // Line breaks inside quoted fields count as lines too (a lone \n in a \r\n file as well).
  const linebreak = newline === '\r' ? '\r' : '\n';
  const records = parsed.data;

  // The physical line each record starts on: a record spans one line plus the breaks inside its fields.
  const lines = new Int32Array(records.length);
  let line = 1;
  for (let r = 0; r < records.length; r++) {
    lines[r] = line;
    let span = 1;
    for (const field of records[r]!) span += lineBreaksIn(field, linebreak);
    line += span;
  }
  const malformed = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && e.row !== undefined && !malformed.has(e.row)) malformed.set(e.row, e.message);
  }

  const header = records[0] ?? [];
  const indexOf = new Map<ColumnName, number>();
  header.forEach((raw, i) => {
    const column = HEADER_LOOKUP.get(normalizeHeader(raw));
    if (!column) return;
    if (indexOf.has(column)) {
      result.errors.push({
        line: 1,
        field: column,
        code: 'duplicate_column',
        message: `The column ${column} appears twice in the header ("${raw.trim()}").`,
      });
      return;
    }
    indexOf.set(column, i);
    result.columns.push(column);
  });
  for (const required of ['external_id', 'name'] as const) {
    if (!indexOf.has(required)) {
      result.errors.push({
        line: 1,
        field: required,
        code: 'missing_column',
        message: `The header has no ${required} column (found: ${header.map((h) => h.trim()).join(', ') || 'nothing'}).`,
      });
    }
  }
  if (result.errors.length) return result;

  // Column positions (-1: not in the file). The loop below runs once per row: no closures or Map
  // lookups per cell, at a million rows they add up to seconds.
  const at = (column: ColumnName) => indexOf.get(column) ?? -1;
  const [pId, pSponsor, pName, pEmail, pPhone, pCity, pCountry, pKind, pJoined] = COLUMNS.map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const lengthChecked = result.columns
    .filter((column) => column !== 'country' && column !== 'kind')
    .map((column) => ({ column, index: at(column), max: FIELD_MAX[column] }));
  const firstLine = new Map<string, number>();
  const width = header.length;

  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (isBlank(record)) continue; // an empty line
    result.rowCount++;
    const line = lines[r]!;
    const errors: ImportIssue[] = [];
    const externalId = cell(record, pId);

    const quoteProblem = malformed.get(r);
    if (quoteProblem)
      errors.push(issue(line, externalId, 'malformed_csv', `The row cannot be read: ${quoteProblem}.`));
    if (record.length > width) {
      errors.push(
        issue(
          line,
          externalId,
          'too_many_fields',
          `The row has ${record.length} fields but the header has ${width} — is a value with a "${delimiter}" missing its quotes?`,
        ),
      );
    }
    for (const { column, index, max } of lengthChecked) {
      const value = cell(record, index);
      if (value !== undefined && value.length > max) {
        errors.push(
          issue(line, externalId, 'too_long', `${column} is longer than ${max} characters.`, column),
        );
      }
    }
    if (!externalId) errors.push(issue(line, externalId, 'required', 'external_id is empty.', 'external_id'));
    const name = cell(record, pName);
    if (!name) errors.push(issue(line, externalId, 'required', 'name is empty.', 'name'));
    const sponsor = cell(record, pSponsor) ?? null;
    if (externalId && sponsor === externalId) {
      errors.push(
        issue(
          line,
          externalId,
          'self_sponsor',
          `The member ${externalId} is named as their own sponsor.`,
          'sponsor_external_id',
        ),
      );
    }
    const fields: ImportFields = { name: name ?? '' };
    const email = cell(record, pEmail);
    if (email !== undefined) {
      if (EMAIL.test(email)) fields.email = email.toLowerCase();
      else
        errors.push(
          issue(line, externalId, 'invalid_email', `"${email}" is not an e-mail address.`, 'email'),
        );
    }
    const phone = cell(record, pPhone);
    if (phone !== undefined) fields.phone = phone;
    const city = cell(record, pCity);
    if (city !== undefined) fields.city = city;
    const country = cell(record, pCountry);
    if (country !== undefined) {
      if (isCountryCode(country.toUpperCase())) fields.country = country.toUpperCase();
      else
        errors.push(
          issue(
            line,
            externalId,
            'invalid_country',
            `"${country}" is not a two-letter country code (e.g. BG, DE).`,
            'country',
          ),
        );
    }
    const kindText = cell(record, pKind);
    if (kindText !== undefined) {
      const kind = parseKind(kindText);
      if (kind) fields.kind = kind;
      else
        errors.push(
          issue(
            line,
            externalId,
            'invalid_kind',
            `"${kindText}" is not a kind: use customer or partner.`,
            'kind',
          ),
        );
    }
    const joined = cell(record, pJoined);
    if (joined !== undefined) {
      const date = parseDate(joined);
      if (date) fields.joinedOn = date;
      else
        errors.push(
          issue(
            line,
            externalId,
            'invalid_date',
            `"${joined}" is not a date: use YYYY-MM-DD or DD.MM.YYYY.`,
            'joined_on',
          ),
        );
    }

    if (externalId) {
      const first = firstLine.get(externalId);
      if (first !== undefined) {
        errors.push(
          issue(
            line,
            externalId,
            'duplicate_id',
            `The external id ${externalId} is already on line ${first}.`,
            'external_id',
          ),
        );
      } else firstLine.set(externalId, line);
    }
    if (errors.length) {
      result.errors.push(...errors);
      if (externalId && !result.invalidIds.has(externalId)) result.invalidIds.set(externalId, line);
    } else {
      result.rows.push({ line, externalId: externalId!, sponsorExternalId: sponsor, fields });
    }
  }

  // The first occurrence of a duplicated id is not valid either: which of the rows is right is unknown.
  if (result.invalidIds.size) {
    const duplicated = new Set(
      result.errors.filter((e) => e.code === 'duplicate_id').map((e) => e.externalId as string),
    );
    if (duplicated.size) {
      result.rows = result.rows.filter((row) => {
        if (!duplicated.has(row.externalId)) return true;
        result.errors.push({
          line: row.line,
          externalId: row.externalId,
          field: 'external_id',
          code: 'duplicate_id',
          message: `The external id ${row.externalId} appears more than once in the file.`,
        });
        return false;
      });
    }
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
