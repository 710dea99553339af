// Reading CSV contact files: Google Contacts, Outlook (English and German), our template, sheets typed by
// hand, and the column mapping.
import { describe, expect, it } from 'vitest';
import { draft, open, problems, utf8 } from '../../../tests/support/contact-files.ts';
import { type ColumnMapping, readContactFile } from './import.ts';

describe('Google Contacts CSV', () => {
  it('reads the current export: name parts, labels, the mobile number first, a note over lines', () => {
    const { file, rows } = open('google-contacts.csv');
    expect(file).toMatchObject({
      format: 'csv',
      source: 'google',
      encoding: 'utf-8',
      delimiter: ',',
      rowCount: 5,
    });
    expect(file.columns[0]).toEqual({ header: 'First Name', sample: 'Мария' });
    const mapped = file.columns.flatMap((c, i) =>
      file.suggestedMapping[i] ? [[c.header, file.suggestedMapping[i]]] : [],
    );
    expect(mapped).toEqual([
      ['First Name', 'givenName'],
      ['Middle Name', 'givenName'],
      ['Last Name', 'familyName'],
      ['Notes', 'notes'],
      ['Labels', 'tags'],
      ['E-mail 1 - Value', 'email'],
      ['E-mail 2 - Value', 'email'],
      ['Phone 1 - Value', 'phone'],
      ['Phone 2 - Value', 'phone'],
      ['Address 1 - City', 'city'],
    ]);
    const result = rows();
    // Maria's note has one line break and her formatted address two: Jürgen starts on line 6.
    expect(result.map((r) => r.line)).toEqual([2, 6, 8, 9, 10]);
    expect(result[0]!.draft).toEqual(
      draft({
        name: 'Мария Петрова',
        phone: '+359 88 765 4321',
        email: 'maria.petrova@example.bg',
        city: 'Пловдив',
        notes:
          'Запознахме се на курса по йога.\nИнтересува се от продуктите за кожа.\n\nOther phones: +359 32 123 456',
        tags: ['Йога', 'Пловдив'],
      }),
    );
    expect(result[1]!.draft).toEqual(
      draft({
        name: 'Jürgen Weiß',
        phone: '+49 171 2345678',
        email: 'juergen.weiss@example.de',
        city: 'Köln',
        notes: 'Other phones: +49 160 9876543\nOther e-mails: j.weiss@autohaus-becker.example',
        tags: ['Nachbarn'],
      }),
    );
    expect(result[2]!.draft).toMatchObject({
      name: 'Anna Maria Schmidt',
      notes: 'Sagt: "Melde dich im Frühjahr, dann habe ich mehr Zeit."',
      tags: [],
    });
    expect(result[3]!.draft).toMatchObject({ name: 'Георги Димитров', phone: null, tags: ['Бизнес'] });
    // Google's "other contacts" have only an e-mail address.
    expect(result[4]).toEqual({
      line: 10,
      draft: null,
      errors: [{ field: 'name', code: 'required', message: 'Name is empty: a contact needs a name.' }],
    });
  });

  it('reads the old UTF-16 export: Name over the name parts, Group Membership, Hobby', () => {
    const { file, rows } = open('google-contacts-legacy.csv');
    expect(file).toMatchObject({ source: 'google', encoding: 'utf-16le', delimiter: ',', rowCount: 3 });
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: 'Елена Стоянова',
        phone: '0888 123 456',
        email: 'elena.stoyanova@example.bg',
        city: 'Бургас',
        interests: 'Готвене',
        notes: 'Сестра на Мария',
        tags: ['Семейство'],
      }),
      draft({
        name: 'Thomas Becker',
        phone: '+49 172 555 0199',
        email: 'thomas.becker@example.de',
        city: 'Düsseldorf',
        notes: 'Other phones: +49 221 555 01',
        tags: ['Kunden', 'Sport'],
      }),
      draft({ name: 'Petra Lang', phone: '089 123456' }),
    ]);
  });
});

