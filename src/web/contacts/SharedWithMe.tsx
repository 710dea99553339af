// Contacts that members of my downline shared with me (to prepare a 2+1), read-only; hidden when none.
import { Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { sharedQuery } from './api.ts';
import { ContactRow } from './ContactRow.tsx';

export function SharedWithMe({ today, country }: { today: string; country: string | null }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const shared = useQuery(sharedQuery);
  const rows = shared.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="shared-with-me">
      <Title order={2} size="h5">
        {t('shared.title', { count: rows.length, formatted: format.number(rows.length) })}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('shared.body')}
      </Text>
      {rows.map((row) => (
        <ContactRow key={row.id} contact={row} today={today} country={country} owner={row.owner.name} />
      ))}
    </Card>
  );
}
