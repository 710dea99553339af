import { describe, expect, it } from 'vitest';
import { isLocale, pickLocale } from './locales.ts';

describe('pickLocale', () => {
  it('takes the first supported language of the browser preferences', () => {
    expect(pickLocale(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(pickLocale(['bg'])).toBe('bg');
    expect(pickLocale(['BG-bg'])).toBe('bg');
  });

  it('falls back to English', () => {
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['fr', 'tr'])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts exactly en, de and bg', () => {
    expect(['en', 'de', 'bg'].every(isLocale)).toBe(true);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
