// The filters in use as pills, each removable on its own (by touch, keyboard or screen reader), and one
// button to clear them all.
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

function FilterPill({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { t } = useTranslation('contacts');
  return (
    <Pill
      withRemoveButton
      onRemove={onRemove}
      // Mantine keeps a pill's remove button out of the tab order and hidden from screen readers (it is
      // made for inputs, where Backspace removes); here it is the only way to remove the filter.
      removeButtonProps={{
        tabIndex: 0,
        'aria-hidden': false,
        'aria-label': t('filters.remove', { filter: label }),
      }}
    >
      {label}
    </Pill>
  );
}

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
        <FilterPill label={t('filters.dueShort')} onRemove={() => onChange({ due: undefined })} />
      )}
      {search.city && <FilterPill label={search.city} onRemove={() => onChange({ city: undefined })} />}
      {search.stage && (
        <FilterPill label={t(`stage.${search.stage}`)} onRemove={() => onChange({ stage: undefined })} />
      )}
      {search.tag && <FilterPill label={`#${search.tag}`} onRemove={() => onChange({ tag: undefined })} />}
      {search.q && (
        <FilterPill label={t('quoted', { q: search.q })} onRemove={() => onChange({ q: undefined })} />
      )}
      <Button variant="subtle" size="compact-xs" onClick={() => onChange(CLEARED)}>
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
