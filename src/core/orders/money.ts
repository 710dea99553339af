// Points and amounts as the app keeps them: decimals with at most two places, stored as whole hundredths
// (12.5 points = 1250), and currencies as ISO 4217 codes. Shared by the API, the import and the web app.

/** The largest figure an order may carry: a billion points (or currency units), in hundredths. */
export const MAX_HUNDREDTHS = 100_000_000_000;

/** The currency of an order that names none. */
export const DEFAULT_CURRENCY = 'EUR';

/** `parseHundredths` of a value with more than two decimal places. */
export const TOO_PRECISE = Number.POSITIVE_INFINITY;

/** 12.5 → 1250. Callers check `hasTwoDecimals` first; the rounding only absorbs binary fractions. */
export const toHundredths = (value: number) => Math.round(value * 100);

/** 1250 → 12.5 */
export const fromHundredths = (hundredths: number) => hundredths / 100;

/** Whether a number has at most two decimal places (0.29 does; 12.345 does not). */
export function hasTwoDecimals(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled) / 1e9);
}

// Characters that group thousands: space, no-break space, narrow no-break space, apostrophe (Swiss).
const isGrouping = (c: number) => c === 32 || c === 0xa0 || c === 0x202f || c === 39;

/**
 * A decimal as back offices write it, in hundredths: "12.5", "12,50", "-3", "1.234,56", "1,234.56",
 * "1 234,5". With both "." and "," the last one is the decimal mark; a mark that appears once is the
 * decimal mark ("1,234" is 1.234 — more than two places, so refused rather than read as 1234); one
 * that appears several times groups thousands. Returns NaN when the text is not a number and
 * TOO_PRECISE when it has more than two decimal places. Runs once per cell of a big import: no
 * regular expressions, no allocations.
 */
export function parseHundredths(value: string): number {
  const n = value.length;
  let start = 0;
  let negative = false;
  const first = value.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    start = 1;
  }
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let k = start; k < n; k++) {
    const c = value.charCodeAt(k);
    if (c === 46) {
      dots++;
      lastDot = k;
    } else if (c === 44) {
      commas++;
      lastComma = k;
    }
  }
  let decimalAt = -1;
  if (dots && commas) {
    // "1.234,56": the last mark is the decimal one and appears once.
    if ((lastDot > lastComma ? dots : commas) > 1) return Number.NaN;
    decimalAt = lastDot > lastComma ? lastDot : lastComma;
  } else if (dots === 1) decimalAt = lastDot;
  else if (commas === 1) decimalAt = lastComma;

  let whole = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let digits = 0;
  for (let k = start; k < n; k++) {
    const c = value.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      digits++;
      if (decimalAt >= 0 && k > decimalAt) {
        if (++fractionDigits > 2) return TOO_PRECISE;
        fraction = fraction * 10 + (c - 48);
      } else {
        whole = whole * 10 + (c - 48);
        // Far beyond any figure an order may carry (callers check MAX_HUNDREDTHS): stop before
        // the number loses precision.
        if (whole > 1e13) return Number.NaN;
      }
    } else if (k === decimalAt) {
      // the decimal mark
    } else if (c === 46 || c === 44 || isGrouping(c)) {
      // grouping: never first, never after the decimal mark
      if (digits === 0 || (decimalAt >= 0 && k > decimalAt)) return Number.NaN;
    } else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  const hundredths = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
  return negative ? -hundredths : hundredths;
}

const CODE = /^[A-Z]{3}$/;
/** Current ISO 4217 codes as the runtime knows them (every current browser and Node do). */
const KNOWN: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** "eur " → "EUR"; null when it is not a current ISO 4217 code. */
export function normalizeCurrency(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (!CODE.test(code)) return null;
  return !KNOWN || KNOWN.has(code) ? code : null;
}
