// Writing contacts out: our CSV (the template's columns, UTF-8 with a BOM so Excel shows Cyrillic and
// umlauts), vCard 4.0 for phones and address books, and the empty template with two example people.
// Reading either export gives back the same drafts. CSV cells go through csv-cells.ts: a cell a
// spreadsheet would run as a formula is written as text.
import { csvLine } from '../../csv-cells.ts';
import type { ContactDraft } from '../fields.ts';
import { TEMPLATE_FIELDS, TEMPLATE_HEADERS, type TemplateField, type TemplateLocale } from './mapping.ts';
import type { DOWNLINE_PROPERTIES } from './vcard.ts';

const BOM = '\ufeff';
const CRLF = '\r\n';

function cellOf(contact: ContactDraft, field: TemplateField): string {
  switch (field) {
    case 'whatsapp':
    case 'viber':
    case 'telegram':
      return contact.messengers[field] ?? '';
    case 'tags':
      return contact.tags.join(', ');
    default:
      return contact[field] ?? '';
  }
}

/** Contacts as our CSV: English header, enum values as they are, ISO dates, tags joined with ", ". */
export function contactsToCsv(contacts: readonly ContactDraft[], delimiter: ',' | ';'): string {
  const lines = [
    csvLine(
      TEMPLATE_FIELDS.map((f) => TEMPLATE_HEADERS.en[f]),
      delimiter,
    ),
  ];
  for (const contact of contacts)
    lines.push(
      csvLine(
        TEMPLATE_FIELDS.map((f) => cellOf(contact, f)),
        delimiter,
      ),
    );
  return BOM + lines.join(CRLF) + CRLF;
}

// The examples of the template, cell by cell in TEMPLATE_FIELDS order, written as people write them.
const EXAMPLES: Record<TemplateLocale, string[][]> = {
  en: [
    [
      'Sarah Mitchell',
      '+44 7700 900123',
      'sarah.mitchell@example.com',
      '+44 7700 900123',
      '',
      '',
      'Manchester',
      'friend',
      'Yoga class',
      'Healthy cooking, running',
      'More energy for work and family',
      'Met at the spring fair. Prefers calls after 6 pm.',
      'yoga, warm market',
      'contacted',
      '2026-12-03',
      '2026-11-20',
    ],
    [
      'David Okafor',
      '+44 7911 123456',
      '',
      '',
      '',
      '@davidokafor',
      'Leeds',
      'colleague',
      'Former colleague at the bank',
      'Personal finance',
      'Extra income',
      '',
      'business',
      'invited',
      '2026-11-28',
      '',
    ],
  ],
  de: [
    [
      'Sabine Müller',
      '+49 151 23456789',
      'sabine.mueller@example.de',
      '+49 151 23456789',
      '',
      '',
      'München',
      'Freundin',
      'Sportverein',
      'Ernährung, Laufen',
      'Mehr Energie im Alltag',
      'Kennt viele Leute im Verein. Am liebsten abends anrufen.',
      'Sport, Nachbarschaft',
      'kontaktiert',
      '03.12.2026',
      '20.11.2026',
    ],
    [
      'Jürgen Weiß',
      '0171 9876543',
      '',
      '',
      '',
      '@juergenweiss',
      'Köln',
      'Kollege',
      'Ehemaliger Kollege bei der Sparkasse',
      'Finanzen',
      'Zusätzliches Einkommen',
      '',
      'Geschäft',
      'eingeladen',
      '28.11.2026',
      '',
    ],
  ],
  bg: [
    [
      'Мария Георгиева',
      '+359 88 123 4567',
      'maria.georgieva@example.bg',
      '',
      '+359 88 123 4567',
      '',
      'Пловдив',
      'приятелка',
      'Фитнес клуб',
      'Здравословно хранене, йога',
      'Повече енергия',
      'Запознахме се на семинар в София. Предпочита съобщения във Viber.',
      'спорт, Пловдив',
      'потърсена',
      '03.12.2026',
      '20.11.2026',
    ],
    [
      'Георги Иванов',
      '0887 654 321',
      'georgi.ivanov@example.bg',
      '0887 654 321',
      '',
      '',
      'Варна',
      'колега',
      'Бивш колега от банката',
      'Лични финанси',
      'Допълнителен доход',
      '',
      'бизнес',
      'поканен',
      '28.11.2026',
      '',
    ],
  ],
};

/** The import template: header in the member's language and two example people; `;` for de and bg (Excel there). */
export function templateCsv(locale: TemplateLocale): string {
  const delimiter = locale === 'en' ? ',' : ';';
  const header = TEMPLATE_FIELDS.map((f) => TEMPLATE_HEADERS[locale][f]);
  const lines = [header, ...EXAMPLES[locale]].map((cells) => csvLine(cells, delimiter));
  return BOM + lines.join(CRLF) + CRLF;
}

/** vCard text escaping (RFC 6350 3.4): backslash, comma, semicolon, line break. */
export function escapeText(value: string): string {
  return value.replace(/[\\,;\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** Octets of a code point in UTF-8. */
const octetsOf = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Folds a content line into lines of at most 75 octets, never inside a character (RFC 6350 3.2). */
export function foldLine(line: string): string {
  if (line.length * 3 <= 75) return line; // a UTF-16 unit is at most 3 octets
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i)!;
    const size = octetsOf(codePoint);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

/** "Maria Petrova" → N:Petrova;Maria;;; (the last word as the family name, as address books expect). */
function structuredName(name: string): string {
  const words = name.split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  return [family, words.join(' '), '', '', ''].map(escapeText).join(';');
}

function cardOf(contact: ContactDraft): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Downline//Contacts//EN'];
  lines.push(`FN:${escapeText(contact.name)}`, `N:${structuredName(contact.name)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text;TYPE=cell:${escapeText(contact.phone)}`);
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.city) lines.push(`ADR;TYPE=home:;;;${escapeText(contact.city)};;;`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  if (contact.tags.length) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  const values: Record<keyof typeof DOWNLINE_PROPERTIES, string | null | undefined> = {
    'X-DOWNLINE-WHATSAPP': contact.messengers.whatsapp,
    'X-DOWNLINE-VIBER': contact.messengers.viber,
    'X-DOWNLINE-TELEGRAM': contact.messengers.telegram,
    'X-DOWNLINE-RELATIONSHIP': contact.relationship,
    'X-DOWNLINE-SOURCE': contact.source,
    'X-DOWNLINE-INTERESTS': contact.interests,
    'X-DOWNLINE-NEEDS': contact.needs,
    'X-DOWNLINE-STAGE': contact.stage,
    'X-DOWNLINE-NEXT-FOLLOW-UP': contact.nextFollowUpOn,
    'X-DOWNLINE-LAST-CONTACT': contact.lastContactOn,
  };
  for (const [property, value] of Object.entries(values))
    if (value) lines.push(`${property}:${escapeText(value)}`);
  lines.push('END:VCARD');
  return lines;
}

/** Contacts as vCard 4.0: one card each, CRLF line ends, long lines folded. */
export function contactsToVcard(contacts: readonly ContactDraft[]): string {
  return contacts.flatMap((contact) => cardOf(contact).map((line) => foldLine(line) + CRLF)).join('');
}
