// Turning the bytes of an uploaded contacts file into text. Phones and Google write UTF-8; Excel on
// Windows saves "CSV" in the code page of the system: Windows-1252 in Germany, Windows-1251 in Bulgaria.
import chardet from 'chardet';
import { ContactFileError } from './types.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** chardet's names that mean "Cyrillic" and "Latin" for the one choice we make. */
const CYRILLIC = new Set(['windows-1251', 'ISO-8859-5', 'KOI8-R']);
const LATIN = new Set([
  'ISO-8859-1',
  'windows-1252',
  'ISO-8859-2',
  'windows-1250',
  'ISO-8859-9',
  'windows-1254',
  'windows-1257',
]);
const CONFIDENT = 25;
const SAMPLE = 64 * 1024;

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const isAsciiLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/**
 * In both code pages the letters outside ASCII are the bytes ≥ 0xC0. In German or French an umlaut or
 * accent sits in a word of plain letters (Grüße, Ça); a Cyrillic word is made of such bytes alone. The
 * share of those bytes with a plain letter beside them: near 1 for Windows-1252 text, near 0 for
 * Windows-1251; null when the sample has none.
 */
function latinShare(sample: Uint8Array): number | null {
  let letters = 0;
  let besideAscii = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < 0xc0) continue;
    letters++;
    if (isAsciiLetter(sample[i - 1]) || isAsciiLetter(sample[i + 1])) besideAscii++;
  }
  return letters ? besideAscii / letters : null;
}

/**
 * Windows-1251 or Windows-1252. The letter test decides clear cases: chardet misjudges short samples
 * (three Cyrillic letters come out as ISO-8859-1 at 75 %). Mixed text goes by chardet when it is sure.
 */
function guessCodePage(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  const sample = bytes.subarray(0, SAMPLE);
  const share = latinShare(sample);
  if (share !== null && share >= 0.8) return 'windows-1252';
  if (share !== null && share <= 0.2) return 'windows-1251';
  for (const match of chardet.analyse(sample)) {
    if (match.confidence < CONFIDENT) break;
    if (CYRILLIC.has(match.name)) return 'windows-1251';
    if (LATIN.has(match.name)) return 'windows-1252';
  }
  return share !== null && share < 0.5 ? 'windows-1251' : 'windows-1252';
}

function withByteOrderMark(bytes: Uint8Array): DecodedText | null {
  const marks = [
    ['utf-8', [0xef, 0xbb, 0xbf]],
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const;
  for (const [encoding, mark] of marks) {
    if (startsWith(bytes, ...mark))
      return { text: decodeBytes(bytes.subarray(mark.length), encoding), encoding };
  }
  return null;
}

function withoutByteOrderMark(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const encoding = guessCodePage(bytes);
    return { text: decodeBytes(bytes, encoding), encoding };
  }
}

/**
 * Decodes a contacts file: a byte order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8;
 * else the file is taken as Windows-1251 or Windows-1252, whichever it looks like. Refuses empty files
 * and binary ones (an Excel workbook instead of its CSV export).
 */
export function decodeContactBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ContactFileError('empty', 'The file is empty.');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ContactFileError(
      'unreadable',
      'The file is a workbook or an archive, not a CSV or vCard file: save it as CSV first.',
    );
  }
  const decoded = withByteOrderMark(bytes) ?? withoutByteOrderMark(bytes);
  if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1);
  if (decoded.text.includes('\u0000')) {
    throw new ContactFileError('unreadable', 'The file holds binary data, not a CSV or vCard file.');
  }
  if (decoded.text.trim() === '') throw new ContactFileError('empty', 'The file is empty.');
  return decoded;
}

// Windows-1252's characters for the bytes 0x80–0x9F (WHATWG index); the other bytes are Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
const CP1252 = Uint16Array.from({ length: 256 }, (_, b) =>
  b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b,
);

/**
 * Decodes bytes in the encoding a label names (UTF-8 when the label is unknown). Windows-1252 (also
 * what "latin1" and "iso-8859-1" mean on the web) is decoded here: Node's TextDecoder (since 20.18.3,
 * nodejs/node#60888) maps its bytes 0x80–0x9F to control characters instead of €, „, “ and the like.
 */
export function decodeBytes(bytes: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { ignoreBOM: true });
  } catch {
    decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  }
  if (decoder.encoding !== 'windows-1252') return decoder.decode(bytes);
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CP1252[bytes[i]!]!;
  return new TextDecoder('utf-16le').decode(units);
}
