// Opening an uploaded contacts file: decode, tell CSV from vCard, read the records once; the rows are
// built for whichever column mapping the member settles on.
import { csvColumns, csvRows, parseCsv } from './csv.ts';
import { decodeContactBytes } from './decode.ts';
import { sourceOfHeaders, suggestMapping } from './mapping.ts';
import type { ColumnMapping, ContactFile, ImportRow } from './types.ts';
import { ContactFileError } from './types.ts';
import { vcardRows } from './vcard.ts';
import { looksLikeVcard, splitCards } from './vcard-lines.ts';

export interface OpenedContactFile {
  file: ContactFile;
  /**
   * Every contact of the file, checked, in file order. CSV: columns go where `mapping` says (default:
   * the suggested mapping). vCard: the mapping is not used.
   */
  rows(mapping?: ColumnMapping): ImportRow[];
}

/** Reads a CSV or vCard file. Throws ContactFileError when the file as a whole cannot be read. */
export function readContactFile(bytes: Uint8Array, fileName: string): OpenedContactFile {
  const { text, encoding } = decodeContactBytes(bytes);
  if (looksLikeVcard(text) || /\.(vcf|vcard)$/i.test(fileName.trim())) {
    const cards = splitCards(text);
    if (cards.length === 0)
      throw new ContactFileError('no_rows', 'The file has no contacts (no BEGIN:VCARD).');
    return {
      file: {
        format: 'vcard',
        source: 'vcard',
        encoding,
        delimiter: null,
        columns: [],
        suggestedMapping: [],
        rowCount: cards.length,
      },
      rows: () => vcardRows(cards),
    };
  }
  const table = parseCsv(text);
  const source = sourceOfHeaders(table.header);
  const suggestedMapping = suggestMapping(table.header);
  return {
    file: {
      format: 'csv',
      source,
      encoding,
      delimiter: table.delimiter,
      columns: csvColumns(table),
      suggestedMapping,
      rowCount: table.records.length,
    },
    rows: (mapping = suggestedMapping) => csvRows(table, mapping, source),
  };
}
