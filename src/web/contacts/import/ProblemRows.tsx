// The lines that cannot be imported as they are, each with what is wrong and the value at fault.
import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { ImportPreviewRow } from '../api.ts';
import { useFieldLabel } from './labels.ts';

export function ProblemRows({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" c="red">
        {t('import.problems', { count: rows.length, formatted: format.number(rows.length) })}
      </Text>
      <ScrollArea.Autosize mah={280}>
        <Table striped withTableBorder fz="sm" data-testid="import-problems">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td w={90} style={{ whiteSpace: 'nowrap' }}>
                  {t('import.line', { line: row.line })}
                </Table.Td>
                <Table.Td>
                  {row.name && (
                    <Text size="sm" fw={500}>
                      {row.name}
                    </Text>
                  )}
                  {row.errors.map((error) => (
                    <Text size="sm" key={`${error.field}-${error.code}`}>
                      {error.field && (
                        <Badge size="xs" variant="light" mr={6} tt="none">
                          {fieldLabel(error.field)}
                        </Badge>
                      )}
                      {t(`import.issue.${error.code}`, { defaultValue: t('import.issue.invalid') })}
                      {error.value !== undefined && (
                        <Text span size="sm" c="dimmed" ml={4}>
                          {t('quoted', { q: error.value })}
                        </Text>
                      )}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
