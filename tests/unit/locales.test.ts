// Every user-facing string exists in en, de and bg, with the same placeholders, and none is empty.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/locales.ts';
import { ERROR_CODES } from '../../src/server/http/errors.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

type Strings = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Strings) {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, String(value));
  }
}

function load(locale: string): Strings {
  const strings: Strings = new Map();
  for (const file of readdirSync(path.join(root, locale)).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(path.join(root, locale, file), 'utf8'));
    flatten(data, file.replace(/\.json$/, ''), strings);
  }
  return strings;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const all = Object.fromEntries(LOCALES.map((l) => [l, load(l)])) as Record<string, Strings>;
const allKeys = new Set(Object.values(all).flatMap((s) => [...s.keys()]));

describe('locales', () => {
  it.each(LOCALES)('%s has every key that another language has', (locale) => {
    const missing = [...allKeys].filter((k) => !all[locale]!.has(k));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty strings', (locale) => {
    const empty = [...all[locale]!].filter(([, v]) => !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders as English', (locale) => {
    const differing = [...all.en!]
      .filter(
        ([key, value]) =>
          JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(all[locale]!.get(key) ?? '')),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('Bulgarian strings are written in Cyrillic, not left in English', () => {
    // The brand name and e-mail examples may stay Latin; everything else must contain Cyrillic.
    const exempt = new Set(['common.appName']);
    const latinOnly = [...all.bg!]
      .filter(
        ([key, value]) =>
          !exempt.has(key) && !value.includes('@') && /[a-z]{3}/i.test(value) && !/[а-я]/i.test(value),
      )
      .map(([key]) => key);
    expect(latinOnly).toEqual([]);
  });

  it('German strings differ from English except for names', () => {
    const same = [...all.de!]
      .filter(([key, value]) => value === all.en!.get(key) && value.length > 12)
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it('every error code the server sends has its text', () => {
    const missing = ERROR_CODES.filter((code) => !all.en!.has(`errors.code.${code}`));
    expect(missing).toEqual([]);
  });
});
