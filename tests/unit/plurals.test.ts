// Counts read naturally at zero: "Not used yet", never "Used 0 times", in every language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/locales.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
const read = (locale: string, ns: string) =>
  JSON.parse(readFileSync(path.join(root, locale, `${ns}.json`), 'utf8'));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    ns: ['invitations'],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { invitations: read(l, 'invitations') }])),
    interpolation: { escapeValue: false },
  });
});

describe('counts at zero', () => {
  it('an invitation link nobody used yet says so', () => {
    const uses = (lng: string, count: number, max?: number) =>
      i18n.t(max ? 'invitations:link.usesOf' : 'invitations:link.uses', { lng, count, max });
    expect(uses('bg', 0)).toBe('Още не е използван');
    expect(uses('de', 0)).toBe('Noch nicht genutzt');
    expect(uses('en', 0)).toBe('Not used yet');
    expect(uses('bg', 3)).toBe('Използван 3 пъти');
    expect(uses('bg', 0, 5)).toBe('Още не е използван (до 5 пъти)');
    expect(uses('de', 2, 5)).toBe('2 von 5 genutzt');
  });
});
