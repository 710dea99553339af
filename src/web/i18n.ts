// i18next with every namespace of locales/{en,de,bg}. The language comes from the signed-in person's
// setting, else the last choice on this device, else the browser's preferences. English (the fallback)
// is part of the app's code; each other language is a chunk of its own (`languages/`), loaded before
// the first render and when someone switches to it — nobody downloads the languages they do not read.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, LOCALES, type Locale, pickLocale } from '../core/locales.ts';

type Bundle = Record<string, unknown>;

const english = import.meta.glob<Bundle>('../../locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<{ default: Record<string, Bundle> }>('./languages/*.ts');

const namespaceOf = (file: string) => /locales\/\w+\/(\w+)\.json$/.exec(file)![1]!;

const resources: Record<string, Record<string, Bundle>> = { en: {} };
for (const [file, data] of Object.entries(english)) resources.en![namespaceOf(file)] = data;

const STORAGE_KEY = 'downline.locale';

function detectLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

export const namespaces = Object.keys(resources.en ?? {});

const loading = new Map<Locale, Promise<void>>();

/** Loads a language's texts once (English is always there). */
function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.hasResourceBundle(locale, 'common')) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    const load = others[`./languages/${locale}.ts`];
    promise = load
      ? load().then(({ default: files }) => {
          for (const [file, data] of Object.entries(files))
            i18n.addResourceBundle(locale, namespaceOf(file), data, true, true);
        })
      : Promise.reject(new Error(`No texts for ${locale}.`));
    // A failed download (offline) may be tried again on the next switch.
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

const initial = detectLocale();

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  supportedLngs: [...LOCALES],
  fallbackLng: 'en',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** The device's language, loaded: main.tsx waits for it before the first render (no flash of English). */
export const localeReady: Promise<void> = loadLocale(initial).catch(() => undefined);

export async function applyLocale(locale: Locale) {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await loadLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export default i18n;
