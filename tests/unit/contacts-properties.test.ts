import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_LIMITS,
  type ContactDraft,
  cleanTags,
  fold,
  MESSENGERS,
  RELATIONSHIPS,
  STAGES,
} from '../../src/core/contacts/fields.ts';
import { decodeBytes } from '../../src/core/contacts/import/decode.ts';
import {
  ContactFileError,
  contactsToCsv,
  contactsToVcard,
  decodeContactBytes,
  readContactFile,
} from '../../src/core/contacts/import.ts';
import { EMAIL } from '../../src/core/structure/import/values.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Characters that stress the writers: delimiters, quotes, escapes, Cyrillic, umlauts, emoji.
const tricky = fc.constantFrom(
  ',',
  ';',
  '"',
  "'",
  ':',
  '\\',
  '=',
  '+',
  '-',
  '@',
  '#',
  '*',
  ' ',
  'ä',
  'ß',
  'Й',
  'ѝ',
  '€',
  '„',
  '“',
  '😀',
);
const cyrillic = fc.integer({ min: 0x410, max: 0x44f }).map((c) => String.fromCodePoint(c));
const unit = fc.oneof(
  tricky,
  cyrillic,
  fc.constantFrom(...'abcXYZ019'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);

/** Text as a form leaves it: no control characters, trimmed, within the limit, null when empty. */
function text(max: number, multiline = false): fc.Arbitrary<string | null> {
  const line = fc.string({ unit, maxLength: Math.min(max, 60) }).map((s) => s.replace(/\p{Cc}/gu, ''));
  const value = multiline ? fc.array(line, { maxLength: 4 }).map((lines) => lines.join('\n')) : line;
  return value.map((s) => s.trim()).map((s) => (s && s.length <= max ? s : null));
}

const name = text(CONTACT_LIMITS.name).filter((s): s is string => s !== null);
const phone = fc.option(fc.stringMatching(/^\+?[0-9][0-9 ()/-]{0,20}[0-9]$/), { nil: null });
const email = fc.option(
  fc
    .emailAddress()
    .map((e) => e.toLowerCase())
    .filter((e) => EMAIL.test(e) && e.length <= CONTACT_LIMITS.email),
  { nil: null },
);
const date = fc.option(
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);
/**
 * Tags as cleanTags leaves them (and leaves them again: it makes "#" of "# #", and nothing of "#");
 * none holds a list separator or is one of Google's own groups.
 */
const tags = fc
  .array(text(CONTACT_LIMITS.tag), { maxLength: 6 })
  .map((list) => cleanTags(list.filter((t): t is string => t !== null)))
  .map((list) =>
    list.filter(
      (t) =>
        cleanTags([t])[0] === t &&
        t.length <= CONTACT_LIMITS.tag &&
        !/[,;]|:::/.test(t) &&
        !['mycontacts', 'starred'].includes(fold(t).replace(/\s+/g, '')),
    ),
  );
const messengers = fc
  .array(fc.tuple(fc.constantFrom(...MESSENGERS), text(CONTACT_LIMITS.messenger)), { maxLength: 3 })
  .map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== null)));

const draftArb: fc.Arbitrary<ContactDraft> = fc.record({
  name,
  phone,
  email,
  messengers,
  city: text(CONTACT_LIMITS.city),
  relationship: fc.option(fc.constantFrom(...RELATIONSHIPS), { nil: null }),
  source: text(CONTACT_LIMITS.source),
  interests: text(CONTACT_LIMITS.interests),
  needs: text(CONTACT_LIMITS.needs),
  notes: text(CONTACT_LIMITS.notes, true),
  tags,
  stage: fc.constantFrom(...STAGES),
  nextFollowUpOn: date,
  lastContactOn: date,
});
const drafts = fc.array(draftArb, { minLength: 1, maxLength: 5 });

function readBack(text: string, fileName: string): (ContactDraft | null)[] {
  const { rows } = readContactFile(utf8(text), fileName);
  return rows().map((row) => {
    if (row.errors.length)
      throw new Error(`line ${row.line}: ${row.errors.map((e) => e.message).join('; ')}`);
    return row.draft;
  });
}