describe('Outlook CSV', () => {
  it('reads the English export: mobile before landlines, home city before the office, categories', () => {
    const { file, rows } = open('outlook-en.csv');
    expect(file).toMatchObject({ source: 'outlook', encoding: 'utf-8', delimiter: ',', rowCount: 2 });
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: "Emily O'Connor",
        phone: '+44 7700 900456',
        email: 'emily.oconnor@example.com',
        city: 'Coventry',
        source: 'Sarah Mitchell',
        notes:
          'Asked about the skin care line, call back in December.\n\nOther phones: +44 121 496 0000, +44 24 7696 0123',
        tags: ['Friends', 'Book club'],
      }),
      draft({
        name: 'James R. Walker',
        phone: '+44 20 7946 0958',
        email: 'james.walker@example.co.uk',
        city: 'London',
      }),
    ]);
  });

  it('reads the German export in Windows-1252 with semicolons: umlauts, ß and € survive', () => {
    const { file, rows } = open('outlook-de.csv');
    expect(file).toMatchObject({ source: 'outlook', encoding: 'windows-1252', delimiter: ';', rowCount: 2 });
    expect(file.columns.map((c) => c.header)).toContain('Telefon geschäftlich');
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: 'Jördis Müller-Lüdenscheidt',
        phone: '0170 1234567',
        email: 'joerdis@baeckerei-suess.example',
        city: 'Neuss',
        interests: 'Wandern, Backen',
        notes: 'Möchte ein Muster der Gesichtscreme. Budget 50 € im Monat.\n\nOther phones: 0211 123456',
        tags: ['Kundin', 'Nachbarn'],
      }),
      draft({
        name: 'Björn Größer',
        phone: '+33 3 88 00 00 00',
        email: 'bjoern.groesser@example.fr',
        city: 'Straßburg',
        source: 'Jördis Müller-Lüdenscheidt',
        notes: 'Spricht Französisch; lieber per E-Mail.',
      }),
    ]);
  });
});

