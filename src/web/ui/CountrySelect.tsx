// A country picker: every ISO 3166-1 country by its name in the person's language (Intl.DisplayNames),
// searchable by name (any case, with or without accents) or by its two-letter code.
import { type ComboboxItem, type ComboboxParsedItem, Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, isCountryCode } from '../../core/countries.ts';

/** Lower case without accents, so "osterreich" finds "Österreich". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The countries as options, named and sorted in `locale`. */
export function countryOptions(locale: string): ComboboxItem[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** The name of a country code in the person's language (the code itself if it names none). */
export function useCountryName() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return (code: string) => (isCountryCode(code) ? (names.of(code) ?? code) : code);
  }, [locale]);
}

function filter({ options, search }: { options: ComboboxParsedItem[]; search: string }) {
  const wanted = fold(search.trim());
  if (!wanted) return options;
  return (options as ComboboxItem[]).filter(
    (option) => fold(option.label).includes(wanted) || option.value.toLowerCase() === wanted,
  );
}

export function CountrySelect(props: Omit<SelectProps, 'data' | 'searchable' | 'filter'>) {
  const { t, i18n } = useTranslation('common');
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const value = props.value;
  // A code stored before countries were picked from this list is shown as it is, so it is not lost.
  const data = value && !isCountryCode(value) ? [{ value, label: value }, ...options] : options;
  return (
    <Select
      searchable
      clearable
      placeholder={t('country.placeholder')}
      nothingFoundMessage={t('country.nothingFound')}
      autoComplete="off"
      {...props}
      data={data}
      filter={filter}
    />
  );
}
