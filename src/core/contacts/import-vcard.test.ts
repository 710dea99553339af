// Reading vCard files (2.1, 3.0, 4.0), files that cannot be read, and decoding bytes.
import { describe, expect, it } from 'vitest';
import { draft, expectThrows, open, problems, utf8 } from '../../../tests/support/contact-files.ts';
import { decodeContactBytes, readContactFile } from './import.ts';

describe('vCard', () => {
  it('reads vCard 3.0: QUOTED-PRINTABLE Cyrillic, folded lines, groups, escapes, several phones and e-mails', () => {
    const { file, rows } = open('contacts-v3.vcf');
    expect(file).toMatchObject({
      format: 'vcard',
      source: 'vcard',
      encoding: 'utf-8',
      delimiter: null,
      columns: [],
      suggestedMapping: [],
      rowCount: 4,
    });
    const result = rows();
    expect(result.map((r) => r.line)).toEqual([1, 21, 40, 52]);
    expect(result.map((r) => r.draft)).toEqual([
      draft({
        name: 'Иван Петков',
        phone: '+359 88 555 1234',
        email: 'ivan.petkov@example.bg',
        city: 'София',
        notes:
          'Бивш съученик, сега управител на фитнес зала.\nИнтересува се от спортно хранене.\n\nOther phones: +359 2 987 6543',
      }),
      draft({
        name: 'Katrin Schneider',
        phone: '+49 151 9998887',
        email: 'katrin@example.de',
        city: 'Berlin',
        notes:
          'Trifft sich gern zum Kaffee, Mo–Fr; nicht am Wochenende.\nKinder: Lea, Tim\n\nOther phones: +49 30 1234567, +49 30 7654321',
        tags: ['Nachbarn', 'Sport, Fitness'],
      }),
      draft({
        name: 'Десислава Колева',
        phone: '0877 111 333',
        email: 'desi.koleva@example.bg',
        city: 'Велико Търново',
        notes:
          'Запознахме се на рождения ден на Мария. Има две деца и търси работа, която да върши от вкъщи. Да ѝ изпратя информация за стартовия пакет.\n\nOther e-mails: d.koleva@firma.example',
        tags: ['Клиенти'],
      }),
      draft({
        name: 'Dr. Nikolay Nikolov, MBA',
        email: 'nikolov@example.com',
        notes: 'Other e-mails: n.nikolov@old-company.example',
      }),
    ]);
  });

  it('reads vCard 4.0: our X-DOWNLINE properties, tel: URIs with PREF, the home address, N without FN', () => {
    const { file, rows } = open('contacts-v4.vcf');
    expect(file.rowCount).toBe(3);
    const result = rows();
    expect(result.map((r) => r.line)).toEqual([1, 21, 34]);
    expect(result.map((r) => r.draft)).toEqual([
      draft({
        name: 'Радослава Тодорова',
        phone: '+359 87 444 5566',
        email: 'rado.todorova@example.bg',
        messengers: { viber: '+359 87 444 5566' },
        city: 'Шумен',
        relationship: 'acquaintance',
        source: 'Базар в Шумен',
        interests: 'Натурална козметика',
        needs: 'Нови продукти за магазина',
        notes: 'Има магазин за козметика; иска да опита продуктите, преди да реши.\nОбаждане след 17 ч.',
        tags: ['козметика', 'Шумен'],
        stage: 'presented',
        nextFollowUpOn: '2026-12-01',
        lastContactOn: '2026-11-18',
      }),
      draft({
        name: 'Светла Маринова',
        phone: '+359-88-999-0000',
        email: 'svetla@example.bg',
        city: 'Несебър',
        notes: 'Ръководи екип от 12 души; търси нови възможности.\n\nOther phones: +359-56-800-000',
        tags: ['бизнес', 'лидер'],
      }),
      draft({
        name: 'Lukas Maximilian Fischer',
        phone: '+49 160 1112233',
        email: 'lukas.fischer@example.de',
        notes: 'Other e-mails: lukas@fischer-family.example',
      }),
    ]);
  });

  it('reads vCard 2.1 from Outlook: bare type words, QUOTED-PRINTABLE in Windows-1251, soft line breaks', () => {
    const { rows } = open('contacts-v21.vcf');
    expect(rows()[0]!.draft).toEqual(
      draft({
        name: 'Тодор Тодоров',
        phone: '+359 89 111 2222',
        email: 'todor@example.bg',
        notes:
          'Line one\nLine two is long enough to need a soft line break in the middle of it, as Outlook writes.\n\nOther phones: +359 2 111 2222',
      }),
    );
  });

  it('turns a broken card into an error on its line and reads the cards around it', () => {
    const { file, rows } = open('contacts-with-errors.vcf');
    expect(file.rowCount).toBe(6);
    const result = rows();
    expect(result.filter((r) => r.draft).map((r) => [r.line, r.draft!.name])).toEqual([
      [1, 'Anna Good'],
      [25, 'Zoya Last'],
    ]);
    expect(problems(result)).toEqual([
      [7, 'unreadable', null],
      [12, 'required', 'name'],
      [16, 'invalid_email', 'email'],
      [16, 'invalid_value', 'stage'],
      [22, 'unreadable', null],
    ]);
    expect(result[1]!.errors[0]!.message).toMatch(/^The card starting on line 7 cannot be read/);
    expect(result[4]!.errors[0]!.message).toBe('The card starting on line 22 has no END:VCARD.');
  });

  it('is recognized by its content whatever the name, and by its name after blank lines', () => {
    const card = '\r\n\r\nbegin:vcard\r\nversion:3.0\r\nfn:Eva Klein\r\nend:vcard\r\n';
    expect(readContactFile(utf8(card), 'contacts.txt').file.format).toBe('vcard');
    expect(readContactFile(utf8(card), 'Kontakte.VCF').rows()[0]).toMatchObject({
      line: 3,
      draft: { name: 'Eva Klein' },
    });
  });
});

