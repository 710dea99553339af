// No contacts yet: what the two lists are for, and the two ways to start them.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function FirstSteps({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation('contacts');
  return (
    <Card withBorder padding="lg" data-testid="contacts-empty">
      <Title order={2} size="h4" mb="xs">
        {t('empty.title')}
      </Title>
      <Text mb="xs">{t('empty.body')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('empty.hint')}
      </Text>
      <Group gap="xs">
        <Button leftSection={<IconPlus size={18} />} onClick={onAdd}>
          {t('add')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconFileImport size={18} />}
          renderRoot={(props) => <Link {...props} to="/contacts/import" />}
        >
          {t('import.button')}
        </Button>
      </Group>
    </Card>
  );
}
