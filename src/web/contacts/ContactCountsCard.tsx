// What the upline and admins may see of a member's lists: numbers only, never names or notes.
import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../core/contacts/fields.ts';
import { useFormat } from '../ui/format.ts';
import { contactCountsQuery } from './api.ts';
import { StageBadge } from './stage.tsx';
import { useToday } from './useToday.ts';

export function ContactCountsCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const today = useToday();
  const counts = useQuery(contactCountsQuery(memberId, today));
  // Not visible to me (or not there): say nothing rather than show an error on someone else's page.
  if (!counts.data) return null;
  const c = counts.data;
  const stages = STAGES.filter((s) => c.stages[s] > 0);

  return (
    <Card withBorder padding="md" data-testid="member-contact-counts">
      <Title order={2} size="h5" mb={4}>
        {t('counts.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('counts.private')}
      </Text>
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs" mb={stages.length ? 'sm' : 0}>
        {(
          [
            ['total', c.total],
            ['own', c.lists.own],
            ['other', c.lists.other],
            ['addedMonth', c.addedThisMonth],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t(`counts.${key}`)}
            </Text>
            <Text fw={700} size="lg">
              {format.number(value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {stages.length > 0 && (
        <Group gap={6}>
          {stages.map((s) => (
            <Group key={s} gap={4} wrap="nowrap">
              <StageBadge stage={s} size="sm" />
              <Text size="sm" fw={600}>
                {format.number(c.stages[s])}
              </Text>
            </Group>
          ))}
        </Group>
      )}
    </Card>
  );
}
