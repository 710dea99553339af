// The interface languages, shared by the server, the database enum and the web app (no dependencies).
export const LOCALES = ['en', 'de', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, as language menus show them whatever the current language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', bg: 'Български' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences ("de-AT" → "de"), else English. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
