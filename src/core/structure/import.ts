// Importing members from a company's back office: parse a CSV export, validate every row, and plan the
// changes against the members that already exist. Pure: no I/O — the server and the command line feed
// it text and the existing members, and apply the plan (server/imports/service.ts).
//
// Rules:
//   - a header row names the columns (English, German or Bulgarian names, any case); unknown columns are
//     ignored; external_id and name are required;
//   - UTF-8 with or without BOM; `,` or `;` (or tab) as delimiter, detected from the header; quoted fields
//     may hold delimiters, quotes ("") and line breaks;
//   - a row without a sponsor is placed directly under the organization's root member;
//   - an empty cell never clears a stored value (the back office often leaves fields out);
//   - every problem is reported with the physical line of the file it starts on (the header is line 1).
import Papa from 'papaparse';
import { SEGMENT_WIDTH } from './path.ts';

export type MemberKind = 'customer' | 'partner';

/** The member fields an import sets. `undefined`: the file says nothing about it (keep what is stored). */
export interface ImportFields {
  name: string;
  email?: string;
  phone?: string;
  city?: string;
  country?: string;
  kind?: MemberKind;
  /** YYYY-MM-DD */
  joinedOn?: string;
}

export interface ImportRow {
  /** Physical line in the file where the row starts (header = 1). */
  line: number;
  externalId: string;
  /** Null: directly under the organization's root member. */
  sponsorExternalId: string | null;
  fields: ImportFields;
}

export type ImportErrorCode =
  | 'empty_file'
  | 'missing_column'
  | 'duplicate_column'
  | 'malformed_csv'
  | 'too_many_fields'
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_country'
  | 'invalid_kind'
  | 'invalid_date'
  | 'duplicate_id'
  | 'unknown_sponsor'
  | 'self_sponsor'
  | 'cycle'
  | 'root_has_sponsor';

export interface ImportIssue {
  line: number;
  externalId?: string;
  /** The column the problem is in, by its canonical name (e.g. `joined_on`). */
  field?: ColumnName;
  code: ImportErrorCode | 'sponsor_not_imported';
  message: string;
}

export const COLUMNS = [
  'external_id',
  'sponsor_external_id',
  'name',
  'email',
  'phone',
  'city',
  'country',
  'kind',
  'joined_on',
] as const;
export type ColumnName = (typeof COLUMNS)[number];

const FIELD_MAX: Record<ColumnName, number> = {
  external_id: 100,
  sponsor_external_id: 100,
  name: 200,
  email: 254,
  phone: 50,
  city: 120,
  country: 2,
  kind: 40,
  joined_on: 20,
};

// Header names by column, normalized (lower case; spaces, dashes and dots as `_`).
const HEADER_ALIASES: Record<ColumnName, string[]> = {
  external_id: [
    'external_id',
    'externalid',
    'id',
    'member_id',
    'memberid',
    'partner_id',
    'consultant_id',
    'externe_id',
    'mitgliedsnummer',
    'mitglieds_id',
    'partnernummer',
    'beraternummer',
    'kundennummer',
    'id_nummer',
    'nummer',
    'външен_id',
    'външен_номер',
    'id_номер',
    'номер',
    'идентификатор',
    'партньорски_номер',
  ],
  sponsor_external_id: [
    'sponsor_external_id',
    'sponsor_id',
    'sponsorid',
    'sponsor',
    'upline_id',
    'upline',
    'sponsor_nummer',
    'sponsornummer',
    'sponsor_nr',
    'спонсор',
    'спонсор_id',
    'номер_на_спонсор',
    'спонсорски_номер',
    'id_на_спонсор',
  ],
  name: [
    'name',
    'full_name',
    'fullname',
    'member_name',
    'vollständiger_name',
    'име',
    'име_и_фамилия',
    'имена',
  ],
  email: [
    'email',
    'e_mail',
    'mail',
    'email_address',
    'e_mail_adresse',
    'emailadresse',
    'имейл',
    'електронна_поща',
  ],
  phone: [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'phone_number',
    'telefon',
    'telefonnummer',
    'handy',
    'mobil',
    'телефон',
    'мобилен',
    'тел',
  ],
  city: ['city', 'town', 'stadt', 'ort', 'wohnort', 'град', 'населено_място'],
  country: ['country', 'country_code', 'land', 'ländercode', 'държава', 'страна'],
  kind: ['kind', 'type', 'member_type', 'art', 'typ', 'mitgliedsart', 'вид', 'тип'],
  joined_on: [
    'joined_on',
    'join_date',
    'joined',
    'date_joined',
    'registration_date',
    'registered',
    'beitrittsdatum',
    'eintrittsdatum',
    'beitritt',
    'registriert',
    'registrierungsdatum',
    'дата_на_присъединяване',
    'присъединен',
    'присъединяване',
    'дата_на_регистрация',
    'регистрация',
  ],
};

