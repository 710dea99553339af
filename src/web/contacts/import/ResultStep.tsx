// Step 3: how many contacts were created, merged and skipped; on to the list or another file.
import { Button, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api.ts';
import { Figure } from './Figure.tsx';

const TOTALS = ['created', 'merged', 'skipped'] as const;

export function ResultStep({
  imported,
  onAnother,
}: {
  imported: NonNullable<ImportPreview['imported']>;
  onAnother: () => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Card withBorder padding="lg" data-testid="import-result">
      <Title order={2} size="h4" mb="sm">
        {t('import.doneTitle')}
      </Title>
      <SimpleGrid cols={3} spacing="xs" mb="md">
        {TOTALS.map((key) => (
          <Figure
            key={key}
            label={t(`import.result.${key}`)}
            value={imported[key]}
            size="xl"
            testId={`import-${key}`}
          />
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <Button renderRoot={(props) => <Link {...props} to="/contacts" />}>{t('import.toContacts')}</Button>
        <Button variant="default" onClick={onAnother}>
          {t('import.another')}
        </Button>
      </Group>
    </Card>
  );
}
