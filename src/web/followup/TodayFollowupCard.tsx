// Follow-up on the Today page: my own getting-started steps while I am new, and the people in my frontline
// who need me today (steps overdue or due today, or too long without contact), each one tap from a touchpoint. The
// page passes them from its one request (web/today), and shows no card when there is nothing to do.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconStairsUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TodayPage } from '../today/api.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import type { BoardRow } from './api.ts';
import { ContactGap, StepProgress, useLocalized } from './parts.tsx';
import { TouchpointButton } from './TouchpointButton.tsx';

const SHOWN = 5;

function AttentionRow({ row, today }: { row: BoardRow; today: string }) {
  const { t } = useTranslation('followup');
  const text = useLocalized();
  const overdue = row.steps.filter((s) => s.overdue);
  const dueToday = row.steps.filter((s) => !s.done && s.dueOn === today);
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      justify="space-between"
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="today-followup-row"
    >
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <AnchorLink to="/followup/$id" params={{ id: row.member.id }} fw={600} size="sm" truncate>
          {row.member.name}
        </AnchorLink>
        {overdue.length > 0 && (
          <Text size="xs" c="red.7" data-testid="today-followup-overdue">
            {t('today.overdue', { steps: overdue.map((s) => text(s.title)).join(' · ') })}
          </Text>
        )}
        {dueToday.length > 0 && (
          <Text size="xs" data-testid="today-followup-due">
            {t('today.dueToday', { steps: dueToday.map((s) => text(s.title)).join(' · ') })}
          </Text>
        )}
        {row.flagged && (
          <div>
            <ContactGap
              lastTouchpointOn={row.lastTouchpointOn}
              daysWithoutContact={row.daysWithoutContact}
              flagged={row.flagged}
              today={today}
            />
          </div>
        )}
      </Stack>
      <TouchpointButton memberId={row.member.id} name={row.member.name} compact />
    </Group>
  );
}

export function TodayFollowupCard({
  followup,
  today,
}: {
  followup: NonNullable<TodayPage['followup']>;
  today: string;
}) {
  const { t } = useTranslation('followup');
  const format = useFormat();
  const text = useLocalized();
  const { mine, attention } = followup;
  const nextSteps = mine?.steps.filter((s) => !s.done).slice(0, 2) ?? [];
  const more = attention.length - SHOWN;

  return (
    <Card withBorder padding="md" data-testid="today-followup">
      <Group gap="xs" wrap="nowrap" mb="xs">
        <IconStairsUp size={20} stroke={1.6} />
        <Title order={2} size="h4">
          {t('today.title')}
        </Title>
      </Group>
      <Stack gap="md">
        {mine && (
          <div data-testid="today-followup-mine">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
              {t('today.mine')}
            </Text>
            <StepProgress done={mine.done} total={mine.total} size="xs" />
            <Stack gap={2} mt={6}>
              {nextSteps.map((step) => (
                <Text key={step.key} size="sm" c={step.overdue ? 'red.7' : undefined}>
                  {text(step.memberTitle)}
                </Text>
              ))}
            </Stack>
            <Button
              mt="xs"
              size="compact-sm"
              variant="light"
              rightSection={<IconArrowRight size={14} />}
              renderRoot={(props) => <Link {...props} to="/start" />}
              data-testid="today-start-link"
            >
              {t('today.continue')}
            </Button>
          </div>
        )}
        {attention.length > 0 && (
          <div data-testid="today-followup-attention">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={2}>
              {t('today.needsYou')}
            </Text>
            <Stack gap={0}>
              {attention.slice(0, SHOWN).map((row) => (
                <AttentionRow key={row.member.id} row={row} today={today} />
              ))}
            </Stack>
            <AnchorLink to="/followup" size="sm" fw={600} mt="xs" display="inline-block">
              {more > 0 ? t('today.more', { count: more, formatted: format.number(more) }) : t('today.board')}
            </AnchorLink>
          </div>
        )}
      </Stack>
    </Card>
  );
}
