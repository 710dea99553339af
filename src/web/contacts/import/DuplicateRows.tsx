// Rows that match a contact (or an earlier row): one choice for all of them, and a choice per row.
import { Card, Group, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { ImportPreviewRow } from '../api.ts';
import { type Action, useActionOptions } from './labels.ts';

export function DuplicateRows({
  count,
  rows,
  choice,
  decisions,
  onChoice,
  onDecide,
}: {
  /** Duplicates in the whole file, rows with problems included. */
  count: number;
  /** The duplicates that can be imported. */
  rows: ImportPreviewRow[];
  choice: Action;
  decisions: Record<string, Action>;
  onChoice: (action: Action) => void;
  onDecide: (line: number, action: Action) => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const actions = useActionOptions();
  if (count === 0) return null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('import.duplicates', { count, formatted: format.number(count) })}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('import.duplicatesHint')}
          </Text>
          <SegmentedControl<Action>
            fullWidth
            value={choice}
            onChange={onChoice}
            data={actions}
            aria-label={t('import.duplicatesDefault')}
          />
        </div>
        {rows.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('import.duplicateList', { count: rows.length, formatted: format.number(rows.length) })}
            </Text>
            <ScrollArea.Autosize mah={360}>
              <Stack gap={0} data-testid="import-duplicates">
                {rows.map((row) => (
                  <Group
                    key={row.line}
                    justify="space-between"
                    wrap="wrap"
                    gap="xs"
                    py={6}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                      <Text size="sm" fw={500} truncate>
                        {t('import.line', { line: row.line })} · {row.name ?? '—'}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {row.duplicateOf?.contact
                          ? t('import.sameAs', { name: row.duplicateOf.contact.name })
                          : t('import.sameAsLine', { line: row.duplicateOf?.line ?? '?' })}
                        {' · '}
                        {[row.phone, row.email].filter(Boolean).join(' · ')}
                      </Text>
                    </div>
                    <SegmentedControl<Action>
                      size="xs"
                      value={(decisions[String(row.line)] ?? row.action) as Action}
                      onChange={(action) => onDecide(row.line, action)}
                      data={actions}
                      aria-label={t('import.decide', { line: row.line })}
                    />
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
