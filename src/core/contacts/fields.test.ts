import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityKey, cleanTags, fold, listOf, searchText } from './fields.ts';
import { phoneKey } from './phone.ts';

describe('cities and the two lists', () => {
  it('compares cities regardless of case, Latin accents, spacing and punctuation', () => {
    expect(cityKey('София')).toBe(cityKey('софия'));
    expect(cityKey('  СОФИЯ ')).toBe('софия');
    expect(cityKey('Zürich')).toBe(cityKey('zurich'));
    expect(cityKey('Stara-Zagora')).toBe(cityKey('Stara Zagora'));
    expect(cityKey('St. Gallen')).toBe(cityKey('St Gallen'));
    expect(cityKey('Велико Търново')).not.toBe(cityKey('Велико Тьрново'));
    expect(cityKey(null)).toBe('');
  });

  it('keeps Cyrillic letters apart that differ only by a mark (й is not и)', () => {
    expect(fold('Йордан')).toBe('йордан');
    expect(fold('Straße')).toBe('strasse');
  });

  it('puts a contact on list 1 in the owner’s city or without a city; a choice by hand wins', () => {
    expect(listOf(cityKey('софия'), cityKey('София'), null)).toBe('own');
    expect(listOf('', cityKey('София'), null)).toBe('own');
    expect(listOf(cityKey('Пловдив'), cityKey('София'), null)).toBe('other');
    expect(listOf(cityKey('Пловдив'), cityKey('София'), 'own')).toBe('own');
    expect(listOf(cityKey('Пловдив'), '', null)).toBe('other');
  });

  it('folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(fold(fold(text))).toBe(fold(text));
        expect(cityKey(cityKey(text))).toBe(cityKey(text));
      }),
    );
  });
});

describe('phone keys', () => {
  it('reads national numbers in the owner’s country and international ones anywhere', () => {
    const bg = '+359888123456';
    expect(phoneKey('0888 123 456', 'BG')).toBe(bg);
    expect(phoneKey('+359 888 123 456', null)).toBe(bg);
    expect(phoneKey('00359 888 123456', 'DE')).toBe(bg);
    expect(phoneKey('(0171) 234-5678', 'DE')).toBe('+491712345678');
    expect(phoneKey('+49 171 2345678')).toBe('+491712345678');
  });

  it('falls back to the digits, and is null without any', () => {
    expect(phoneKey('12-34', null)).toBe('1234');
    expect(phoneKey('n/a', 'BG')).toBeNull();
    expect(phoneKey('', 'BG')).toBeNull();
  });
});

describe('search text and tags', () => {
  it('holds the folded name, city, phone digits, e-mail, tags and handles', () => {
    const text = searchText({
      name: 'Jürgen Müller',
      city: 'München',
      phone: '+49 171 234',
      email: 'J.Mueller@Example.test',
      tags: ['Gesundheit'],
      messengers: { telegram: '@juergen' },
    });
    for (const part of [
      'jurgen muller',
      'munchen',
      '49171234',
      'j.mueller@example.test',
      'gesundheit',
      '@juergen',
    ])
      expect(text).toContain(part);
  });

  it('cleans tags: trimmed, no leading #, unique regardless of case, order kept', () => {
    expect(cleanTags([' здраве ', '#Здраве', 'спорт', '', '##  fit  ness'])).toEqual([
      'здраве',
      'спорт',
      'fit ness',
    ]);
  });
});
