// Search in the tree's downline by name or city; picking a result opens the tree down to that member.
import { CloseButton, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { type SearchResult, searchDownline } from '../api.ts';

export type SearchHit = SearchResult['rows'][number];

export const MIN_QUERY = 2;

interface TreeSearchProps {
  rootId: string;
  /** Opening the tree to a picked member is under way. */
  busy: boolean;
  onPick: (hit: SearchHit) => void;
}

export function TreeSearch({ rootId, busy, onPick }: TreeSearchProps) {
  const { t } = useTranslation('tree');
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 250);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  // The name of a picked result stays in the field without being searched for again.
  const [picked, setPicked] = useState<string | null>(null);
  const enabled = debounced.length >= MIN_QUERY && picked === null;
  const search = useQuery({
    queryKey: ['structure', 'tree-search', rootId, debounced],
    queryFn: () => searchDownline(rootId, debounced),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const rows = enabled ? (search.data?.rows ?? []) : [];
  const typing = value.trim() !== debounced;

  const pick = (id: string) => {
    const hit = rows.find((r) => r.member.id === id);
    if (!hit) return;
    setValue(hit.member.name);
    setPicked(hit.member.name);
    combobox.closeDropdown();
    onPick(hit);
  };

  let status: string | null = null;
  if (value.trim().length < MIN_QUERY) status = t('search.hint');
  else if (search.isError) status = errorMessage(t, search.error);
  else if (typing || (search.isFetching && rows.length === 0)) status = t('search.searching');
  else if (search.isSuccess && rows.length === 0) status = t('search.none', { query: debounced });

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          value={value}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            busy || (enabled && search.isFetching) ? (
              <Loader size={16} />
            ) : value ? (
              <CloseButton
                size="sm"
                aria-label={t('search.clear')}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setValue('');
                  setPicked(null);
                  combobox.closeDropdown();
                }}
              />
            ) : null
          }
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setPicked(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          data-testid="tree-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={picked !== null}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }} aria-label={t('search.label')}>
          {status ? (
            <Combobox.Empty>{status}</Combobox.Empty>
          ) : (
            rows.map(({ member }) => (
              <Combobox.Option value={member.id} key={member.id} data-testid="tree-search-result">
                <Text size="sm" fw={600} truncate>
                  {member.name}
                </Text>
                <Group gap={6} wrap="nowrap">
                  {member.city && (
                    <Text size="xs" c="dimmed" truncate>
                      {member.city}
                    </Text>
                  )}
                  {member.level > 0 && (
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {member.city ? '· ' : ''}
                      {t('search.level', { level: member.level })}
                    </Text>
                  )}
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
