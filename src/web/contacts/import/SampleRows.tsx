// A look at the rows that would be imported without question, in the columns a contact list shows.
import { ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRow } from '../api.ts';

export function SampleRows({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation('contacts');
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('import.sample')}
      </Text>
      <ScrollArea>
        <Table striped withTableBorder fz="sm" data-testid="import-sample" miw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.lineShort')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.phone')}</Table.Th>
              <Table.Th>{t('fields.email')}</Table.Th>
              <Table.Th>{t('fields.city')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.phone}</Table.Td>
                <Table.Td>{row.email}</Table.Td>
                <Table.Td>{row.city}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