describe('files that cannot be read', () => {
  it('refuses empty files, workbooks, binary data, headers without rows and vCards without cards', () => {
    expectThrows(() => readContactFile(new Uint8Array(), 'x.csv'), 'empty');
    expectThrows(() => readContactFile(utf8(' \r\n\r\n'), 'x.csv'), 'empty');
    expectThrows(
      () => readContactFile(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2), 'contacts.xlsx'),
      'unreadable',
    );
    expectThrows(() => readContactFile(Uint8Array.of(0x41, 0, 0x42, 0), 'x.csv'), 'unreadable');
    expectThrows(() => readContactFile(utf8('name,phone\r\n'), 'x.csv'), 'no_rows');
    expectThrows(() => readContactFile(utf8('\nEva,0170\n'), 'x.csv'), 'no_header');
    expectThrows(() => readContactFile(utf8('no cards here'), 'x.vcf'), 'no_rows');
  });
});

describe('decodeContactBytes', () => {
  it('follows byte order marks and prefers UTF-8', () => {
    expect(decodeContactBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({
      text: 'A',
      encoding: 'utf-8',
    });
    expect(decodeContactBytes(Uint8Array.of(0xff, 0xfe, 0x1f, 0x04))).toEqual({
      text: 'П',
      encoding: 'utf-16le',
    });
    expect(decodeContactBytes(Uint8Array.of(0xfe, 0xff, 0x04, 0x1f))).toEqual({
      text: 'П',
      encoding: 'utf-16be',
    });
    expect(decodeContactBytes(utf8('Grüße, Здравей'))).toEqual({ text: 'Grüße, Здравей', encoding: 'utf-8' });
  });

  it('decodes Windows-1252 bytes 0x80–0x9F as Windows does (€, „, “), not as control characters', () => {
    const bytes = Uint8Array.of(0x84, 0x46, 0xfc, 0x6e, 0x66, 0x20, 0x80, 0x93, 0x20, 0x9a);
    expect(decodeContactBytes(bytes)).toEqual({ text: '„Fünf €“ š', encoding: 'windows-1252' });
  });
});
