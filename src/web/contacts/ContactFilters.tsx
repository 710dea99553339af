// The search box (searching as you type) and, behind a button that counts the filters in use, the city,
// stage, tag and sort choices and "only due follow-ups". Everything lives in the address.
import {
  ActionIcon,
  Card,
  Collapse,
  Group,
  Indicator,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../core/contacts/fields.ts';
import { useFormat } from '../ui/format.ts';
import type { Overview } from './api.ts';
import { type ContactsSearch, SORTS, type Sort } from './search.ts';

export function ContactFilters({
  search,
  sort,
  overview,
  onChange,
}: {
  search: ContactsSearch;
  /** The order in use: the chosen one, else by name (by follow-up day for due ones). */
  sort: Sort;
  overview: Overview | undefined;
  onChange: (patch: Partial<ContactsSearch>) => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const filterCount = [search.city, search.stage, search.tag, search.due, search.sort].filter(Boolean).length;

  // Search as you type: the box updates at once, the address (and the request) after a pause.
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new typed value updates the address
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) onChange({ q: debouncedQ || undefined });
  }, [debouncedQ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change from elsewhere (clear) resets the box
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) setQ(search.q ?? '');
  }, [search.q]);

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          type="search"
          leftSection={<IconSearch size={16} />}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Indicator label={filterCount} size={16} disabled={filterCount === 0} offset={4}>
          <ActionIcon
            variant={filtersOpen ? 'filled' : 'default'}
            size="lg"
            onClick={toggleFilters}
            aria-label={t('filters.button')}
            aria-expanded={filtersOpen}
          >
            <IconAdjustmentsHorizontal size={18} />
          </ActionIcon>
        </Indicator>
      </Group>

      <Collapse expanded={filtersOpen}>
        <Card withBorder padding="sm">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Select
              label={t('filters.city')}
              clearable
              searchable
              data={(overview?.cities ?? []).map((c) => ({
                value: c.city,
                label: `${c.city} (${format.number(c.count)})`,
              }))}
              value={search.city ?? null}
              onChange={(city) => onChange({ city: city ?? undefined })}
              nothingFoundMessage={t('filters.noCities')}
            />
            <Select
              label={t('filters.stage')}
              clearable
              data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
              value={search.stage ?? null}
              onChange={(stage) => onChange({ stage: (stage as ContactsSearch['stage']) ?? undefined })}
            />
            <Select
              label={t('filters.tag')}
              clearable
              searchable
              data={(overview?.tags ?? []).map((x) => ({
                value: x.tag,
                label: `${x.tag} (${format.number(x.count)})`,
              }))}
              value={search.tag ?? null}
              onChange={(tag) => onChange({ tag: tag ?? undefined })}
              nothingFoundMessage={t('filters.noTags')}
            />
            <Select
              label={t('filters.sort')}
              allowDeselect={false}
              data={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
              value={sort}
              onChange={(value) => onChange({ sort: (value as Sort) ?? undefined })}
            />
          </SimpleGrid>
          <Switch
            mt="sm"
            label={t('filters.due')}
            checked={!!search.due}
            onChange={(e) => onChange({ due: e.currentTarget.checked || undefined })}
          />
        </Card>
      </Collapse>
    </>
  );
}
