// Which contact field each column of a CSV file goes to, with a sample value; the person can change it.
import { ScrollArea, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../../core/contacts/import/types.ts';
import type { ImportPreview } from '../api.ts';
import { useFieldLabel } from './labels.ts';

export function MappingTable({
  columns,
  onChange,
}: {
  columns: ImportPreview['columns'];
  onChange: (mapping: (ImportField | null)[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const fieldLabel = useFieldLabel();
  const [all, setAll] = useState(false);
  const options = [
    { value: '', label: t('import.notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  // Outlook writes some 90 columns, most of them empty: show the ones that matter unless asked.
  const relevant = columns.filter((c) => c.field || c.sample).length;
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
              !all && !column.field && !column.sample ? null : (
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
                      aria-label={t('import.goesToColumn', { column: column.header })}
                      data={options}
                      value={column.field ?? ''}
                      allowDeselect={false}
                      onChange={(value) =>
                        onChange(
                          columns.map((c, i) =>
                            i === index ? ((value || null) as ImportField | null) : c.field,
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
          label={t('import.showEmpty', { count: hidden })}
        />
      )}
    </Stack>
  );
}
