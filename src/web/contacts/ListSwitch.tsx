// List 1 (my city), list 2 (other cities) or both, each with its count.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactList } from '../../core/contacts/fields.ts';
import { useFormat } from '../ui/format.ts';
import type { Overview } from './api.ts';

function Segment({ label, count }: { label: string; count: number | undefined }) {
  const format = useFormat();
  return (
    <Stack gap={0} align="center">
      <Text size="sm" fw={500} lh={1.3} truncate maw="100%">
        {label}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {count === undefined ? '…' : format.number(count)}
      </Text>
    </Stack>
  );
}

export function ListSwitch({
  list,
  overview,
  onList,
}: {
  /** Absent: both lists. */
  list: ContactList | undefined;
  overview: Overview | undefined;
  onList: (list: ContactList | undefined) => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <SegmentedControl
      fullWidth
      value={list ?? 'all'}
      onChange={(value) => onList(value === 'all' ? undefined : (value as ContactList))}
      data={[
        { value: 'own', label: <Segment label={t('segment.own')} count={overview?.lists.own} /> },
        { value: 'other', label: <Segment label={t('segment.other')} count={overview?.lists.other} /> },
        { value: 'all', label: <Segment label={t('segment.all')} count={overview?.total} /> },
      ]}
      aria-label={t('segment.label')}
    />
  );
}
