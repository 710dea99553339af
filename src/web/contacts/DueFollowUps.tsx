// The follow-ups due today or earlier, most overdue first: a card for the Today page.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { dueQuery } from './api.ts';
import { ContactRow } from './ContactRow.tsx';
import { useOwnCountry } from './parts.tsx';
import { useToday } from './useToday.ts';

const SHOWN = 5;

export function DueFollowUpsCard() {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const today = useToday();
  const country = useOwnCountry();
  const due = useQuery(dueQuery(today, SHOWN));
  const data = due.data;

  return (
    <Card withBorder padding="md" data-testid="today-follow-ups">
      <Group gap="xs" wrap="wrap" mb={data && data.total > 0 ? 'xs' : 4}>
        <IconBellRinging size={20} stroke={1.6} />
        <Title order={2} size="h4">
          {t('today.title')}
        </Title>
        {data && data.total > 0 && (
          <Badge color="orange" variant="filled" data-testid="today-follow-ups-count">
            {format.number(data.total)}
          </Badge>
        )}
        {data && data.overdue > 0 && (
          <Badge color="red" variant="light">
            {t('today.overdue', { count: data.overdue, formatted: format.number(data.overdue) })}
          </Badge>
        )}
      </Group>
      {due.isError && <Text c="red">{errorMessage(t, due.error)}</Text>}
      {data && data.total === 0 && (
        <Text size="sm" c="dimmed">
          {t('today.none')}{' '}
          <AnchorLink to="/contacts" size="sm">
            {t('today.toContacts')}
          </AnchorLink>
        </Text>
      )}
      {data && data.total > 0 && (
        <Stack gap={0}>
          {data.rows.map((row) => (
            <ContactRow key={row.id} contact={row} today={today} country={country} />
          ))}
          <AnchorLink to="/contacts" search={{ due: true }} size="sm" mt="xs" fw={600}>
            {data.total > data.rows.length
              ? t('today.all', { count: data.total, formatted: format.number(data.total) })
              : t('today.open')}
          </AnchorLink>
        </Stack>
      )}
    </Card>
  );
}
