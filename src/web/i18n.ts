// i18next with every namespace of locales/{en,de,bg}. The language comes from the signed-in person's
// setting, else the last choice on this device, else the browser's preferences.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, LOCALES, type Locale, pickLocale } from '../core/locales.ts';

const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, data] of Object.entries(files)) {
  const match = /locales\/(\w+)\/(\w+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  resources[lang] ??= {};
  resources[lang][ns] = data;
}

const STORAGE_KEY = 'downline.locale';

function detectLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

export const namespaces = Object.keys(resources.en ?? {});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLocale(),
  supportedLngs: [...LOCALES],
  fallbackLng: 'en',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

export async function applyLocale(locale: Locale) {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export default i18n;
