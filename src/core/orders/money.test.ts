import { describe, expect, it } from 'vitest';
import { hasTwoDecimals, normalizeCurrency, parseHundredths, TOO_PRECISE, toHundredths } from './money.ts';

describe('parseHundredths', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12,50', 1250],
    ['0.29', 29],
    [',5', 50],
    ['-3', -300],
    ['+7.05', 705],
    ['-0,01', -1],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,5', 123450],
    ['1\u00a0234,50', 123450],
    ["1'234.50", 123450],
    ['1.234.567', 123456700],
    ['1,234,567.8', 123456780],
  ])('%s → %d hundredths', (text, expected) => {
    expect(parseHundredths(text)).toBe(expected);
  });

  it.each(['12.345', '1,234', '0.001'])('%s has more than two decimals', (text) => {
    expect(parseHundredths(text)).toBe(TOO_PRECISE);
  });

  it.each(['', '-', '.', 'abc', '12a', '1-2', '€12', '12.5.3,1,2', ' 12', '1,2.3,4'])(
    '%j is not a number',
    (text) => {
      expect(Number.isNaN(parseHundredths(text))).toBe(true);
    },
  );
});

describe('hasTwoDecimals and toHundredths', () => {
  it('tell two decimals from three, binary fractions notwithstanding', () => {
    for (const v of [0, 1, 0.1, 0.29, 12.5, 19.99, 1234567.89, -0.07]) {
      expect(hasTwoDecimals(v), String(v)).toBe(true);
      expect(toHundredths(v) / 100).toBe(v);
    }
    for (const v of [12.345, 0.001, 1 / 3, Number.NaN, Number.POSITIVE_INFINITY])
      expect(hasTwoDecimals(v), String(v)).toBe(false);
  });
});

describe('normalizeCurrency', () => {
  it('takes current ISO 4217 codes in any case', () => {
    expect(normalizeCurrency('EUR')).toBe('EUR');
    expect(normalizeCurrency(' bgn ')).toBe('BGN');
    expect(normalizeCurrency('chf')).toBe('CHF');
  });
  it('refuses anything else', () => {
    for (const v of ['EURO', 'E', '€', 'XYZ', '12A', '']) expect(normalizeCurrency(v), v).toBeNull();
  });
});