const HEADER_LOOKUP = new Map<string, ColumnName>();
for (const column of COLUMNS) for (const alias of HEADER_ALIASES[column]) HEADER_LOOKUP.set(alias, column);

export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const KIND_WORDS = new Map<string, MemberKind>([
  ['customer', 'customer'],
  ['client', 'customer'],
  ['kunde', 'customer'],
  ['kundin', 'customer'],
  ['клиент', 'customer'],
  ['клиентка', 'customer'],
  ['partner', 'partner'],
  ['partnerin', 'partner'],
  ['distributor', 'partner'],
  ['consultant', 'partner'],
  ['berater', 'partner'],
  ['beraterin', 'partner'],
  ['vertriebspartner', 'partner'],
  ['vertriebspartnerin', 'partner'],
  ['партньор', 'partner'],
  ['партньорка', 'partner'],
  ['консултант', 'partner'],
  ['дистрибутор', 'partner'],
]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** YYYY-MM-DD or DD.MM.YYYY → YYYY-MM-DD, or null when it is not a real date. */
export function parseDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  let match = ISO_DATE.exec(value);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = DOTTED_DATE.exec(value);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseKind(value: string): MemberKind | null {
  return KIND_WORDS.get(value.trim().toLowerCase()) ?? null;
}

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

  const col = (record: string[], column: ColumnName): string | undefined => {
    const i = indexOf.get(column);
    if (i === undefined) return undefined;
    const value = record[i]?.trim();
    return value === '' ? undefined : value;
  };
  const firstLine = new Map<string, number>();
  const width = header.length;

  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length === 1 && record[0]!.trim() === '') continue; // an empty line
    if (record.every((v) => v.trim() === '')) continue;
    result.rowCount++;
    const rowLine = lines[r]!;
    const errors: ImportIssue[] = [];
    const externalId = col(record, 'external_id');
    const fail = (code: ImportErrorCode, message: string, field?: ColumnName) =>
      errors.push({
        line: rowLine,
        ...(externalId ? { externalId } : {}),
        ...(field ? { field } : {}),
        code,
        message,
      });

    const quoteProblem = malformed.get(r);
    if (quoteProblem) fail('malformed_csv', `The row cannot be read: ${quoteProblem}.`);
    if (record.length > width) {
      fail(
        'too_many_fields',
        `The row has ${record.length} fields but the header has ${width} — is a value with a "${delimiter}" missing its quotes?`,
      );
    }
    for (const column of result.columns) {
      const value = col(record, column);
      if (
        value !== undefined &&
        value.length > FIELD_MAX[column] &&
        column !== 'country' &&
        column !== 'kind'
      ) {
        fail('too_long', `${column} is longer than ${FIELD_MAX[column]} characters.`, column);
      }
    }
    if (!externalId) fail('required', 'external_id is empty.', 'external_id');
    const name = col(record, 'name');
    if (!name) fail('required', 'name is empty.', 'name');
    const sponsor = col(record, 'sponsor_external_id') ?? null;
    if (externalId && sponsor === externalId) {
      fail('self_sponsor', `The member ${externalId} is named as their own sponsor.`, 'sponsor_external_id');
    }
    const fields: ImportFields = { name: name ?? '' };
    const email = col(record, 'email');
    if (email !== undefined) {
      if (EMAIL.test(email)) fields.email = email.toLowerCase();
      else fail('invalid_email', `"${email}" is not an e-mail address.`, 'email');
    }
    const phone = col(record, 'phone');
    if (phone !== undefined) fields.phone = phone;
    const city = col(record, 'city');
    if (city !== undefined) fields.city = city;
    const country = col(record, 'country');
    if (country !== undefined) {
      if (COUNTRY.test(country)) fields.country = country.toUpperCase();
      else fail('invalid_country', `"${country}" is not a two-letter country code (e.g. BG, DE).`, 'country');
    }
    const kindText = col(record, 'kind');
    if (kindText !== undefined) {
      const kind = parseKind(kindText);
      if (kind) fields.kind = kind;
      else fail('invalid_kind', `"${kindText}" is not a kind: use customer or partner.`, 'kind');
    }
    const joined = col(record, 'joined_on');
    if (joined !== undefined) {
      const date = parseDate(joined);
      if (date) fields.joinedOn = date;
      else fail('invalid_date', `"${joined}" is not a date: use YYYY-MM-DD or DD.MM.YYYY.`, 'joined_on');
    }

    if (externalId) {
      const first = firstLine.get(externalId);
      if (first !== undefined) {
        fail('duplicate_id', `The external id ${externalId} is already on line ${first}.`, 'external_id');
      } else firstLine.set(externalId, rowLine);
    }
    if (errors.length) {
      result.errors.push(...errors);
      if (externalId && !result.invalidIds.has(externalId)) result.invalidIds.set(externalId, rowLine);
    } else {
      result.rows.push({ line: rowLine, externalId: externalId!, sponsorExternalId: sponsor, fields });
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

/** A member already in the organization, as the import compares it. */
export interface ExistingMember {
  id: string;
  path: string;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  kind: MemberKind;
  joinedOn: string;
}

export interface ImportContext {
  /** The organization's root member: rows without a sponsor go directly under it. */
  root: { path: string; externalId: string | null };
  /** Members that have an external id, by external id (the root too, if it has one). */
  existing: Map<string, ExistingMember>;
}

export interface PlannedInsert {
  line: number;
  externalId: string;
  /** Null: directly under the root member. */
  sponsorExternalId: string | null;
  fields: ImportFields;
}

export interface PlannedUpdate {
  line: number;
  externalId: string;
  memberId: string;
  /** Only the fields that differ from what is stored. */
  changes: Partial<ImportFields>;
}

export interface PlannedMove {
  line: number;
  externalId: string;
  memberId: string;
  /** Null: directly under the root member. */
  sponsorExternalId: string | null;
}

export interface ImportPlan {
  /** Sponsors before their downline, in depth-first order (sponsor, then each of their new members in file order). */
  inserts: PlannedInsert[];
  updates: PlannedUpdate[];
  /** Sponsor changes, each sponsor's own move before the moves below them. */
  moves: PlannedMove[];
  unchanged: number;
  /** Every problem in the file; the plan contains only rows without one. */
  errors: ImportIssue[];
  /** Rows that are fine themselves but sit below a row with an error, so they cannot be placed. */
  skipped: ImportIssue[];
  rowCount: number;
}

const ROOT = '\u0000root';
const NOT_KEYED = '\u0000other';

const FIELD_KEYS = ['name', 'email', 'phone', 'city', 'country', 'kind', 'joinedOn'] as const;

function changedFields(fields: ImportFields, stored: ExistingMember): Partial<ImportFields> {
  const changes: Partial<ImportFields> = {};
  for (const key of FIELD_KEYS) {
    const value = fields[key];
    if (value !== undefined && value !== stored[key]) (changes as Record<string, string>)[key] = value;
  }
  return changes;
}

/**
 * Plans an import: which rows are new, which change, which move to another sponsor, and which cannot
 * be placed (unknown sponsor, cycle, below a bad row). Re-planning a file that was imported gives
 * nothing to do.
 */
export function planImport(parsed: ParsedImport, context: ImportContext): ImportPlan {
  const { existing, root } = context;
  const errors = [...parsed.errors];
  const skipped: ImportIssue[] = [];
  const byId = new Map<string, ImportRow>();
  for (const row of parsed.rows) byId.set(row.externalId, row);

  // Existing members by path, so that an existing member's place is read off its path.
  let keyOfPath: Map<string, string> | null = null;
  const keyAtPath = (path: string): string | undefined => {
    if (path === root.path) return ROOT;
    if (!keyOfPath) {
      keyOfPath = new Map();
      for (const [key, member] of existing) keyOfPath.set(member.path, key);
    }
    return keyOfPath.get(path);
  };
  const normalize = (sponsor: string | null) =>
    sponsor === null || sponsor === root.externalId ? ROOT : sponsor;

  // state: 1 being walked, 2 placed, 3 cannot be placed. depth: below the root in the final tree.
  const state = new Map<string, number>();
  const depth = new Map<string, number>();
  depth.set(ROOT, 0);
  state.set(ROOT, 2);
  const bad = new Map<string, ImportIssue>();

  /** The key of a node's sponsor in the tree after the import (existing members keep theirs). */
  const parentOf = (key: string): string => {
    const row = byId.get(key);
    if (row) return normalize(row.sponsorExternalId);
    // An existing member not in the file: its nearest ancestor that has an external id (or the root).
    const member = existing.get(key)!;
    for (let end = member.path.length - SEGMENT_WIDTH; end >= SEGMENT_WIDTH; end -= SEGMENT_WIDTH) {
      const found = keyAtPath(member.path.slice(0, end));
      if (found !== undefined) return found;
    }
    return ROOT;
  };

  const markBad = (row: ImportRow, issue: ImportIssue) => {
    bad.set(row.externalId, issue);
    state.set(row.externalId, 3);
  };

  for (const row of parsed.rows) {
    const sponsor = normalize(row.sponsorExternalId);
    if (row.externalId === root.externalId && sponsor !== ROOT) {
      const issue: ImportIssue = {
        line: row.line,
        externalId: row.externalId,
        field: 'sponsor_external_id',
        code: 'root_has_sponsor',
        message: `${row.externalId} is the organization's root member and cannot have a sponsor.`,
      };
      errors.push(issue);
      markBad(row, issue);
    } else if (sponsor !== ROOT && !byId.has(sponsor) && !existing.has(sponsor)) {
      if (parsed.invalidIds.has(sponsor)) continue; // reported below as skipped
      const issue: ImportIssue = {
        line: row.line,
        externalId: row.externalId,
        field: 'sponsor_external_id',
        code: 'unknown_sponsor',
        message: `The sponsor ${sponsor} is neither in the file nor in the organization.`,
      };
      errors.push(issue);
      markBad(row, issue);
    }
  }

  // Walk up from every row until the root or a node already settled: finds cycles, rows below bad rows,
  // and each row's depth in the final tree.
  const stack: string[] = [];
  for (const row of parsed.rows) {
    if (state.has(row.externalId)) continue;
    let key = row.externalId;
    let end: 'placed' | 'bad' | 'cycle' = 'placed';
    let blocker: ImportIssue | undefined;
    for (;;) {
      const s = state.get(key);
      if (s === 2) break;
      if (s === 3) {
        end = 'bad';
        blocker = bad.get(key);
        break;
      }
      if (s === 1) {
        end = 'cycle';
        break;
      }
      if (parsed.invalidIds.has(key) && !byId.has(key) && !existing.has(key)) {
        end = 'bad';
        blocker = { line: parsed.invalidIds.get(key)!, code: 'required', message: '' };
        break;
      }
      state.set(key, 1);
      stack.push(key);
      key = parentOf(key);
    }
    if (end === 'cycle') {
      const start = stack.indexOf(key);
      const cycle = stack.slice(start);
      const described = cycle
        .map((k) => {
          const r = byId.get(k);
          return r ? `${k} (line ${r.line})` : k;
        })
        .join(' → ');
      for (const k of cycle) {
        const r = byId.get(k);
        const issue: ImportIssue = {
          line: r?.line ?? 0,
          externalId: k,
          field: 'sponsor_external_id',
          code: 'cycle',
          message: `The sponsor lines form a circle: ${described} → ${key}.`,
        };
        if (r) {
          errors.push(issue);
          markBad(r, issue);
        } else state.set(k, 3);
      }
      stack.length = start;
      blocker = bad.get(key);
      end = 'bad';
    }
    if (end === 'bad') {
      while (stack.length) {
        const k = stack.pop()!;
        state.set(k, 3);
        const r = byId.get(k);
        if (!r) continue;
        const issue: ImportIssue = {
          line: r.line,
          externalId: k,
          code: 'sponsor_not_imported',
          message: blocker?.line
            ? `Not imported: the sponsor line goes through line ${blocker.line}, which has an error.`
            : 'Not imported: the sponsor line goes through a row with an error.',
        };
        bad.set(k, blocker ?? issue);
        skipped.push(issue);
      }
    } else {
      let d = depth.get(key)!;
      while (stack.length) {
        const k = stack.pop()!;
        state.set(k, 2);
        depth.set(k, ++d);
      }
    }
  }

  // Inserts: depth-first from the sponsors that exist already, children in file order, so sponsors come
  // first and a fresh organization's paths are written in index order.
  const children = new Map<string, ImportRow[]>();
  const insertRoots: string[] = [];
  const seenRoot = new Set<string>();
  const updates: PlannedUpdate[] = [];
  const moveRows: { row: ImportRow; member: ExistingMember }[] = [];
  let unchanged = 0;
  for (const row of parsed.rows) {
    if (state.get(row.externalId) !== 2) continue;
    const sponsor = normalize(row.sponsorExternalId);
    const member = existing.get(row.externalId);
    if (!member) {
      const list = children.get(sponsor);
      if (list) list.push(row);
      else children.set(sponsor, [row]);
      if (!byId.has(sponsor) || existing.has(sponsor)) {
        if (!seenRoot.has(sponsor)) {
          seenRoot.add(sponsor);
          insertRoots.push(sponsor);
        }
      }
      continue;
    }
    const changes = changedFields(row.fields, member);
    const hasChanges = Object.keys(changes).length > 0;
    if (hasChanges)
      updates.push({ line: row.line, externalId: row.externalId, memberId: member.id, changes });
    const currentParent =
      member.path === root.path ? ROOT : (keyAtPath(member.path.slice(0, -SEGMENT_WIDTH)) ?? NOT_KEYED);
    const moved = currentParent !== sponsor;
    if (moved) moveRows.push({ row, member });
    if (!hasChanges && !moved) unchanged++;
  }

  const inserts: PlannedInsert[] = [];
  const dfs: ImportRow[] = [];
  for (const start of insertRoots) {
    const top = children.get(start)!;
    for (let i = top.length - 1; i >= 0; i--) dfs.push(top[i]!);
    while (dfs.length) {
      const row = dfs.pop()!;
      const sponsor = normalize(row.sponsorExternalId);
      inserts.push({
        line: row.line,
        externalId: row.externalId,
        sponsorExternalId: sponsor === ROOT ? null : sponsor,
        fields: row.fields,
      });
      const below = children.get(row.externalId);
      if (below) for (let i = below.length - 1; i >= 0; i--) dfs.push(below[i]!);
    }
  }

  moveRows.sort((a, b) => depth.get(a.row.externalId)! - depth.get(b.row.externalId)!);
  const moves = moveRows.map(({ row, member }) => {
    const sponsor = normalize(row.sponsorExternalId);
    return {
      line: row.line,
      externalId: row.externalId,
      memberId: member.id,
      sponsorExternalId: sponsor === ROOT ? null : sponsor,
    };
  });

  errors.sort((a, b) => a.line - b.line);
  skipped.sort((a, b) => a.line - b.line);
  return { inserts, updates, moves, unchanged, errors, skipped, rowCount: parsed.rowCount };
}
