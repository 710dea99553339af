// One contact of a file, CSV row or vCard, turned into a checked draft: every problem of the row is
// reported, each naming the field and the value, so a member can fix the file in one go.
import { EMAIL } from '../../structure/import/values.ts';
import { CONTACT_LIMITS, type ContactDraft, cleanTags, MESSENGERS, type Messengers } from '../fields.ts';
import type { ImportField, ImportRow, RowError } from './types.ts';
import { parseContactDate, parseRelationship, parseStage, splitTags } from './values.ts';

/**
 * The values a file gives for one contact, by field, best first; each trimmed, non-empty and with `\n`
 * as its only line break. Several values: the first phone, e-mail or other single field wins (the other
 * phones and e-mails go into the notes); notes are joined; name parts are joined with spaces.
 */
export type RawContact = Partial<Record<ImportField, string[]>>;

export interface RowOptions {
  /** CSV cells hold lists ("a, b; c"); vCard categories are single tags already. */
  splitTags: boolean;
  /** Tags that are not the member's (Google's own groups such as "* myContacts"). */
  dropTag?: (tag: string) => boolean;
}

export const FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  phone: 'Phone',
  email: 'E-mail',
  whatsapp: 'WhatsApp',
  viber: 'Viber',
  telegram: 'Telegram',
  city: 'City',
  relationship: 'Relationship',
  source: 'Source',
  interests: 'Interests',
  needs: 'Needs',
  notes: 'Notes',
  tags: 'Tags',
  stage: 'Stage',
  nextFollowUpOn: 'Call back on',
  lastContactOn: 'Last contact',
};

/** A value in a message: quoted, long ones cut. */
export function quote(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}"`;
}

const LIMIT_OF: Partial<Record<ImportField, number>> = {
  name: CONTACT_LIMITS.name,
  phone: CONTACT_LIMITS.phone,
  email: CONTACT_LIMITS.email,
  whatsapp: CONTACT_LIMITS.messenger,
  viber: CONTACT_LIMITS.messenger,
  telegram: CONTACT_LIMITS.messenger,
  city: CONTACT_LIMITS.city,
  source: CONTACT_LIMITS.source,
  interests: CONTACT_LIMITS.interests,
  needs: CONTACT_LIMITS.needs,
  notes: CONTACT_LIMITS.notes,
};

/** The value an error names, short enough to show next to it. */
function shortened(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Control characters (NUL from a quoted-printable =00, form feeds…) cannot be stored: they are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function withoutControlCharacters(raw: RawContact): RawContact {
  const clean: RawContact = {};
  for (const [field, values] of Object.entries(raw) as [ImportField, string[] | undefined][])
    if (values) clean[field] = values.map((v) => v.replace(CONTROL, ''));
  return clean;
}

/** Builds and checks the draft of one contact. `problems`: what the reader already found (unreadable). */
export function buildRow(
  line: number,
  raw: RawContact,
  problems: RowError[],
  options: RowOptions,
): ImportRow {
  const errors = [...problems];
  raw = withoutControlCharacters(raw);
  const first = (field: ImportField): string | null => raw[field]?.[0] ?? null;
  const checked = (field: ImportField, value: string | null): string | null => {
    const max = LIMIT_OF[field];
    if (value !== null && max !== undefined && value.length > max) {
      errors.push({
        field,
        code: 'too_long',
        value: shortened(value),
        message: `${FIELD_LABELS[field]} ${quote(value)} is ${value.length} characters long; at most ${max} are allowed.`,
      });
    }
    return value;
  };

  const fullName = first('name') ?? [...(raw.givenName ?? []), ...(raw.familyName ?? [])].join(' ');
  const name = checked('name', fullName || null);
  if (!name) {
    errors.push({ field: 'name', code: 'required', message: 'Name is empty: a contact needs a name.' });
  }

  const phones = unique(raw.phone ?? []);
  const phone = checked('phone', phones[0] ?? null);

  const emails = unique(raw.email ?? []);
  let email = checked('email', emails[0]?.toLowerCase() ?? null);
  if (email !== null && !EMAIL.test(email)) {
    errors.push({
      field: 'email',
      code: 'invalid_email',
      value: emails[0]!,
      message: `E-mail ${quote(emails[0]!)} is not a valid address.`,
    });
    email = null;
  }

  const messengers: Messengers = {};
  for (const messenger of MESSENGERS) {
    const value = checked(messenger, first(messenger));
    if (value !== null) messengers[messenger] = value;
  }
  const city = checked('city', first('city'));

  const relationshipText = first('relationship');
  const relationship = relationshipText === null ? null : parseRelationship(relationshipText);
  if (relationshipText !== null && relationship === null) {
    errors.push({
      field: 'relationship',
      code: 'invalid_value',
      value: relationshipText,
      message: `Relationship ${quote(relationshipText)} is not one of family, friend, acquaintance, colleague, other.`,
    });
  }
  const source = checked('source', first('source'));
  const interests = checked('interests', first('interests'));
  const needs = checked('needs', first('needs'));

  const extras: string[] = [];
  if (phones.length > 1) extras.push(`Other phones: ${phones.slice(1).join(', ')}`);
  if (emails.length > 1) extras.push(`Other e-mails: ${emails.slice(1).join(', ')}`);
  const noteParts = [...(raw.notes ?? [])];
  if (extras.length) noteParts.push(extras.join('\n'));
  const notes = checked('notes', noteParts.join('\n\n') || null);

  let tags: string[] = [];
  for (const cell of raw.tags ?? []) tags.push(...(options.splitTags ? splitTags(cell) : [cell]));
  const { dropTag } = options;
  if (dropTag) tags = tags.filter((tag) => !dropTag(tag));
  tags = cleanTags(tags);
  for (const tag of tags) {
    if (tag.length > CONTACT_LIMITS.tag) {
      errors.push({
        field: 'tags',
        code: 'too_long',
        value: shortened(tag),
        message: `Tag ${quote(tag)} is ${tag.length} characters long; at most ${CONTACT_LIMITS.tag} are allowed.`,
      });
    }
  }
  if (tags.length > CONTACT_LIMITS.tags) {
    errors.push({
      field: 'tags',
      code: 'too_many',
      message: `Tags: ${tags.length} tags (${quote(tags.join(', '))}); at most ${CONTACT_LIMITS.tags} are allowed.`,
    });
  }

  const stageText = first('stage');
  const stage = stageText === null ? 'new' : parseStage(stageText);
  if (stage === null) {
    errors.push({
      field: 'stage',
      code: 'invalid_value',
      value: stageText!,
      message: `Stage ${quote(stageText!)} is not a stage: use new, contacted, invited, presented, follow_up, joined_customer, joined_partner or not_now.`,
    });
  }

  const date = (field: 'nextFollowUpOn' | 'lastContactOn'): string | null => {
    const text = first(field);
    if (text === null) return null;
    const value = parseContactDate(text);
    if (value === null) {
      errors.push({
        field,
        code: 'invalid_date',
        value: text,
        message: `${FIELD_LABELS[field]} ${quote(text)} is not a date: use YYYY-MM-DD or DD.MM.YYYY.`,
      });
    }
    return value;
  };
  const nextFollowUpOn = date('nextFollowUpOn');
  const lastContactOn = date('lastContactOn');

  const draft: ContactDraft = {
    name: name ?? '',
    phone,
    email,
    messengers,
    city,
    relationship,
    source,
    interests,
    needs,
    notes,
    tags,
    stage: stage ?? 'new',
    nextFollowUpOn,
    lastContactOn,
  };
  return errors.length ? { line, draft: null, errors } : { line, draft, errors: [] };
}
