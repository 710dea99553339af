// The file as the preview read it: name, where it comes from (Outlook, Google, …), format, encoding,
// delimiter and size, then what the import would do with its rows.
import { Button, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { ImportPreview } from '../api.ts';
import { Figure } from './Figure.tsx';
import type { ChosenFile } from './useContactImport.ts';

const COUNTS = ['rows', 'create', 'merge', 'skip', 'duplicates', 'invalid'] as const;

export function FileSummary({
  file,
  preview,
  onOther,
}: {
  file: ChosenFile;
  preview: ImportPreview;
  onOther: () => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const { counts } = preview;
  const detected = [
    t(`import.source.${preview.source}`),
    preview.source === 'vcard' ? null : preview.format === 'csv' ? 'CSV' : 'vCard',
    preview.encoding.toUpperCase(),
    preview.delimiter
      ? t('import.delimiter', {
          delimiter: preview.delimiter === '\t' ? t('import.tab') : preview.delimiter,
        })
      : null,
    format.number(Math.max(1, file.size / 1024), {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 0,
    }),
  ];
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="import-detected">
            {detected.filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Button variant="subtle" size="compact-sm" onClick={onOther}>
          {t('import.other')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 6 }} spacing="xs" data-testid="import-counts">
        {COUNTS.map((key) => (
          <Figure
            key={key}
            label={t(`import.counts.${key}`)}
            value={counts[key]}
            color={key === 'invalid' && counts.invalid > 0 ? 'red' : undefined}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
}
