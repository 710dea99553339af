// The new member's own getting-started checklist: their side of the follow-up their sponsor runs. Steps the
// app can see tick themselves (each says when, and links to where it is done); the others they tick. The
// intake questions can be answered right here. Without a follow-up: a friendly page with the two tools.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconConfetti, IconId, IconPresentation, IconRocket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { ApiError } from '../api.ts';
import { useToday } from '../contacts/useToday.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { errorMessage } from '../ui/errors.ts';
import { PageLoading } from '../ui/PageStates.tsx';
import { followupQuery } from './api.ts';
import { IntakeCard } from './IntakeCard.tsx';
import { StepProgress } from './parts.tsx';
import { StepList } from './StepList.tsx';

function ToolButtons() {
  const { t } = useTranslation('followup');
  return (
    <Group gap="xs">
      <Button
        variant="light"
        leftSection={<IconId size={18} />}
        renderRoot={(props) => <Link {...props} to="/card" />}
      >
        {t('start.none.card')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconPresentation size={18} />}
        renderRoot={(props) => <Link {...props} to="/presentation" />}
      >
        {t('start.none.presentation')}
      </Button>
    </Group>
  );
}

function NoFollowup() {
  const { t } = useTranslation('followup');
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t('start.title')}
      </Title>
      <EmptyState
        icon={<IconRocket />}
        title={t('start.none.title')}
        body={t('start.none.body')}
        testId="start-none"
      >
        <ToolButtons />
      </EmptyState>
    </Stack>
  );
}

export default function GettingStartedPage() {
  const { t } = useTranslation(['followup', 'common']);
  const me = useMe();
  const today = useToday();
  const query = useQuery(followupQuery(me.member.id, today));
  const [editingIntake, setEditingIntake] = useState(false);

  if (query.error instanceof ApiError && query.error.status === 404) return <NoFollowup />;
  if (query.isError)
    return (
      <Stack maw={720}>
        <Alert color="red" icon={<IconAlertTriangle />} title={t('loadError')}>
          <Text size="sm" mb="xs">
            {errorMessage(t, query.error)}
          </Text>
          <Button size="compact-sm" variant="light" color="red" onClick={() => void query.refetch()}>
            {t('common:actions.retry')}
          </Button>
        </Alert>
      </Stack>
    );
  const followup = query.data;
  if (!followup) return <PageLoading />;

  const done = followup.steps.filter((s) => s.done).length;
  const total = followup.steps.length;
  const sponsor = followup.member.sponsor;

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={1} size="h2">
          {t('start.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {sponsor ? t('start.intro', { sponsor: sponsor.name }) : t('start.introNoSponsor')}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <Card withBorder padding="md" data-testid="start-steps">
          <Title order={2} size="h5" mb="xs">
            {t('start.steps')}
          </Title>
          <StepProgress done={done} total={total} />
          {done === total && total > 0 && (
            <Alert color="teal" icon={<IconConfetti />} mt="sm" data-testid="start-complete">
              {t('start.complete')}
            </Alert>
          )}
          <StepList
            followup={followup}
            side="member"
            manualOnly
            onIntake={() => {
              setEditingIntake(true);
              document.getElementById('intake')?.scrollIntoView({ behavior: 'smooth' });
            }}
          />
        </Card>
        <Stack gap="md">
          <IntakeCard followup={followup} editing={editingIntake} onEditing={setEditingIntake} />
          <Card withBorder padding="md">
            <Title order={2} size="h5" mb={4}>
              {t('start.tools.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('start.tools.body')}
            </Text>
            <ToolButtons />
          </Card>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
