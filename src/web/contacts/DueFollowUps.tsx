// The call-backs due today or earlier, most overdue first: a card for the Today page, which passes them
// from its one request (web/today) and shows the card only when something is due.
import { Badge, Card, Group, Stack, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TodayPage } from '../today/api.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { ContactRow } from './ContactRow.tsx';

export function DueFollowUpsCard({
  due: data,
  today,
  country,
}: {
  due: NonNullable<TodayPage['due']>;
  today: string;
  country: string | null;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();

  return (
    <Card withBorder padding="md" data-testid="today-follow-ups">
      <Group gap="xs" wrap="wrap" mb="xs">
        <IconBellRinging size={20} stroke={1.6} />
        <Title order={2} size="h4">
          {t('today.title')}
        </Title>
        <Badge color="orange" variant="filled" data-testid="today-follow-ups-count">
          {format.number(data.total)}
        </Badge>
        {data.overdue > 0 && (
          <Badge color="red" variant="light">
            {t('today.overdue', { count: data.overdue, formatted: format.number(data.overdue) })}
          </Badge>
        )}
      </Group>
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
    </Card>
  );
}
