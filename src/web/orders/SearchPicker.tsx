// A select that searches the server as one types (members of my downline, my contacts): the chosen one
// and the fixed choices (e.g. "me") always stay in the list.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Labelled } from './Labelled.tsx';

export interface Picked {
  id: string;
  name: string;
  /** A second line: city, the way up to them. */
  description?: string;
}

export function SearchPicker({
  label,
  value,
  onChange,
  search,
  searchKey,
  fixed = [],
  error,
  required,
  testId,
  ...rest
}: {
  label: string;
  value: Picked | null;
  onChange: (picked: Picked | null) => void;
  search: (q: string) => Promise<Picked[]>;
  /** The query key's first parts: whose downline, whose contacts. */
  searchKey: readonly unknown[];
  /** Choices shown before any search (e.g. me). */
  fixed?: Picked[];
  error?: string;
  required?: boolean;
  testId?: string;
} & Pick<SelectProps, 'description' | 'placeholder'>) {
  const { t } = useTranslation('orders');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  // Typing the chosen name back in is not a search.
  const searching = debounced.length >= 2 && debounced !== value?.name;
  const results = useQuery({
    queryKey: ['orders', 'pick', ...searchKey, debounced],
    queryFn: () => search(debounced),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const found = searching ? (results.data ?? []) : [];
  const options = new Map<string, Picked>();
  for (const p of [...(value ? [value] : []), ...fixed, ...found])
    if (!options.has(p.id)) options.set(p.id, p);

  return (
    <Labelled label={label} required={required}>
      {(id) => (
        <Select
          id={id}
          required={required}
          error={error}
          data-testid={testId}
          searchable
          searchValue={q}
          onSearchChange={setQ}
          // The server has already filtered: show what it found.
          filter={({ options: all }) => all}
          nothingFoundMessage={searching && !results.isFetching ? t('pick.nothing') : t('pick.type')}
          allowDeselect={false}
          value={value?.id ?? null}
          data={[...options.values()].map((p) => ({ value: p.id, label: p.name }))}
          renderOption={({ option }) => {
            const picked = options.get(option.value);
            return (
              <div>
                <div>{option.label}</div>
                {picked?.description && (
                  <div
                    style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}
                  >
                    {picked.description}
                  </div>
                )}
              </div>
            );
          }}
          onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
          comboboxProps={{ withinPortal: true }}
          {...rest}
        />
      )}
    </Labelled>
  );
}
