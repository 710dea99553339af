// Which contact field each column of a CSV goes to, guessed from the header: our own template (English,
// German, Bulgarian), Google Contacts (old and current export) and Outlook (English and German).
import { fold } from '../fields.ts';
import type { ColumnMapping, ContactFileSource, ImportField } from './types.ts';

export type TemplateLocale = 'en' | 'de' | 'bg';

/** The columns of our template and export, in order. */
export const TEMPLATE_FIELDS = [
  'name',
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
] as const satisfies readonly ImportField[];
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TEMPLATE_HEADERS: Record<TemplateLocale, Record<TemplateField, string>> = {
  en: {
    name: 'name',
    phone: 'phone',
    email: 'email',
    whatsapp: 'whatsapp',
    viber: 'viber',
    telegram: 'telegram',
    city: 'city',
    relationship: 'relationship',
    source: 'source',
    interests: 'interests',
    needs: 'needs',
    notes: 'notes',
    tags: 'tags',
    stage: 'stage',
    nextFollowUpOn: 'call back on',
    lastContactOn: 'last contact',
  },
  de: {
    name: 'Name',
    phone: 'Telefon',
    email: 'E-Mail',
    whatsapp: 'WhatsApp',
    viber: 'Viber',
    telegram: 'Telegram',
    city: 'Stadt',
    relationship: 'Beziehung',
    source: 'Quelle',
    interests: 'Interessen',
    needs: 'Bedürfnisse',
    notes: 'Notizen',
    tags: 'Schlagwörter',
    stage: 'Phase',
    nextFollowUpOn: 'Rückruf am',
    lastContactOn: 'Letzter Kontakt',
  },
  bg: {
    name: 'Име',
    phone: 'Телефон',
    email: 'Имейл',
    whatsapp: 'WhatsApp',
    viber: 'Viber',
    telegram: 'Telegram',
    city: 'Град',
    relationship: 'Връзка',
    source: 'Източник',
    interests: 'Интереси',
    needs: 'Нужди',
    notes: 'Бележки',
    tags: 'Етикети',
    stage: 'Етап',
    nextFollowUpOn: 'Следващо обаждане',
    lastContactOn: 'Последен контакт',
  },
};

/** A header as it is compared: folded, letters and digits only ("E-mail 1 - Value" → email1value). */
export function headerKey(header: string): string {
  return fold(header).replace(/[^\p{L}\p{N}]+/gu, '');
}

// Other names a column goes by, besides the template headers and the field names themselves.
const ALIASES: Record<ImportField, string[]> = {
  name: [
    'full name',
    'display name',
    'contact',
    'Vollständiger Name',
    'Anzeigename',
    'Име и фамилия',
    'Пълно име',
  ],
  givenName: [
    'first name',
    'given name',
    'middle name',
    'additional name',
    'Vorname',
    'Weitere Vornamen',
    'Собствено име',
    'Презиме',
  ],
  familyName: ['last name', 'family name', 'surname', 'Nachname', 'Familienname', 'Фамилия', 'Фамилно име'],
  phone: [
    'telephone',
    'phone number',
    'mobile',
    'mobile phone',
    'cell',
    'cell phone',
    'primary phone',
    'home phone',
    'home phone 2',
    'business phone',
    'business phone 2',
    'other phone',
    'Telefonnummer',
    'Handy',
    'Mobil',
    'Mobiltelefon',
    'Mobiltelefon 2',
    'Haupttelefon',
    'Telefon privat',
    'Telefon privat 2',
    'Telefon geschäftlich',
    'Telefon geschäftlich 2',
    'Weiteres Telefon',
    'Мобилен',
    'Мобилен телефон',
    'Телефонен номер',
    'GSM',
  ],
  email: [
    'e-mail',
    'mail',
    'email address',
    'e-mail address',
    'e-mail 2 address',
    'e-mail 3 address',
    'E-Mail-Adresse',
    'E-Mail 2: Adresse',
    'E-Mail 3: Adresse',
    'Имейл адрес',
    'Е-поща',
    'Електронна поща',
  ],
  whatsapp: [],
  viber: [],
  telegram: [],
  city: [
    'town',
    'home city',
    'business city',
    'other city',
    'Ort',
    'Wohnort',
    'Ort privat',
    'Ort geschäftlich',
    'Weiterer Ort',
    'Населено място',
  ],
  relationship: ['relation', 'Отношение'],
  source: ['lead source', 'referred by', 'Herkunft', 'Empfohlen von', 'Препоръчан от'],
  interests: ['hobby', 'hobbies', 'Hobbys', 'Хоби'],
  needs: ['Bedarf', 'Потребности'],
  notes: [
    'note',
    'comment',
    'comments',
    'Notiz',
    'Bemerkung',
    'Bemerkungen',
    'Kommentar',
    'Бележка',
    'Коментар',
  ],
  tags: [
    'tag',
    'labels',
    'label',
    'group membership',
    'categories',
    'Tags',
    'Kategorien',
    'Schlagwort',
    'Етикет',
    'Групи',
  ],
  stage: ['pipeline', 'Етап в процеса'],
  // Earlier template headers (files exported before the call-back had its own name) still read.
  nextFollowUpOn: [
    'call back',
    'call-back',
    'follow-up',
    'next follow-up',
    'next contact',
    'Rückruf',
    'Wiedervorlage',
    'Nachfassen am',
    'Nächster Kontakt',
    'Nächstes Nachfassen',
    'Обаждане',
    'Следващ контакт',
    'Следващо проследяване',
  ],
  lastContactOn: ['last contacted', 'Zuletzt kontaktiert', 'Последно обаждане'],
};

