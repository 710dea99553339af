import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './countries.ts';

describe('country codes', () => {
  it('are the 249 assigned ISO 3166-1 alpha-2 codes and XK, once each, sorted', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });

  it('every code has a name in each interface language', () => {
    for (const locale of ['en', 'de', 'bg']) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      expect(COUNTRY_CODES.filter((c) => !names.of(c))).toEqual([]);
    }
    expect(new Intl.DisplayNames(['bg'], { type: 'region' }).of('BG')).toBe('България');
  });

  it('accepts upper-case codes only, and no reserved or withdrawn ones', () => {
    expect(['BG', 'DE', 'AT', 'XK'].every(isCountryCode)).toBe(true);
    expect(['bg', 'XX', 'UK', 'EU', 'BGR', ''].some(isCountryCode)).toBe(false);
  });
});
