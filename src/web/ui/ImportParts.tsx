// What the CSV imports share (members, orders): choosing the file, and the counts of the check.
import { Button, FileButton, Group, SimpleGrid, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useFormat } from './format.ts';

export function CsvFileButton({
  label,
  fileName,
  loading,
  onChoose,
}: {
  label: string;
  fileName: string | null;
  loading: boolean;
  onChoose: (file: File | null) => void;
}) {
  return (
    <Group>
      <FileButton onChange={onChoose} accept=".csv,text/csv,text/plain">
        {(props) => (
          <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />} loading={loading}>
            {label}
          </Button>
        )}
      </FileButton>
      {fileName && <Text size="sm">{fileName}</Text>}
    </Group>
  );
}

/** One labelled number per count, two to a row on a phone. */
export function ImportCounts({ counts }: { counts: { key: string; label: string; value: number }[] }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length }} spacing="xs">
      {counts.map((c) => (
        <div key={c.key}>
          <Text size="xs" c="dimmed" tt="uppercase">
            {c.label}
          </Text>
          <Text fw={700}>{format.number(c.value)}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
