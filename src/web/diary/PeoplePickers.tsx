// Linking an entry to people: my own contacts (searched on the server as you type) and members of my
// structure (my sponsor and frontline at once, anyone in my downline by name or city).
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_LIMITS } from '../../core/diary/fields.ts';
import { useMe } from '../accounts/hooks.ts';
import { CONTACTS_KEY, fetchContacts } from '../contacts/api.ts';
import { useToday } from '../contacts/useToday.ts';
import { frontlineQuery, memberPageQuery, searchDownline } from '../structure/api.ts';

export interface Person {
  id: string;
  name: string;
}

interface PickerProps {
  value: Person[];
  onChange: (people: Person[]) => void;
  label: string;
  error?: string;
}

/** A searchable multi-select whose options come from the server; picked people keep their names. */
function PeoplePicker({
  value,
  onChange,
  label,
  error,
  options,
  loading,
  search,
  onSearch,
  testId,
}: PickerProps & {
  options: { value: string; label: string }[];
  loading: boolean;
  search: string;
  onSearch: (q: string) => void;
  testId: string;
}) {
  const { t } = useTranslation('diary');
  const picked = new Map(value.map((p) => [p.id, p.name]));
  const data = [
    ...value.map((p) => ({ value: p.id, label: p.name })),
    ...options.filter((o) => !picked.has(o.value)),
  ];
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : t('capture.searchPeople')}
      data={data}
      value={value.map((p) => p.id)}
      onChange={(ids) => {
        const names = new Map(data.map((o) => [o.value, o.label]));
        onChange(ids.map((id) => ({ id, name: picked.get(id) ?? names.get(id) ?? '' })));
      }}
      searchable
      searchValue={search}
      onSearchChange={onSearch}
      // The server already matched the words; show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('capture.searching') : t('capture.noMatch')}
      maxValues={DIARY_LIMITS.links}
      hidePickedOptions
      clearable
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

export function ContactPicker(props: PickerProps) {
  const today = useToday();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [...CONTACTS_KEY, 'pick', q, today],
    queryFn: () => fetchContacts({ q: q || undefined }, today, { sort: 'name', direction: 'asc' }, 0, 20),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return (
    <PeoplePicker
      {...props}
      options={(found.data?.rows ?? []).map((c) => ({
        value: c.id,
        label: c.city ? `${c.name} · ${c.city}` : c.name,
      }))}
      loading={found.isFetching}
      search={search}
      onSearch={setSearch}
      testId="pick-contacts"
    />
  );
}

export function MemberPicker(props: PickerProps) {
  const { t } = useTranslation('diary');
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const own = useQuery({ ...memberPageQuery(me.member.id), staleTime: 5 * 60_000 });
  const frontline = useQuery({ ...frontlineQuery(me.member.id, 0, 50), enabled: !q });
  const found = useQuery({
    queryKey: ['diary', 'pick-members', q],
    queryFn: () => searchDownline(me.member.id, q, 20),
    enabled: !!q,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const sponsor = own.data?.upline.at(-1);
  const options = q
    ? (found.data?.rows ?? []).map((r) => ({
        value: r.member.id,
        label: r.member.city ? `${r.member.name} · ${r.member.city}` : r.member.name,
      }))
    : [
        ...(sponsor ? [{ value: sponsor.id, label: `${sponsor.name} (${t('capture.sponsor')})` }] : []),
        ...(frontline.data?.rows ?? []).map((m) => ({ value: m.id, label: m.name })),
      ];
  return (
    <PeoplePicker
      {...props}
      options={options}
      loading={q ? found.isFetching : frontline.isFetching}
      search={search}
      onSearch={setSearch}
      testId="pick-members"
    />
  );
}
