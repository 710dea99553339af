// The filters in use as pills, each removable on its own, and one button to clear them all.
import { Button, Group, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactsSearch } from './search.ts';

const CLEARED: Partial<ContactsSearch> = {
  q: undefined,
  city: undefined,
  stage: undefined,
  tag: undefined,
  due: undefined,
  sort: undefined,
};

export function ActiveFilters({
  search,
  onChange,
}: {
  search: ContactsSearch;
  onChange: (patch: Partial<ContactsSearch>) => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Group gap={6} data-testid="active-filters">
      {search.due && (
        <Pill withRemoveButton onRemove={() => onChange({ due: undefined })}>
          {t('filters.dueShort')}
        </Pill>
      )}
      {search.city && (
        <Pill withRemoveButton onRemove={() => onChange({ city: undefined })}>
          {search.city}
        </Pill>
      )}
      {search.stage && (
        <Pill withRemoveButton onRemove={() => onChange({ stage: undefined })}>
          {t(`stage.${search.stage}`)}
        </Pill>
      )}
      {search.tag && (
        <Pill withRemoveButton onRemove={() => onChange({ tag: undefined })}>
          #{search.tag}
        </Pill>
      )}
      {search.q && (
        <Pill withRemoveButton onRemove={() => onChange({ q: undefined })}>
          “{search.q}”
        </Pill>
      )}
      <Button variant="subtle" size="compact-xs" onClick={() => onChange(CLEARED)}>
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
