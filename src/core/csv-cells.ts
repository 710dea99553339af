// Cells of the CSV files Downline writes (contacts, the downline, the import template) and reads back.
//
// A spreadsheet runs a cell that begins with =, +, -, @ (and, in some programs, a tab or carriage
// return before one of them) as a formula: a contact named `=HYPERLINK(...)` or
// `=cmd|' /C calc'!A0` would run in the exporting member's Excel. Such a cell gets a leading single
// quote, which spreadsheets read as "this is text". Values that are plainly a phone number
// (`+359 88 123 4567`, `+49 (30) 1234`) or a signed number (`-12.50`) stay as they are: they cannot call
// a function or reach another cell, and people read them every day.
//
// Our own imports take the quote off again (`unguardCell`), so an export reads back identically. The
// rule is exactly invertible: a value that already begins with quotes before a formula character gets
// one more, so stripping one quote always gives back what was written.

const FORMULA_START = /^[=+\-@\t\r]/;
/** A signed number: -12.50, +5, -1,234.50 */
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)*$/;
/** A phone number in international form: +, then digits, spaces, brackets, dots, slashes, hyphens. */
const PHONE = /^\+[\d ()./-]+$/;
const MIN_PHONE_DIGITS = 6;

const digitsIn = (text: string) => text.replace(/\D/g, '').length;

function isPlainNumber(text: string): boolean {
  return SIGNED_NUMBER.test(text) || (PHONE.test(text) && digitsIn(text) >= MIN_PHONE_DIGITS);
}

/** Whether a value, once its leading quotes are set aside, would run as a formula. */
function needsGuard(value: string): boolean {
  let start = 0;
  while (value.charCodeAt(start) === 0x27) start++; // '
  const rest = value.slice(start);
  return FORMULA_START.test(rest) && !isPlainNumber(rest);
}

/** The value as a spreadsheet will show it as text: a leading quote where it would run as a formula. */
export function guardCell(value: string): string {
  return needsGuard(value) ? `'${value}` : value;
}

/** The value a guarded cell was made from (cells without the guard are returned as they are). */
export function unguardCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV cell: guarded, then quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string | number | null | undefined, delimiter: string): string {
  const text = guardCell(value === null || value === undefined ? '' : String(value));
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (without its line break). */
export function csvLine(cells: readonly (string | number | null | undefined)[], delimiter: string): string {
  return cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
}
