import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../src/core/contacts/fields.ts';
import {
  contactsToCsv,
  contactsToVcard,
  parseRelationship,
  parseStage,
  readContactFile,
  TEMPLATE_HEADERS,
  templateCsv,
} from '../../src/core/contacts/import.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const drafts = (text: string, fileName: string) =>
  readContactFile(utf8(text), fileName)
    .rows()
    .map((r) => r.draft);

const maria: ContactDraft = {
  name: 'Мария "Мими" Петрова, д-р',
  phone: '+359 88 765 4321',
  email: 'maria.petrova@example.bg',
  messengers: { viber: '+359 88 765 4321', telegram: '@mimi; official' },
  city: 'Пловдив',
  relationship: 'friend',
  source: 'Курс по йога',
  interests: 'Йога; здравословно хранене, кожа',
  needs: 'Допълнителен доход',
  notes:
    'Запознахме се на курса по йога.\n\nИнтересува се от продуктите за кожа, особено от серума "Glow"; да ѝ звънна след 18 ч. Бележката е дълга, за да се пренесе на няколко реда във vCard.',
  tags: ['Йога', 'Пловдив', 'warm market'],
  stage: 'presented',
  nextFollowUpOn: '2026-12-03',
  lastContactOn: '2026-11-20',
};
const juergen: ContactDraft = {
  name: 'Jürgen Weiß',
  phone: null,
  email: null,
  messengers: {},
  city: null,
  relationship: null,
  source: null,
  interests: null,
  needs: null,
  notes: null,
  tags: [],
  stage: 'new',
  nextFollowUpOn: null,
  lastContactOn: null,
};

describe('contactsToCsv', () => {
  it('writes UTF-8 with a BOM, the English template header, CRLF and quotes where needed', () => {
    const csv = contactsToCsv([maria, juergen], ';');
    expect(csv.startsWith('\ufeffname;phone;email;whatsapp;viber;telegram;city;relationship;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(Object.values(TEMPLATE_HEADERS.en).join(';'));
    expect(lines.at(-2)).toBe('Jürgen Weiß;;;;;;;;;;;;;new;;');
    expect(csv).toContain('"Мария ""Мими"" Петрова, д-р"');
    expect(csv).toContain(';Йога, Пловдив, warm market;presented;2026-12-03;2026-11-20');
  });

  it('reads back to the same drafts with either delimiter', () => {
    for (const delimiter of [',', ';'] as const) {
      const file = readContactFile(utf8(contactsToCsv([maria, juergen], delimiter)), 'contacts.csv');
      expect(file.file).toMatchObject({ source: 'template', delimiter, rowCount: 2 });
      expect(file.rows().map((r) => r.draft)).toEqual([maria, juergen]);
    }
  });
});

describe('contactsToVcard', () => {
  it('writes vCard 4.0 with CRLF, escapes, and lines of at most 75 octets folded between characters', () => {
    const vcf = contactsToVcard([maria, juergen]);
    expect(vcf.endsWith('END:VCARD\r\n')).toBe(true);
    expect(vcf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = vcf.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    const unfolded = vcf.replace(/\r\n /g, '');
    expect(unfolded).toContain('FN:Мария "Мими" Петрова\\, д-р\r\n');
    expect(unfolded).toContain('N:д-р;Мария "Мими" Петрова\\,;;;\r\n');
    expect(unfolded).toContain('TEL;VALUE=text;TYPE=cell:+359 88 765 4321\r\n');
    expect(unfolded).toContain('X-DOWNLINE-TELEGRAM:@mimi\\; official\r\n');
    expect(unfolded).toContain('CATEGORIES:Йога,Пловдив,warm market\r\n');
    expect(unfolded).toContain('X-DOWNLINE-STAGE:presented\r\n');
  });

  it('is valid for ical.js card by card', () => {
    const cards = contactsToVcard([maria, juergen]).split(/(?<=END:VCARD\r\n)/);
    expect(cards).toHaveLength(2);
    const fn = cards.map((card) => new ICAL.Component(ICAL.parse(card)).getFirstPropertyValue('fn'));
    expect(fn).toEqual([maria.name, juergen.name]);
  });

  it('reads back to the same drafts', () => {
    expect(drafts(contactsToVcard([maria, juergen]), 'contacts.vcf')).toEqual([maria, juergen]);
  });
});

describe('templateCsv', () => {
  it('has the header in the language and two example people that import cleanly', () => {
    for (const [locale, delimiter] of [
      ['en', ','],
      ['de', ';'],
      ['bg', ';'],
    ] as const) {
      const csv = templateCsv(locale);
      expect(csv.startsWith(`\ufeff${Object.values(TEMPLATE_HEADERS[locale]).join(delimiter)}\r\n`)).toBe(
        true,
      );
      const { file, rows } = readContactFile(utf8(csv), `template-${locale}.csv`);
      expect(file).toMatchObject({ source: 'template', delimiter, rowCount: 2 });
      expect(rows().every((r) => r.errors.length === 0)).toBe(true);
    }
  });

  it('writes examples in the words of each language', () => {
    const [sabine, juergenDe] = drafts(templateCsv('de'), 'vorlage.csv');
    expect(sabine).toMatchObject({
      name: 'Sabine Müller',
      city: 'München',
      relationship: 'friend',
      stage: 'contacted',
      nextFollowUpOn: '2026-12-03',
      tags: ['Sport', 'Nachbarschaft'],
    });
    expect(juergenDe).toMatchObject({ name: 'Jürgen Weiß', relationship: 'colleague', stage: 'invited' });
    const [maria, georgi] = drafts(templateCsv('bg'), 'шаблон.csv');
    expect(maria).toMatchObject({
      name: 'Мария Георгиева',
      relationship: 'friend',
      messengers: { viber: '+359 88 123 4567' },
    });
    expect(georgi).toMatchObject({ name: 'Георги Иванов', relationship: 'colleague', stage: 'invited' });
    const [sarah] = drafts(templateCsv('en'), 'template.csv');
    expect(sarah).toMatchObject({ name: 'Sarah Mitchell', stage: 'contacted', lastContactOn: '2026-11-20' });
  });
});

describe('the words the app shows', () => {
  it('every stage and relationship label of every language reads back as its value in imports', () => {
    for (const locale of ['en', 'de', 'bg']) {
      const labels = JSON.parse(readFileSync(`locales/${locale}/contacts.json`, 'utf8'));
      for (const [stage, label] of Object.entries(labels.stage as Record<string, string>))
        expect(parseStage(label), `${locale} stage ${label}`).toBe(stage);
      for (const [relationship, label] of Object.entries(labels.relationship as Record<string, string>))
        expect(parseRelationship(label), `${locale} relationship ${label}`).toBe(relationship);
    }
  });
});
