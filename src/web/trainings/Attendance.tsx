// The organizer's attendance checklist: everyone registered, ticked as they arrive, and a search to add
// people who came without registering (walk-ins). Each tick is saved at once.
import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { candidatesQuery, refreshTrainings, setAttendance, type TrainingDetail } from './api.ts';
import { InterestBadge } from './parts.tsx';

function useRecord(training: TrainingDetail) {
  const { t } = useTranslation(['trainings', 'errors']);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, attended }: { memberId: string; attended: boolean; name: string }) =>
      setAttendance(training.id, memberId, attended),
    onSuccess: (page, { attended, name }) => {
      refreshTrainings(queryClient, page);
      notifications.show({
        color: 'teal',
        message: t(attended ? 'attendance.recorded' : 'attendance.undone', { name }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
}

function WalkIns({ training, record }: { training: TrainingDetail; record: ReturnType<typeof useRecord> }) {
  const { t } = useTranslation('trainings');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    ...candidatesQuery(training.id, q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const rows = q ? (found.data?.rows ?? []) : [];
  return (
    <Stack gap="xs" data-testid="walk-ins">
      <TextInput
        label={t('attendance.walkInLabel')}
        description={t('attendance.walkInHint')}
        placeholder={t('attendance.walkInPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        type="search"
        autoComplete="off"
      />
      {q && !found.isFetching && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('attendance.noMatch')}
        </Text>
      )}
      {rows.map((row) => (
        <Group key={row.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="walk-in-candidate">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {row.name}
            </Text>
            {row.city && (
              <Text size="xs" c="dimmed">
                {row.city}
              </Text>
            )}
          </div>
          {row.attended ? (
            <Text size="xs" c="teal.8" fw={600} style={{ flexShrink: 0 }}>
              {t('attendance.already')}
            </Text>
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconUserPlus size={14} />}
              loading={record.isPending && record.variables?.memberId === row.id}
              onClick={() =>
                record.mutate(
                  { memberId: row.id, attended: true, name: row.name },
                  { onSuccess: () => setSearch('') },
                )
              }
              aria-label={t('attendance.addAria', { name: row.name })}
              style={{ flexShrink: 0 }}
            >
              {t('attendance.add')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

export function AttendanceCard({ training }: { training: TrainingDetail }) {
  const { t } = useTranslation('trainings');
  const format = useFormat();
  const record = useRecord(training);
  const pendingFor = record.isPending ? record.variables?.memberId : undefined;
  return (
    <Card withBorder padding="md" data-testid="attendance">
      <Title order={2} size="h4" mb={4}>
        {t('attendance.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('attendance.summary', {
          attended: format.number(training.attendedCount),
          registered: format.number(training.registeredCount),
        })}
      </Text>
      <Stack gap="sm">
        {training.registrations.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('attendance.nobody')}
          </Text>
        )}
        {training.registrations.map((r) => (
          <Group key={r.member.id} justify="space-between" gap="xs" data-testid="attendance-row">
            <Checkbox
              label={r.member.name}
              checked={r.attended}
              disabled={pendingFor === r.member.id}
              onChange={(event) =>
                record.mutate({
                  memberId: r.member.id,
                  attended: event.currentTarget.checked,
                  name: r.member.name,
                })
              }
              size="md"
              data-attended={r.attended}
              styles={{ label: { overflowWrap: 'anywhere' } }}
            />
            {r.interested && (
              <Group ml="auto">
                <InterestBadge />
              </Group>
            )}
          </Group>
        ))}
        <WalkIns training={training} record={record} />
      </Stack>
    </Card>
  );
}
