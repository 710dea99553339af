// One training: when and where, what it is about, who organizes it, and my registration. Its organizer
// and admins edit it, cancel it (after a confirm), and from its day on record attendance — registrants
// ticked off a checklist, walk-ins added by name. Others see who of their own line registered.
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBan, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../contacts/useToday.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { AttendanceCard } from './Attendance.tsx';
import { cancelTraining, refreshTrainings, type TrainingDetail, trainingQuery } from './api.ts';
import { FormatBadge, InterestBadge, MyState, RegisterButton, Venue, When } from './parts.tsx';
import { TrainingForm } from './TrainingForm.tsx';

const route = getRouteApi('/app/trainings/$id');

/** Who of the reader's own line registered (the organizer and admins see everyone: the checklist). */
function Registrations({ training }: { training: TrainingDetail }) {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const manage = training.can.edit;
  return (
    <Card withBorder padding="md" data-testid="registrations">
      <Title order={2} size="h4" mb={4}>
        {t('registrations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {manage
          ? t('registrations.all', {
              count: training.registeredCount,
              formatted: format.number(training.registeredCount),
            })
          : t('registrations.mine', {
              count: training.registeredCount,
              formatted: format.number(training.registeredCount),
            })}
      </Text>
      {training.registrations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('registrations.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {training.registrations.map((r) => (
            <Group key={r.member.id} justify="space-between" gap="xs" data-testid="registration">
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {r.member.name}
              </Text>
              <Group gap={4} ml="auto">
                {r.interested && <InterestBadge />}
                {r.attended && (
                  <Badge size="sm" color="teal" variant="filled" style={{ flexShrink: 0 }}>
                    {t('registrations.attended')}
                  </Badge>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {manage && !training.cancelled && !training.can.recordAttendance && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('attendance.fromTheDay')}
        </Text>
      )}
    </Card>
  );
}

function CancelTraining({ training }: { training: TrainingDetail }) {
  const { t } = useTranslation(['trainings', 'errors']);
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelTraining(training.id),
    onSuccess: (page) => {
      refreshTrainings(queryClient, page);
      setAsking(false);
      notifications.show({ color: 'teal', message: t('cancel.done', { topic: page.topic }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconBan size={16} />}
        onClick={() => setAsking(true)}
        data-testid="cancel-training"
      >
        {t('cancel.action')}
      </Button>
      <Confirm
        opened={asking}
        title={t('cancel.title')}
        body={t(training.attendedCount > 0 ? 'cancel.bodyAttended' : 'cancel.body', {
          topic: training.topic,
        })}
        confirm={t('cancel.confirm')}
        loading={cancel.isPending}
        onConfirm={() => cancel.mutate()}
        onClose={() => setAsking(false)}
        testId="confirm-cancel-training"
      />
    </>
  );
}

export default function TrainingPage() {
  const { t } = useTranslation('trainings');
  const today = useToday();
  const { id } = route.useParams();
  const phone = useMediaQuery('(max-width: 48em)');
  const { data: training } = useSuspenseQuery(trainingQuery(id, today));
  const [editing, setEditing] = useState(false);
  const manage = training.can.edit;

  return (
    <Stack gap="md" maw={720}>
      <AnchorLink to="/trainings" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('title')}
        </Group>
      </AnchorLink>

      <Stack gap={6}>
        <Group gap="xs">
          <FormatBadge format={training.format} />
          <MyState training={training} />
          {training.past && !training.cancelled && (
            <Badge variant="outline" color="gray">
              {t('state.past')}
            </Badge>
          )}
        </Group>
        <Title
          order={1}
          size="h2"
          data-testid="training-title"
          style={{
            overflowWrap: 'anywhere',
            textDecoration: training.cancelled ? 'line-through' : undefined,
          }}
        >
          {training.topic}
        </Title>
        <When training={training} />
        <Venue training={training} />
        <Text size="sm" c="dimmed" data-testid="training-organizer">
          {t('list.organizer', { name: training.organizer.name })}
        </Text>
      </Stack>

      {training.cancelled && (
        <Alert color="red" icon={<IconInfoCircle />} data-testid="training-cancelled">
          {t('cancel.notice')}
        </Alert>
      )}

      {(training.can.register || training.can.unregister || manage) && (
        <Group gap="xs">
          <RegisterButton training={training} today={training.today} />
          {manage && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
                data-testid="edit-training"
              >
                {t('edit.action')}
              </Button>
              <CancelTraining training={training} />
            </>
          )}
        </Group>
      )}

      {training.description && (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('fields.description')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {training.description}
          </Text>
        </Card>
      )}

      {training.can.recordAttendance ? (
        <AttendanceCard training={training} />
      ) : (
        <Registrations training={training} />
      )}

      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('edit.title')}
        fullScreen={phone}
        size="lg"
      >
        <TrainingForm
          training={training}
          onCancel={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      </Modal>
    </Stack>
  );
}
