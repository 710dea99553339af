// Reading the cards of a vCard file (3.0 and 4.0; 2.1 as far as it goes) with ical.js, each card on its
// own so one broken card is a row error and not a broken file. Our own export adds X-DOWNLINE-*
// properties for the fields vCard has no place for.
import ICAL from 'ical.js';
import { buildRow, type RawContact } from './rows.ts';
import type { ImportField, ImportRow } from './types.ts';
import { isGoogleCategory } from './values.ts';
import type { CardText } from './vcard-lines.ts';

/** Our properties and the field each carries. */
export const DOWNLINE_PROPERTIES = {
  'X-DOWNLINE-WHATSAPP': 'whatsapp',
  'X-DOWNLINE-VIBER': 'viber',
  'X-DOWNLINE-TELEGRAM': 'telegram',
  'X-DOWNLINE-RELATIONSHIP': 'relationship',
  'X-DOWNLINE-SOURCE': 'source',
  'X-DOWNLINE-INTERESTS': 'interests',
  'X-DOWNLINE-NEEDS': 'needs',
  'X-DOWNLINE-STAGE': 'stage',
  'X-DOWNLINE-NEXT-FOLLOW-UP': 'nextFollowUpOn',
  'X-DOWNLINE-LAST-CONTACT': 'lastContactOn',
} as const satisfies Record<string, ImportField>;
const FIELD_OF = new Map<string, ImportField>(
  Object.entries(DOWNLINE_PROPERTIES).map(([property, field]) => [property.toLowerCase(), field]),
);

/** Undoes vCard text escaping (`\\`, `\,`, `\;`, `\n`). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function typesOf(property: ICAL.Property): string[] {
  const type = property.getParameter('type');
  const list = Array.isArray(type) ? type : type ? [type] : [];
  return list.map((t) => String(t).toLowerCase());
}

function isPreferred(property: ICAL.Property): boolean {
  return typesOf(property).includes('pref') || property.getParameter('pref') !== undefined;
}

/** Values best first: those `preferred` says come before the others, each group in file order. */
function ranked(values: { value: string; preferred: boolean }[]): string[] {
  return [...values.filter((v) => v.preferred), ...values.filter((v) => !v.preferred)]
    .map((v) => v.value)
    .filter(Boolean);
}

function rawContactOf(card: ICAL.Component, backslash: string): RawContact {
  const clean = (value: unknown): string =>
    typeof value === 'string' ? value.replaceAll(backslash, '\\').replace(/\r\n?/g, '\n').trim() : '';
  /** ical.js unescapes text values; those it keeps as they are (uri, X- types) are unescaped here. */
  const decoded = (property: ICAL.Property, value: unknown): string => {
    if (typeof value !== 'string') return '';
    return property.type === 'text' || property.type === 'phone-number' ? value : unescapeText(value);
  };
  /**
   * A property's whole text. ical.js splits vCard 3.0 NOTE at unescaped commas (which 2.1 writers and
   * decoded QUOTED-PRINTABLE values have): the parts are joined again.
   */
  const textOf = (property: ICAL.Property): string =>
    clean(
      property
        .getValues()
        .map((value) => decoded(property, value))
        .join(','),
    );
  /** One part of a compound value (N, ADR), whose parts may be lists themselves. */
  const part = (value: unknown, index: number): string => {
    const item: unknown = (Array.isArray(value) ? value : [value])[index];
    return clean(Array.isArray(item) ? item.join(' ') : item);
  };

  const raw: RawContact = {};
  const add = (field: ImportField, value: string) => {
    if (!value) return;
    const list = raw[field] ?? [];
    list.push(value);
    raw[field] = list;
  };
  for (const property of card.getAllProperties('fn')) add('name', textOf(property));
  for (const property of card.getAllProperties('n')) {
    const value = property.getFirstValue();
    add('givenName', part(value, 1));
    add('givenName', part(value, 2));
    add('familyName', part(value, 0));
  }
  const phones = card.getAllProperties('tel').map((property) => ({
    value: textOf(property).replace(/^tel:/i, ''),
    preferred: typesOf(property).some((t) => t === 'cell' || t === 'mobile' || t === 'iphone'),
  }));
  raw.phone = ranked(phones);
  const emails = card.getAllProperties('email').map((property) => ({
    value: textOf(property).replace(/^mailto:/i, ''),
    preferred: isPreferred(property),
  }));
  raw.email = ranked(emails);
  const cities = card.getAllProperties('adr').map((property) => ({
    value: part(property.getFirstValue(), 3),
    preferred: typesOf(property).includes('home'),
  }));
  raw.city = ranked(cities);
  for (const property of card.getAllProperties('note')) add('notes', textOf(property));
  for (const property of card.getAllProperties('categories')) {
    for (const value of property.getValues()) add('tags', clean(decoded(property, value)));
  }
  for (const property of card.getAllProperties()) {
    const field = FIELD_OF.get(property.name);
    if (field) add(field, textOf(property));
  }
  return raw;
}

function readCard(card: CardText): ImportRow {
  const unreadable = (message: string): ImportRow => ({
    line: card.line,
    draft: null,
    errors: [{ field: null, code: 'unreadable', message }],
  });
  if (card.text === null) return unreadable(card.problem ?? 'The card cannot be read.');
  let raw: RawContact;
  try {
    raw = rawContactOf(new ICAL.Component(ICAL.parse(card.text)), card.backslash);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unreadable(`The card starting on line ${card.line} cannot be read: ${reason}`);
  }
  return buildRow(card.line, raw, [], { splitTags: false, dropTag: isGoogleCategory });
}

export function vcardRows(cards: readonly CardText[]): ImportRow[] {
  return cards.map(readCard);
}
