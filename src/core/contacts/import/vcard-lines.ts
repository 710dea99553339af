// The text level of a vCard file, before ical.js reads a card: the cards found with the line each starts
// on, folded lines joined, QUOTED-PRINTABLE values (Outlook and Android exports) decoded in their
// charset, vCard 2.1 type words ("TEL;CELL:") as TYPE parameters, and only the properties Downline reads
// kept, so a broken photo or an exotic property cannot spoil a card.
import { decodeBytes } from './decode.ts';

export interface CardText {
  /** Physical line of BEGIN:VCARD, 1-based. */
  line: number;
  /** The card as ical.js should read it; null when it cannot be read. */
  text: string | null;
  problem: string | null;
  /**
   * The character that stands for an escaped backslash (`\\`) in `text`. ical.js takes the `,` or `;`
   * after an escaped backslash (`a\\,b`) for an escaped one, so it never sees escaped backslashes:
   * each is replaced by a noncharacter the card does not contain, turned back into `\` after reading.
   */
  backslash: string;
}

const KEPT = new Set(['VERSION', 'FN', 'N', 'TEL', 'EMAIL', 'ADR', 'NOTE', 'CATEGORIES']);
const COMPOUND = new Set(['N', 'ADR']);
const BEGIN = /^begin:vcard$/i;
const END = /^end:vcard$/i;

/** True when the text, after blank lines, starts with BEGIN:VCARD. */
export function looksLikeVcard(text: string): boolean {
  return /^\s*begin:vcard\s*(?:\r\n|\r|\n|$)/i.test(text);
}

/**
 * Splits a file into its cards; text outside BEGIN:VCARD … END:VCARD is ignored. An indented line is the
 * continuation of a folded one, even when it reads END:VCARD.
 */
export function splitCards(text: string): CardText[] {
  const lines = text.split(/\r\n|\r|\n/);
  const cards: CardText[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trimEnd();
    if (BEGIN.test(trimmed)) {
      if (start >= 0) cards.push(unterminated(start));
      start = i;
    } else if (END.test(trimmed) && start >= 0) {
      cards.push(prepareCard(lines.slice(start + 1, i), start + 1));
      start = -1;
    }
  }
  if (start >= 0) cards.push(unterminated(start));
  return cards;
}

function unterminated(index: number): CardText {
  return {
    line: index + 1,
    text: null,
    problem: `The card starting on line ${index + 1} has no END:VCARD.`,
    backslash: '\\',
  };
}

/** Index of the `:` that ends a content line's name and parameters (not one inside a quoted parameter). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function isQuotedPrintable(line: string): boolean {
  const colon = valueStart(line);
  return /quoted-printable/i.test(colon < 0 ? line : line.slice(0, colon));
}

/** Joins folded lines (a leading space or tab) and QUOTED-PRINTABLE soft line breaks (a trailing `=`). */
export function unfold(lines: readonly string[]): string[] {
  const out: string[] = [];
  let softBreak = false;
  for (const line of lines) {
    const last = out.length - 1;
    if (softBreak) {
      out[last] = out[last]!.slice(0, -1) + line;
    } else if (last >= 0 && (line.startsWith(' ') || line.startsWith('\t'))) {
      out[last] += line.slice(1);
    } else if (line.trim() !== '') {
      out.push(line);
    } else continue;
    const current = out[out.length - 1]!;
    softBreak = current.endsWith('=') && isQuotedPrintable(current);
  }
  return out;
}

/** Decodes a QUOTED-PRINTABLE value: `=XX` bytes in the charset (UTF-8 when unknown), the rest as is. */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += decodeBytes(Uint8Array.from(bytes), charset);
    bytes = [];
  };
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (value[i] === '=' && i === value.length - 1) {
      // a soft line break at the very end
    } else {
      flush();
      out += value[i];
    }
  }
  flush();
  return out;
}

/** `\;` in a value that is not compound means `;`; ical.js keeps the backslash there, so drop it here. */
function unescapeSemicolons(value: string): string {
  if (!value.includes('\\')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      out += next === ';' ? ';' : c + next;
      i++;
    } else out += c;
  }
  return out;
}

/** Splits parameters at `;` outside quotes. */
function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** One content line as ical.js should see it, or null when Downline does not read the property. */
function prepareLine(line: string, backslash: string): string | null {
  const colon = valueStart(line);
  if (colon < 0) return line; // ical.js reports it; the card becomes unreadable
  const [rawName = '', ...params] = splitParams(line.slice(0, colon));
  const name = rawName
    .slice(rawName.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase(); // "item1.TEL" → TEL
  if (!KEPT.has(name) && !name.startsWith('X-DOWNLINE-')) return null;
  let value = line.slice(colon + 1);
  let quotedPrintable = false;
  let charset = 'utf-8';
  const types: string[] = [];
  const kept: string[] = [];
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = (eq < 0 ? param : param.slice(0, eq)).trim().toUpperCase();
    const paramValue = eq < 0 ? '' : param.slice(eq + 1).trim();
    if (eq < 0) {
      // vCard 2.1 writes bare words: TEL;CELL;VOICE, NOTE;QUOTED-PRINTABLE
      if (key === 'QUOTED-PRINTABLE') quotedPrintable = true;
      else if (key && key !== 'BASE64' && key !== '8BIT') types.push(key);
    } else if (key === 'ENCODING') {
      if (/^quoted-printable$/i.test(paramValue)) quotedPrintable = true;
    } else if (key === 'CHARSET') {
      charset = paramValue.replace(/"/g, '') || charset;
    } else if (key === 'TYPE') {
      types.push(paramValue.replace(/"/g, ''));
    } else kept.push(param);
  }
  if (quotedPrintable) value = decodeQuotedPrintable(value, charset).replace(/\r\n|\r|\n/g, '\\n');
  value = value.replace(/\\\\/g, backslash);
  if (!COMPOUND.has(name)) value = unescapeSemicolons(value);
  if (types.length) kept.unshift(`TYPE=${types.join(',')}`);
  return `${[name, ...kept].join(';')}:${value}`;
}

/** The card's inner lines (between BEGIN and END) made ready for ical.js. */
function prepareCard(inner: readonly string[], line: number): CardText {
  const contentLines = unfold(inner);
  let code = 0xfdd0; // the noncharacters U+FDD0–U+FDEF, never part of real text
  while (code < 0xfdef && contentLines.some((l) => l.includes(String.fromCharCode(code)))) code++;
  const backslash = String.fromCharCode(code);
  const lines = ['BEGIN:VCARD'];
  for (const contentLine of contentLines) {
    const prepared = prepareLine(contentLine, backslash);
    if (prepared !== null) lines.push(prepared);
  }
  lines.push('END:VCARD');
  return { line, text: lines.join('\r\n'), problem: null, backslash };
}