describe('round trips', () => {
  it('CSV with commas or semicolons gives back the same drafts', () => {
    fc.assert(
      fc.property(drafts, fc.constantFrom(',' as const, ';' as const), (list, delimiter) => {
        expect(readBack(contactsToCsv(list, delimiter), 'contacts.csv')).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it('vCard gives back the same drafts, in lines of at most 75 octets', () => {
    fc.assert(
      fc.property(drafts, (list) => {
        const vcf = contactsToVcard(list);
        for (const line of vcf.split('\r\n')) expect(utf8(line).length).toBeLessThanOrEqual(75);
        expect(readBack(vcf, 'contacts.vcf')).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the reader on anything', () => {
  const readsOrRefuses = (bytes: Uint8Array, fileName: string) => {
    try {
      const { file, rows } = readContactFile(bytes, fileName);
      const result = rows();
      expect(result).toHaveLength(file.rowCount);
      for (const row of result) expect(row.draft === null).toBe(row.errors.length > 0);
    } catch (error) {
      if (!(error instanceof ContactFileError)) throw error;
    }
  };

  it('either reads rows or refuses the file with a ContactFileError, for any text', () => {
    const csvish = fc.string({
      unit: fc.oneof(unit, fc.constantFrom('\n', '\r\n', '\r', '\t', '"')),
      maxLength: 300,
    });
    fc.assert(
      fc.property(csvish, (text) => readsOrRefuses(utf8(text), 'contacts.csv')),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(csvish, (text) => readsOrRefuses(utf8(text), 'contacts.vcf')),
      { numRuns: 200 },
    );
  });

  it('does the same for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => readsOrRefuses(bytes, 'contacts.csv')),
      {
        numRuns: 300,
      },
    );
  });

  it('does the same for broken vCards', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'BEGIN:VCARD',
        'END:VCARD',
        'VERSION:3.0',
        'VERSION:4.0',
        'FN:Eva',
        'N:;;;',
        ' folded',
        'TEL;CELL:1',
      ),
      fc.constantFrom(
        'NOTE;ENCODING=QUOTED-PRINTABLE:=D0=',
        'ADR:;;;',
        'CATEGORIES:',
        'X-DOWNLINE-STAGE:neu',
        'EMAIL;PREF=x:',
      ),
      fc.string({ unit, maxLength: 30 }),
    );
    const card = fc.array(line, { maxLength: 20 }).map((lines) => ['BEGIN:VCARD', ...lines].join('\r\n'));
    fc.assert(
      fc.property(card, (text) => readsOrRefuses(utf8(text), 'contacts.vcf')),
      { numRuns: 500 },
    );
  });
});

/** An encoder for a single-byte code page, from what the decoder makes of each byte. */
function encoderFor(encoding: 'windows-1251' | 'windows-1252'): (text: string) => Uint8Array {
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const char = decodeBytes(Uint8Array.of(b), encoding);
    if (!byteOf.has(char)) byteOf.set(char, b);
  }
  return (text) => Uint8Array.from([...text].map((c) => byteOf.get(c)!));
}

describe('code pages', () => {
  const ascii = fc.constantFrom(...'bcdfghklmnprstwz');
  const vowel = fc.constantFrom(...'aeiou');

  it('decodes German and French text saved as Windows-1252', () => {
    const encode = encoderFor('windows-1252');
    const accented = fc.constantFrom(...'äöüÄÖÜßéèàç€');
    // Words as those languages make them: accents between plain letters.
    const syllable = fc.tuple(ascii, fc.oneof(vowel, accented)).map(([a, b]) => a + b);
    const word = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
    const sentence = fc
      .array(word, { minLength: 1, maxLength: 12 })
      .map((words) => words.join(' '))
      .filter((s) => /[^\p{ASCII}]/u.test(s));
    fc.assert(
      fc.property(sentence, fc.constantFrom(';', ',', '\r\n'), (s, sep) => {
        const text = `Name${sep}${s}`;
        expect(decodeContactBytes(encode(text))).toEqual({ text, encoding: 'windows-1252' });
      }),
      { numRuns: 300 },
    );
  });

  it('decodes Bulgarian text saved as Windows-1251', () => {
    const encode = encoderFor('windows-1251');
    const letter = fc.integer({ min: 0x410, max: 0x44f }).map((c) => String.fromCodePoint(c));
    const word = fc.array(letter, { minLength: 2, maxLength: 10 }).map((s) => s.join(''));
    const sentence = fc.array(fc.oneof(word, word, fc.constantFrom('0888 123 456', '+359', 'OK')), {
      minLength: 1,
      maxLength: 12,
    });
    // "юя" and "яю" are the bytes of UTF-16 byte order marks; no Bulgarian text starts with them.
    const realistic = sentence.filter(
      (w) => w.some((x) => /[а-я]/i.test(x)) && !/^(юя|яю)/.test(w.join(';')),
    );
    fc.assert(
      fc.property(realistic, (words) => {
        const text = words.join(';');
        expect(decodeContactBytes(encode(text))).toEqual({ text, encoding: 'windows-1251' });
      }),
      { numRuns: 300 },
    );
  });
});