describe('our template and sheets typed by hand', () => {
  it('reads a Bulgarian sheet saved by Excel in Windows-1251', () => {
    const { file, rows } = open('bulgarian-excel-1251.csv');
    expect(file).toMatchObject({ source: 'template', encoding: 'windows-1251', delimiter: ';' });
    expect(file.suggestedMapping).toEqual([
      'name',
      'phone',
      'city',
      'relationship',
      'stage',
      'notes',
      'tags',
    ]);
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: 'Йордан Йорданов',
        phone: '0888 111 222',
        city: 'Стара Загора',
        relationship: 'colleague',
        stage: 'invited',
        notes: 'Работи на смени, да се звъни след 18 ч.',
        tags: ['работа', 'футбол'],
      }),
      draft({
        name: 'Цветелина Жекова',
        phone: '0899 333 444',
        city: 'Русе',
        relationship: 'family',
        tags: ['семейство'],
      }),
      draft({
        name: 'Щерю Ъглов',
        city: 'Ямбол',
        relationship: 'acquaintance',
        stage: 'not_now',
        notes: 'Каза „може би догодина“.',
      }),
    ]);
  });

  it('reads the English template: English and German words, dotted dates, a note over two lines', () => {
    const { file, rows } = open('template-en.csv');
    expect(file).toMatchObject({ source: 'template', delimiter: ',', rowCount: 3 });
    const result = rows();
    expect(result.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(result.map((r) => r.draft)).toEqual([
      draft({
        name: 'Sarah Mitchell',
        phone: '+44 7700 900123',
        email: 'sarah.mitchell@example.com',
        messengers: { whatsapp: '+44 7700 900123' },
        city: 'Manchester',
        relationship: 'friend',
        source: 'Yoga class',
        interests: 'Healthy cooking, running',
        needs: 'More energy for work and family',
        notes: 'Met at the spring fair.\nPrefers calls after 6 pm.',
        tags: ['yoga', 'warm market'],
        stage: 'contacted',
        nextFollowUpOn: '2026-12-03',
        lastContactOn: '2026-11-20',
      }),
      draft({
        name: 'David Okafor',
        phone: '+44 7911 123456',
        messengers: { telegram: '@davidokafor' },
        city: 'Leeds',
        relationship: 'colleague',
        source: 'Former colleague at the bank',
        interests: 'Personal finance',
        needs: 'Extra income',
        tags: ['business'],
        stage: 'follow_up',
        nextFollowUpOn: '2026-11-28',
      }),
      draft({
        name: 'Priya Shah',
        email: 'priya.shah@example.com',
        city: 'Leicester',
        relationship: 'acquaintance',
        stage: 'joined_customer',
        lastContactOn: '2026-10-02',
      }),
    ]);
  });

  it('reads the German template: German words, D.M.YYYY, tags split on ; and cleaned of #', () => {
    const { file, rows } = open('template-de.csv');
    expect(file).toMatchObject({ source: 'template', encoding: 'utf-8', delimiter: ';', rowCount: 3 });
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: 'Sabine Müller',
        phone: '+49 151 23456789',
        email: 'sabine.mueller@example.de',
        messengers: { whatsapp: '+49 151 23456789' },
        city: 'München',
        relationship: 'friend',
        source: 'Sportverein',
        interests: 'Ernährung, Laufen',
        needs: 'Mehr Energie im Alltag',
        notes: 'Kennt viele Leute im Verein. Am liebsten abends anrufen.',
        tags: ['Sport', 'Nachbarschaft'],
        stage: 'contacted',
        nextFollowUpOn: '2026-12-03',
        lastContactOn: '2026-11-20',
      }),
      draft({
        name: 'Jürgen Weiß',
        phone: '0171 9876543',
        messengers: { telegram: '@juergenweiss' },
        city: 'Köln',
        relationship: 'colleague',
        source: 'Ehemaliger Kollege bei der Sparkasse',
        interests: 'Finanzen',
        needs: 'Zusätzliches Einkommen',
        tags: ['Geschäft'],
        stage: 'invited',
        nextFollowUpOn: '2026-11-28',
      }),
      draft({
        name: 'Gül Yılmaz',
        phone: '0176 5554443',
        city: 'Düsseldorf',
        relationship: 'family',
        notes: 'Cousine von Ayşe',
        tags: ['Familie', 'Kosmetik'],
        stage: 'not_now',
      }),
    ]);
  });

  it('reads the Bulgarian template: Bulgarian words and messengers', () => {
    const { file, rows } = open('template-bg.csv');
    expect(file).toMatchObject({ source: 'template', delimiter: ';', rowCount: 2 });
    expect(rows().map((r) => r.draft)).toEqual([
      draft({
        name: 'Мария Георгиева',
        phone: '+359 88 123 4567',
        email: 'maria.georgieva@example.bg',
        messengers: { viber: '+359 88 123 4567' },
        city: 'Пловдив',
        relationship: 'friend',
        source: 'Фитнес клуб',
        interests: 'Здравословно хранене, йога',
        needs: 'Повече енергия',
        notes: 'Запознахме се на семинар в София.',
        tags: ['спорт', 'Пловдив'],
        stage: 'contacted',
        nextFollowUpOn: '2026-12-03',
        lastContactOn: '2026-11-20',
      }),
      draft({
        name: 'Георги Иванов',
        phone: '0887 654 321',
        email: 'georgi.ivanov@example.bg',
        messengers: { whatsapp: '0887 654 321' },
        city: 'Варна',
        relationship: 'colleague',
        source: 'Бивш колега от банката',
        interests: 'Лични финанси',
        needs: 'Допълнителен доход',
        tags: ['бизнес'],
        stage: 'joined_partner',
        nextFollowUpOn: '2026-11-28',
      }),
    ]);
  });

  it('reports every problem of every bad row on the line the row starts on', () => {
    const { file, rows } = open('with-errors.csv');
    expect(file.rowCount).toBe(10); // the blank line 11 is not a row
    const result = rows();
    expect(result.filter((r) => r.draft).map((r) => [r.line, r.draft!.name])).toEqual([
      [2, 'Anna Good'],
      [3, 'Ben Multiline'],
      [14, 'Gustav Fine'],
    ]);
    expect(result.find((r) => r.line === 14)!.draft).toMatchObject({
      email: 'gustav@example.de',
      relationship: 'acquaintance',
      stage: 'joined_partner',
    });
    expect(problems(result)).toEqual([
      [5, 'required', 'name'],
      [6, 'invalid_email', 'email'],
      [6, 'invalid_value', 'stage'],
      [7, 'invalid_date', 'nextFollowUpOn'],
      [7, 'invalid_date', 'lastContactOn'],
      [8, 'too_long', 'name'],
      [8, 'invalid_value', 'relationship'],
      [12, 'too_long', 'tags'],
      [12, 'too_many', 'tags'],
      // An unquoted comma shifts the cells: the row is unreadable, and "new" lands in a date column.
      [13, 'unreadable', null],
      [13, 'invalid_date', 'nextFollowUpOn'],
      [15, 'unreadable', null],
    ]);
    const messages = result.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages).toEqual(
      expect.arrayContaining([
        'E-mail "clara@" is not a valid address.',
        expect.stringMatching(/^Stage "maybe" is not a stage/),
        'Call back on "31.02.2026" is not a date: use YYYY-MM-DD or DD.MM.YYYY.',
        'Last contact "yesterday" is not a date: use YYYY-MM-DD or DD.MM.YYYY.',
        expect.stringMatching(
          /^Name "Maximiliane von und zu.*" is 153 characters long; at most 120 are allowed\.$/,
        ),
        expect.stringMatching(/^Relationship "cousin" is not one of/),
        expect.stringMatching(/^Tag "this tag is far too long.*" is 50 characters long; at most 40/),
        expect.stringMatching(/^Tags: 21 tags .*; at most 20 are allowed\.$/),
        expect.stringMatching(/has 17 cells but the header has 16/),
      ]),
    );
  });
});

