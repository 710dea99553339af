// On a member's page: their follow-up at a glance, with the way into it. Nothing when they have none or
// it is not mine to see (a 404).
import { Badge, Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconChevronRight, IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useToday } from '../contacts/useToday.ts';
import { useFormat } from '../ui/format.ts';
import { followupQuery } from './api.ts';
import { StepProgress } from './parts.tsx';

export function MemberFollowupCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation('followup');
  const format = useFormat();
  const today = useToday();
  const { data } = useQuery(followupQuery(memberId, today));
  if (!data) return null;
  const done = data.steps.filter((s) => s.done).length;
  const overdue = data.steps.filter((s) => s.overdue).length;

  return (
    <Card withBorder padding="md" data-testid="member-followup">
      <Stack gap="xs">
        {/* The button goes below the title when both do not fit in one line. */}
        <Group justify="space-between" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconStairsUp size={18} stroke={1.6} />
            <Title order={2} size="h5">
              {t('title')}
            </Title>
          </Group>
          <Button
            size="compact-sm"
            variant="light"
            rightSection={<IconChevronRight size={14} />}
            renderRoot={(props) =>
              data.isSelf ? (
                <Link {...props} to="/start" />
              ) : (
                <Link {...props} to="/followup/$id" params={{ id: memberId }} />
              )
            }
            data-testid="member-followup-open"
          >
            {t('member.open')}
          </Button>
        </Group>
        <StepProgress done={done} total={data.steps.length} size="xs" />
        {overdue > 0 && (
          <Badge color="red" variant="light" size="sm" style={{ alignSelf: 'flex-start' }}>
            {t('board.overdue', { count: overdue, formatted: format.number(overdue) })}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
