// A CSV reader that takes its text in pieces, so a file of any size is read as it streams in (a
// back-office export of ten million orders is larger than a JavaScript string may be). Same dialect as
// the members import: delimiter `,` `;` or tab detected from the first line (or Excel's "sep=;" line),
// \n, \r\n or \r line breaks, quoted fields that may hold delimiters, "" and line breaks. Every record
// carries the physical line it starts on, counting the line breaks inside quoted fields.
//
// Lines without quotes — nearly all of them — are cut with indexOf and split(), natively; only a line
// with a quote is read character by character.
import { detectDelimiter } from '../structure/import/parse.ts';

export interface CsvRecord {
  /** Physical line the record starts on, 1-based. */
  line: number;
  fields: string[];
  /** What is wrong with the record's quoting, or null. */
  problem: string | null;
}

export type Delimiter = ',' | ';' | '\t';

/** A record longer than this with an open quote is a broken quote, not a long value. */
const MAX_RECORD = 1 << 20;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const SEP_LINE = /^sep=([,;\t])[ \t]*(\r\n|\r|\n)/i;

/** Where the first line ends (outside quotes), or -1 when it has not ended yet. */
function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) return i;
  }
  return -1;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

export class CsvReader {
  delimiter: Delimiter | null = null;
  /** \r only for files that end their lines with a lone \r; \r\n files are read as \n. */
  private newline: '\n' | '\r' = '\n';
  private buffer = '';
  private line = 1;
  private started = false;
  /** Index in `buffer` of the next quote at or after the read position (buffer.length: none). */
  private quoteAt = -1;

  /** Reads a piece of the text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer = this.buffer ? this.buffer + text : text;
    return this.drain(false);
  }

  /** The end of the text: the records still open. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    let text = this.buffer;
    if (this.delimiter === null) {
      const end = firstLineEnd(text);
      // A \r at the end of the piece may be the first half of \r\n.
      const undecided = end === -1 || (end === text.length - 1 && text.charCodeAt(end) === CR);
      if (undecided && !final && text.length < MAX_RECORD) {
        this.buffer = text;
        return records;
      }
      const sep = SEP_LINE.exec(text);
      if (sep) {
        // Excel's hint line names the delimiter; the header follows on line 2.
        this.delimiter = sep[1] as Delimiter;
        if (sep[2] === '\r') this.newline = '\r';
        text = text.slice(sep[0].length);
        this.line++;
      } else {
        this.delimiter = detectDelimiter(text);
        if (end !== -1 && text.charCodeAt(end) === CR && text.charCodeAt(end + 1) !== LF) this.newline = '\r';
      }
    }
    const delimiter = this.delimiter;
    const newline = this.newline;
    const len = text.length;
    let pos = 0;
    this.quoteAt = -1;
    while (pos < len) {
      const nl = text.indexOf(newline, pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? len : nl;
      if (this.quoteAt < pos) {
        const q = text.indexOf('"', pos);
        this.quoteAt = q === -1 ? len : q;
      }
      if (this.quoteAt >= end) {
        const cut = newline === '\n' && end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        records.push({ line: this.line, fields: text.slice(pos, cut).split(delimiter), problem: null });
        this.line++;
        pos = end + 1;
        continue;
      }
      const read = this.quoted(text, pos, final);
      if (!read) break;
      records.push(read.record);
      this.line += read.lines;
      pos = read.next;
    }
    this.buffer = pos >= len ? '' : text.slice(pos);
    return records;
  }

  /**
   * One record from `pos` that has a quote in it. Null when the text ends before the record does and
   * more may come.
   */
  private quoted(
    text: string,
    pos: number,
    final: boolean,
  ): { record: CsvRecord; next: number; lines: number } | null {
    const len = text.length;
    const delimiter = this.delimiter!.charCodeAt(0);
    const newline = this.newline;
    const nlCode = newline.charCodeAt(0);
    const fields: string[] = [];
    let problem: string | null = null;
    let breaks = 0;
    let k = pos;
    for (;;) {
      if (text.charCodeAt(k) === QUOTE) {
        let value = '';
        let from = k + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (!final) {
              if (len - pos < MAX_RECORD) return null;
              // A quote left open with more than a record's worth after it: report the line and go
              // on after its end.
              const after = text.indexOf(newline, pos);
              const stop = after === -1 ? len : after;
              return {
                record: {
                  line: this.line,
                  fields: [text.slice(pos, stop)],
                  problem: 'A quote is not closed.',
                },
                next: stop + 1,
                lines: 1,
              };
            }
            value += text.slice(from);
            problem ??= 'A quote is not closed.';
            k = len;
            break;
          }
          // A quote at the very end of a piece: whether it is "" shows with the next piece.
          if (close === len - 1 && !final) return null;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          k = close + 1;
          break;
        }
        breaks += countOf(value, newline);
        if (k < len) {
          const c = text.charCodeAt(k);
          if (c !== delimiter && c !== nlCode && !(c === CR && text.charCodeAt(k + 1) === LF)) {
            problem ??= 'There is text after a closing quote.';
            let stop = k;
            while (stop < len) {
              const s = text.charCodeAt(stop);
              if (s === delimiter || s === nlCode || (s === CR && text.charCodeAt(stop + 1) === LF)) break;
              stop++;
            }
            if (stop >= len && !final) return null;
            value += text.slice(k, stop);
            k = stop;
          }
        }
        fields.push(value);
      } else {
        let stop = k;
        while (stop < len) {
          const s = text.charCodeAt(stop);
          if (s === delimiter || s === nlCode || (s === CR && text.charCodeAt(stop + 1) === LF)) break;
          stop++;
        }
        if (stop >= len && !final) return null;
        fields.push(text.slice(k, stop));
        k = stop;
      }
      if (k >= len) {
        if (!final) return null;
        return { record: { line: this.line, fields, problem }, next: len, lines: 1 + breaks };
      }
      const c = text.charCodeAt(k);
      if (c === delimiter) {
        k++;
        if (k >= len) {
          if (!final) return null;
          fields.push('');
          return { record: { line: this.line, fields, problem }, next: len, lines: 1 + breaks };
        }
        continue;
      }
      // The line ends (\r\n counts as one break).
      k += c === CR && text.charCodeAt(k + 1) === LF ? 2 : 1;
      return { record: { line: this.line, fields, problem }, next: k, lines: 1 + breaks };
    }
  }
}

/** Reads a whole text at once (tests, small files). */
export function readCsv(text: string): { delimiter: Delimiter; records: CsvRecord[] } {
  const reader = new CsvReader();
  const records = [...reader.push(text), ...reader.end()];
  return { delimiter: reader.delimiter ?? ',', records };
}
