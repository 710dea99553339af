// The organization's trainings: upcoming ones first with one tap to register, then the past ones (the
// last 30 days, more on request). Partners and admins create a training here; every member says whether
// they are interested in development. Phone first.
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconHistory, IconPlus, IconSchool } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../contacts/api.ts';
import { useToday } from '../contacts/useToday.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { setInterest, TRAININGS_KEY, type Training, type TrainingList, trainingsQuery } from './api.ts';
import { FormatBadge, MyState, RegisterButton, Venue, When } from './parts.tsx';
import { TrainingForm } from './TrainingForm.tsx';

/** How much further back each "show earlier" reaches. */
const EARLIER_DAYS = 90;

function TrainingCard({ training, today }: { training: Training; today: string }) {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="training-row"
      data-cancelled={training.cancelled}
      style={training.cancelled ? { opacity: 0.7 } : undefined}
    >
      <Stack gap={6} h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <When training={training} size="xs" dateStyle="medium" />
          <FormatBadge format={training.format} />
        </Group>
        <AnchorLink
          to="/trainings/$id"
          params={{ id: training.id }}
          fw={700}
          c="inherit"
          style={{
            overflowWrap: 'anywhere',
            textDecoration: training.cancelled ? 'line-through' : undefined,
          }}
          data-testid="training-topic"
        >
          {training.topic}
        </AnchorLink>
        <Venue training={training} size="xs" />
        <Text size="xs" c="dimmed">
          {[
            t('list.organizer', { name: training.organizer.name }),
            t('list.registered', {
              count: training.registeredCount,
              formatted: format.number(training.registeredCount),
            }),
            training.attendedCount > 0
              ? t('list.attended', {
                  count: training.attendedCount,
                  formatted: format.number(training.attendedCount),
                })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap" mt="auto">
          <MyState training={training} />
          <Group gap={6} wrap="nowrap" ml="auto">
            <RegisterButton training={training} today={today} size="compact-sm" />
            <Button
              size="compact-sm"
              variant="default"
              rightSection={<IconChevronRight size={14} />}
              renderRoot={(props) => <Link {...props} to="/trainings/$id" params={{ id: training.id }} />}
              aria-label={t('list.openAria', { topic: training.topic })}
            >
              {t('list.open')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

function InterestSwitch({ list }: { list: TrainingList }) {
  const { t } = useTranslation(['trainings', 'errors']);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: setInterest,
    onSuccess: (interest) => {
      void queryClient.invalidateQueries({ queryKey: TRAININGS_KEY });
      notifications.show({
        color: 'teal',
        message: t(interest.interested ? 'interest.saved' : 'interest.cleared'),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const checked = save.isPending ? save.variables : list.me.interested;
  return (
    <Card withBorder padding="sm" data-testid="interest-card">
      <Switch
        checked={checked}
        disabled={save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
        label={t('interest.label')}
        description={t('interest.description')}
        size="md"
        data-testid="interest-switch"
      />
    </Card>
  );
}

function TrainingGrid({
  trainings,
  today,
  testId,
}: {
  trainings: Training[];
  today: string;
  testId: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid={testId}>
      {trainings.map((training) => (
        <TrainingCard key={training.id} training={training} today={today} />
      ))}
    </SimpleGrid>
  );
}

export default function TrainingsPage() {
  const { t } = useTranslation('trainings');
  const today = useToday();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...trainingsQuery(today, from), placeholderData: keepPreviousData });
  const data = list.data;
  const upcoming = data?.trainings.filter((x) => x.heldOn >= data.today) ?? [];
  const past = (data?.trainings.filter((x) => x.heldOn < data.today) ?? []).reverse();

  return (
    <Stack gap="sm" maw={960}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: 1, minWidth: 200 }}>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        {data?.me.canCreate && (
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setCreating(true)}
            data-testid="new-training"
          >
            {t('new')}
          </Button>
        )}
      </Group>

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('newTitle')}
        fullScreen={phone}
        size="lg"
      >
        <TrainingForm
          onCancel={() => setCreating(false)}
          onDone={(saved) => {
            setCreating(false);
            void navigate({ to: '/trainings/$id', params: { id: saved.id } });
          }}
        />
      </Modal>

      {list.isError && (
        <LoadError
          title={t('loadError')}
          error={list.error}
          retrying={list.isFetching}
          onRetry={() => void list.refetch()}
        />
      )}
      {!data && list.isPending && <PageLoading />}

      {data && (
        <>
          <InterestSwitch list={data} />

          <Group gap="xs" mt="xs">
            <Title order={2} size="h4">
              {t('upcoming')}
            </Title>
            <Badge variant="light">{upcoming.length}</Badge>
          </Group>
          {upcoming.length === 0 ? (
            <EmptyState
              icon={<IconSchool />}
              title={t('empty.title')}
              body={t(data.me.canCreate ? 'empty.bodyOrganizer' : 'empty.body')}
              testId="trainings-empty"
            />
          ) : (
            <TrainingGrid trainings={upcoming} today={data.today} testId="upcoming-trainings" />
          )}

          <Title order={2} size="h4" mt="xs">
            {t('past')}
          </Title>
          {past.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="no-past-trainings">
              {t('noPast')}
            </Text>
          ) : (
            <TrainingGrid trainings={past} today={data.today} testId="past-trainings" />
          )}
          <Button
            variant="subtle"
            leftSection={<IconHistory size={16} />}
            style={{ alignSelf: 'flex-start' }}
            loading={list.isFetching && list.isPlaceholderData}
            onClick={() => setFrom(addDays(from ?? data.from, -EARLIER_DAYS))}
            data-testid="show-earlier"
          >
            {t('showEarlier')}
          </Button>
        </>
      )}
    </Stack>
  );
}