const LOOKUP = new Map<string, ImportField>();
const TEMPLATE_KEYS = new Set<string>();
for (const [field, names] of Object.entries(ALIASES) as [ImportField, string[]][]) {
  LOOKUP.set(headerKey(field), field);
  for (const name of names) LOOKUP.set(headerKey(name), field);
}
for (const headers of Object.values(TEMPLATE_HEADERS)) {
  for (const [field, header] of Object.entries(headers) as [TemplateField, string][]) {
    LOOKUP.set(headerKey(header), field);
    TEMPLATE_KEYS.add(headerKey(header));
  }
}
// Headers of earlier versions of the template, so files made from them still read as the template.
for (const header of ['next follow-up', 'Nächster Kontakt', 'Следващ контакт'])
  TEMPLATE_KEYS.add(headerKey(header));

// Google numbers repeated groups: "Phone 2 - Value", "E-mail 1 - Value", "Address 1 - City".
const GOOGLE_NUMBERED = /^[\p{L} -]+ \d+ - [\p{L} ]+$/u;
const GOOGLE_VALUES: [RegExp, ImportField][] = [
  [/^phone\d+value$/, 'phone'],
  [/^email\d+value$/, 'email'],
  [/^address\d+city$/, 'city'],
];
const GOOGLE_MARKERS = new Set(['groupmembership', 'labels', 'givenname', 'familyname', 'additionalname']);
const OUTLOOK_MARKERS = new Set(
  [
    'E-mail Address',
    'E-mail Display Name',
    'Mobile Phone',
    'Business Phone',
    'Home Phone',
    'Home City',
    'Business City',
    'E-Mail-Adresse',
    'Mobiltelefon',
    'Telefon privat',
    'Telefon geschäftlich',
    'Ort privat',
    'Ort geschäftlich',
    'Kategorien',
  ].map(headerKey),
);

/** The field a header names, or null when it is not one we import. */
export function fieldOfHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  for (const [pattern, field] of GOOGLE_VALUES) if (pattern.test(key)) return field;
  return LOOKUP.get(key) ?? null;
}

/** What made the file, judged by its header. */
export function sourceOfHeaders(headers: readonly string[]): ContactFileSource {
  const keys = headers.map(headerKey).filter(Boolean);
  if (keys.some((k) => GOOGLE_MARKERS.has(k)) || headers.some((h) => GOOGLE_NUMBERED.test(h.trim())))
    return 'google';
  if (keys.some((k) => OUTLOOK_MARKERS.has(k))) return 'outlook';
  if (keys.length > 0 && keys.every((k) => TEMPLATE_KEYS.has(k))) return 'template';
  return 'other';
}

export function suggestMapping(headers: readonly string[]): ColumnMapping {
  return headers.map(fieldOfHeader);
}

// Columns of a field that win over its other columns: a mobile number over a landline (WhatsApp and
// Viber work on it), the home city over the office's.
const PREFERRED = /mobile|mobil|handy|cell|мобилен|gsm/;
const PREFERRED_CITY = /home|privat|wohnort/;

/** 0 for a column that wins over the field's other columns, 1 for the rest. */
export function columnRank(field: ImportField, header: string): number {
  const key = headerKey(header);
  if (field === 'phone') return PREFERRED.test(key) ? 0 : 1;
  if (field === 'city') return PREFERRED_CITY.test(key) ? 0 : 1;
  return 1;
}

/**
 * For Google's "Phone 2 - Value": the column that says what kind of number it is ("Phone 2 - Type" in
 * the old export, "Phone 2 - Label" in the current one), whose cell may say Mobile; -1 when there is none.
 */
export function typeColumnOf(headers: readonly string[], index: number): number {
  const key = headerKey(headers[index] ?? '');
  const match = /^(phone\d+)value$/.exec(key);
  if (!match) return -1;
  return headers.findIndex((h) => {
    const k = headerKey(h);
    return k === `${match[1]}type` || k === `${match[1]}label`;
  });
}

export function isMobileType(value: string): boolean {
  return PREFERRED.test(headerKey(value));
}
