// The numbers a weekly analysis is written against: this week, last week, the 4-week average and the
// plan's targets, one row per number.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import type { CurrentReview } from './api.ts';
import { usePoints } from './parts.tsx';

const ROWS = ['structurePoints', 'points', 'newMembers', 'newFrontline', 'trained'] as const;

export function ReviewNumbers({ numbers }: { numbers: CurrentReview['numbers'] }) {
  const { t } = useTranslation('kpis');
  const format = useFormat();
  const points = usePoints();
  const show = (row: (typeof ROWS)[number], value: number | null | undefined) =>
    value === null || value === undefined
      ? t('review.noTarget')
      : row.endsWith('oints')
        ? points(value)
        : format.number(value, { maximumFractionDigits: 1 });
  const target = (row: (typeof ROWS)[number]) =>
    row === 'structurePoints' || row === 'newMembers' || row === 'trained' ? numbers.targets?.[row] : null;
  return (
    <>
      <Table.ScrollContainer minWidth={320}>
        <Table striped withTableBorder fz="sm" data-testid="review-numbers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.columns.kpi')}</Table.Th>
              <Table.Th ta="right">{t('review.columns.week')}</Table.Th>
              <Table.Th ta="right">{t('review.columns.lastWeek')}</Table.Th>
              <Table.Th ta="right">{t('review.columns.average4')}</Table.Th>
              {numbers.targets && <Table.Th ta="right">{t('review.columns.target')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROWS.map((row) => (
              <Table.Tr key={row} data-testid={`review-row-${row}`}>
                <Table.Td>{t(`review.rows.${row}`)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {show(row, numbers.week[row])}
                </Table.Td>
                <Table.Td ta="right">{show(row, numbers.lastWeek[row])}</Table.Td>
                <Table.Td ta="right">{show(row, numbers.average4[row])}</Table.Td>
                {numbers.targets && <Table.Td ta="right">{show(row, target(row))}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!numbers.targets && (
        <Text size="xs" c="dimmed">
          {t('review.targetsLater')}
        </Text>
      )}
    </>
  );
}
