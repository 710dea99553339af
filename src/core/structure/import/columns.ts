// The shape of a members import: its columns (with the header names a back office may use for each),
// the rows and fields it reads, and the problems it reports.

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

export const FIELD_MAX: Record<ColumnName, number> = {
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

export const HEADER_LOOKUP = new Map<string, ColumnName>();
for (const column of COLUMNS) for (const alias of HEADER_ALIASES[column]) HEADER_LOOKUP.set(alias, column);

export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