describe('column mapping', () => {
  it('goes by the mapping given: other columns, and none for the unmapped ones', () => {
    const csv = 'Kunde;Handy;Bemerkung;Wohnort\nEva Klein;0170 1;Kennt Anna;Bonn\n';
    const { file, rows } = readContactFile(utf8(csv), 'kunden.csv');
    expect(file.source).toBe('other');
    expect(file.suggestedMapping).toEqual([null, 'phone', 'notes', 'city']);
    expect(rows()[0]!.errors.map((e) => e.code)).toEqual(['required']);
    const mapping: ColumnMapping = ['name', 'phone', null, 'notes'];
    expect(rows(mapping)[0]!.draft).toEqual(draft({ name: 'Eva Klein', phone: '0170 1', notes: 'Bonn' }));
  });

  it('completes a name column with the given or family name column beside it', () => {
    const de = readContactFile(utf8('Vorname;Name;Telefon\nAnna;Müller;0170 1\n'), 'x.csv');
    expect(de.file.suggestedMapping).toEqual(['givenName', 'name', 'phone']);
    expect(de.rows()[0]!.draft).toMatchObject({ name: 'Anna Müller' });
    const bg = readContactFile(utf8('Име;Фамилия;Телефон\nИван;Петров;0888 1\n'), 'x.csv');
    expect(bg.rows()[0]!.draft).toMatchObject({ name: 'Иван Петров' });
  });

  it('joins several note columns with a blank line and reads tags split by , ; and :::', () => {
    const csv = 'name,notes,Notizen,tags\nEva,"first",second,"a, b; c ::: d, A"\n';
    const { rows } = readContactFile(utf8(csv), 'x.csv');
    expect(rows()[0]!.draft).toMatchObject({ notes: 'first\n\nsecond', tags: ['a', 'b', 'c', 'd'] });
  });

  it('matches headers regardless of case, accents and spaces', () => {
    const csv =
      'NAME,  Nachster   Kontakt ,letzter-kontakt,E_MAIL\nEva,1.2.2027,2026-11-02T10:00:00Z,EVA@EXAMPLE.COM\n';
    const { file, rows } = readContactFile(utf8(csv), 'x.csv');
    expect(file.suggestedMapping).toEqual(['name', 'nextFollowUpOn', 'lastContactOn', 'email']);
    expect(rows()[0]!.draft).toMatchObject({
      nextFollowUpOn: '2027-02-01',
      lastContactOn: '2026-11-02',
      email: 'eva@example.com',
    });
  });

  it("takes Excel's sep= line and tab-separated files", () => {
    const sep = readContactFile(utf8('sep=,\r\nName,Stadt\r\nKlein; Eva,Bonn\r\n'), 'x.csv');
    expect(sep.file.delimiter).toBe(',');
    expect(sep.rows()[0]).toMatchObject({ line: 3, draft: { name: 'Klein; Eva', city: 'Bonn' } });
    const tabs = readContactFile(utf8('name\tcity\nEva\tBonn\n'), 'x.txt');
    expect(tabs.file.delimiter).toBe('\t');
    expect(tabs.rows()[0]!.draft).toMatchObject({ name: 'Eva', city: 'Bonn' });
  });
});
