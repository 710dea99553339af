// The numbers a weekly analysis is written against: this week, last week and the 4-week average, one row
// per number. The week's plan and its progress stand beside them (ReviewsPage).
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import type { CurrentReview } from './api.ts';
import { usePoints } from './parts.tsx';

const ROWS = ['structurePoints', 'points', 'newMembers', 'newFrontline', 'trained'] as const;

export function ReviewNumbers({ numbers }: { numbers: CurrentReview['numbers'] }) {
  const { t } = useTranslation('kpis');
  const format = useFormat();
  const points = usePoints();
  // A week before the member joined has no numbers: a dash, not a zero.
  const show = (row: (typeof ROWS)[number], value: number | undefined) =>
    value === undefined
      ? '—'
      : row.endsWith('oints')
        ? points(value)
        : format.number(value, { maximumFractionDigits: 1 });
  // The table fits a phone's width (no sideways scroll): smaller type there, and the headers and the
  // names of the numbers wrap.
  return (
    <Table
      striped
      withTableBorder
      fz={{ base: 'xs', xs: 'sm' }}
      horizontalSpacing={6}
      data-testid="review-numbers"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('review.columns.kpi')}</Table.Th>
          <Table.Th ta="right">{t('review.columns.week')}</Table.Th>
          <Table.Th ta="right">{t('review.columns.lastWeek')}</Table.Th>
          <Table.Th ta="right">{t('review.columns.average4')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROWS.map((row) => (
          <Table.Tr key={row} data-testid={`review-row-${row}`}>
            <Table.Td>{t(`review.rows.${row}`)}</Table.Td>
            <Table.Td ta="right" fw={700}>
              {show(row, numbers.week[row])}
            </Table.Td>
            <Table.Td ta="right">{show(row, numbers.lastWeek?.[row])}</Table.Td>
            <Table.Td ta="right">{show(row, numbers.average4?.[row])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
