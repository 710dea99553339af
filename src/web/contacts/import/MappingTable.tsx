// Which contact field each column of a CSV file goes to, with a sample value; the person can change it.
// The choices shown are the person's own (the preview's guess until they change one), so a second change
// made while the first preview is on its way builds on the first.
import { ScrollArea, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../../core/contacts/import/types.ts';
import { useFormat } from '../../ui/format.ts';
import type { ImportPreview } from '../api.ts';
import { useFieldLabel } from './labels.ts';

export function MappingTable({
  columns,
  mapping,
  onChange,
}: {
  columns: ImportPreview['columns'];
  /** The field of each column as chosen (the same length as `columns`). */
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const [all, setAll] = useState(false);
  const options = [
    { value: '', label: t('import.notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  // Outlook writes some 90 columns, most of them empty: show the ones that matter unless asked.
  const shown = (index: number) => !!(mapping[index] || columns[index]?.sample);
  const relevant = columns.filter((_, index) => shown(index)).length;
  const hidden = columns.length - relevant;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('import.mapping')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.mappingHint')}
      </Text>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder fz="sm" data-testid="import-mapping" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th w="45%">{t('import.goesTo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, index) =>
              !all && !shown(index) ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                <Table.Tr key={index}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {column.header || t('import.columnNumber', { number: index + 1 })}
                    </Text>
                    {column.sample && (
                      <Text size="xs" c="dimmed" truncate>
                        {column.sample}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('import.goesToColumn', {
                        column: column.header || t('import.columnNumber', { number: index + 1 }),
                      })}
                      data={options}
                      value={mapping[index] ?? ''}
                      allowDeselect={false}
                      onChange={(value) =>
                        onChange(
                          columns.map((_, i) =>
                            i === index ? ((value || null) as ImportField | null) : (mapping[i] ?? null),
                          ),
                        )
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {hidden > 0 && (
        <Switch
          size="sm"
          mt={4}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
          label={t('import.showEmpty', { count: hidden, formatted: format.number(hidden) })}
        />
      )}
    </Stack>
  );
}
