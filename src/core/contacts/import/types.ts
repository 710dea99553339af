// The shape of a contacts import, shared by the file readers (core), the import service (server) and
// the import page (web).
import type { ContactDraft } from '../fields.ts';

/** Where a column of a CSV can go. Several columns may go to phone, notes or tags (joined in order). */
export const IMPORT_FIELDS = [
  'name',
  'givenName',
  'familyName',
  'phone',
  'email',
  'whatsapp',
  'viber',
  'telegram',
  'city',
  'relationship',
  'source',
  'interests',
  'needs',
  'notes',
  'tags',
  'stage',
  'nextFollowUpOn',
  'lastContactOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One target per column of the file, in column order; null = not imported. */
export type ColumnMapping = (ImportField | null)[];

export type ContactFileFormat = 'csv' | 'vcard';
/** What the file looks like it came from (to explain the guessed mapping). */
export type ContactFileSource = 'google' | 'outlook' | 'template' | 'vcard' | 'other';

export interface ContactFileColumn {
  header: string;
  /** The first non-empty value of the column, to help mapping. */
  sample: string;
}

export type RowErrorCode =
  | 'required'
  | 'too_long'
  | 'too_many'
  | 'invalid_email'
  | 'invalid_date'
  | 'invalid_value'
  | 'unreadable';

export interface RowError {
  /** The contact field the problem is in; null when the whole row or card is unreadable. */
  field: ImportField | null;
  code: RowErrorCode;
  /** English, names the value: e.g. `E-mail "anna@" is not a valid address`. */
  message: string;
  /** The value at fault, as in the file (shortened), for messages in the member's language. */
  value?: string;
}

export interface ImportRow {
  /** Physical line the row (CSV record or vCard BEGIN line) starts on, 1-based. */
  line: number;
  /** Null when the row has errors. */
  draft: ContactDraft | null;
  errors: RowError[];
}

export interface ContactFile {
  format: ContactFileFormat;
  source: ContactFileSource;
  /** e.g. utf-8, utf-16le, windows-1252, windows-1251. */
  encoding: string;
  /** CSV only. */
  delimiter: string | null;
  /** CSV only: the header row; empty for vCard (its fields are fixed). */
  columns: ContactFileColumn[];
  /** The mapping guessed from the headers (CSV); empty for vCard. */
  suggestedMapping: ColumnMapping;
  /** Data rows or cards found. */
  rowCount: number;
}

/** The file cannot be read at all (empty, not CSV or vCard, no header, no cards). */
export class ContactFileError extends Error {
  constructor(
    readonly code: 'empty' | 'unreadable' | 'no_header' | 'no_rows',
    message: string,
  ) {
    super(message);
  }
}
