// One diary entry as a card: an event with its time, place and people; a task to tap done, with a menu
// to move it on or drop it; a note of what happened with its parts and call-back date.
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Card,
  Checkbox,
  Group,
  Menu,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowForwardUp,
  IconBan,
  IconBell,
  IconDots,
  IconExternalLink,
  IconMapPin,
  IconPencil,
  IconRotate,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_PARTS } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { useToday } from '../contacts/useToday.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage } from '../ui/errors.ts';
import { AnchorLink } from '../ui/links.tsx';
import {
  addDays,
  type DayPage,
  DIARY_KEY,
  dayQuery,
  deleteEntry,
  type Entry,
  moveEntry,
  refreshAfterChange,
  updateEntry,
} from './api.ts';
import { CATEGORY_COLORS, EVENT_ICONS, LinkedPeople, useTimeSpan } from './parts.tsx';

type Edit = (entry: Entry) => void;

/** Changes to one entry, shown at once on its day and confirmed by the server. */
function useEntryChange(entry: Entry) {
  const { t } = useTranslation('diary');
  const queryClient = useQueryClient();
  const key = dayQuery(entry.day).queryKey;
  const touchesContacts = entry.links.contacts.length > 0;
  return useMutation({
    mutationFn: (change: { state: 'open' | 'done' | 'dropped' } | { cancelled: true } | { remove: true }) =>
      'remove' in change ? deleteEntry(entry.id) : updateEntry(entry.id, change),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<DayPage>(key);
      if (before)
        queryClient.setQueryData<DayPage>(key, {
          ...before,
          entries:
            'state' in change
              ? before.entries.map((e) => (e.id === entry.id ? { ...e, state: change.state } : e))
              : before.entries.filter((e) => e.id !== entry.id),
        });
      return { before };
    },
    onError: (error, _change, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
    onSettled: () => refreshAfterChange(queryClient, touchesContacts),
  });
}

function useMoveTask(entry: Entry) {
  const { t } = useTranslation('diary');
  const day = useDay();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => moveEntry(entry.id, to),
    onSuccess: (copy) => {
      notifications.show({
        color: 'teal',
        message: t('entry.movedDone', {
          date: day(copy.day, { weekday: 'long', day: 'numeric', month: 'long' }),
        }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DIARY_KEY }),
  });
}

function EntryMenu({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} data-testid="entry-menu">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

function DeleteItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('diary');
  return (
    <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onClick}>
      {t('entry.delete')}
    </Menu.Item>
  );
}

function EditItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('diary');
  return (
    <Menu.Item leftSection={<IconPencil size={16} />} onClick={onClick}>
      {t('entry.edit')}
    </Menu.Item>
  );
}

/** "Delete this entry?" for a task or a note (an event's dialog also offers to cancel it). */
function ConfirmDelete({
  opened,
  onClose,
  change,
}: {
  opened: boolean;
  onClose: () => void;
  change: ReturnType<typeof useEntryChange>;
}) {
  const { t } = useTranslation('diary');
  return (
    <Confirm
      opened={opened}
      onClose={onClose}
      title={t('entry.deleteTitle')}
      body={t('entry.deleteBody')}
      confirm={t('entry.delete')}
      loading={change.isPending}
      onConfirm={() => {
        change.mutate({ remove: true });
        onClose();
      }}
    />
  );
}

export function EventCard({ entry, onEdit }: { entry: Entry; onEdit?: Edit }) {
  const { t } = useTranslation('diary');
  const span = useTimeSpan();
  const change = useEntryChange(entry);
  const [confirm, setConfirm] = useState<'cancel' | 'delete' | null>(null);
  const Icon = EVENT_ICONS[entry.eventType ?? 'other'];
  const type = t(`eventType.${entry.eventType ?? 'other'}`);
  return (
    <Card withBorder padding="sm" data-testid="diary-event" data-entry-id={entry.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Stack gap={4} align="center" w={64} style={{ flexShrink: 0 }}>
          <Text fw={700} size="sm" ta="center" lh={1.2} data-testid="event-time">
            {span(entry)}
          </Text>
          <ThemeIcon variant="light" radius="xl" size="md" aria-hidden>
            <Icon size={16} />
          </ThemeIcon>
        </Stack>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {type}
          </Text>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {entry.title}
          </Text>
          {entry.place && (
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={14} style={{ flexShrink: 0 }} color="var(--mantine-color-dimmed)" />
              <Text size="sm" c="dimmed" truncate>
                {entry.place}
              </Text>
            </Group>
          )}
          {entry.link && (
            <Anchor href={entry.link} target="_blank" rel="noreferrer" size="sm">
              <Group gap={4} wrap="nowrap" component="span">
                <IconExternalLink size={14} style={{ flexShrink: 0 }} />
                <Text span size="sm" truncate>
                  {t('entry.openLink')}
                </Text>
              </Group>
            </Anchor>
          )}
          {entry.details && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.details}
            </Text>
          )}
          <LinkedPeople entry={entry} />
        </div>
        <EntryMenu label={t('entry.actions', { title: entry.title })}>
          {onEdit && <EditItem onClick={() => onEdit(entry)} />}
          <Menu.Item leftSection={<IconBan size={16} />} onClick={() => setConfirm('cancel')}>
            {t('entry.cancelEvent')}
          </Menu.Item>
          <DeleteItem onClick={() => setConfirm('delete')} />
        </EntryMenu>
      </Group>
      <Confirm
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'cancel' ? t('entry.cancelTitle') : t('entry.deleteTitle')}
        body={confirm === 'cancel' ? t('entry.cancelBody') : t('entry.deleteBody')}
        confirm={confirm === 'cancel' ? t('entry.cancelEvent') : t('entry.delete')}
        loading={change.isPending}
        onConfirm={() => {
          change.mutate(confirm === 'cancel' ? { cancelled: true } : { remove: true });
          setConfirm(null);
        }}
      />
    </Card>
  );
}

export function TaskCard({ entry, onEdit }: { entry: Entry; onEdit?: Edit }) {
  const { t } = useTranslation('diary');
  const day = useDay();
  const today = useToday();
  const change = useEntryChange(entry);
  const move = useMoveTask(entry);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const state = entry.state ?? 'open';
  const done = state === 'done';
  const closed = state === 'moved' || state === 'dropped';
  // From a past day a task moves to today; otherwise to the day after its own.
  const moveTo = entry.day < today ? today : addDays(entry.day, 1);
  const moveLabel =
    entry.day < today
      ? t('entry.moveToday')
      : entry.day === today
        ? t('entry.moveTomorrow')
        : t('entry.moveNext');
  const checkboxId = useId();
  const toggle = () => !closed && change.mutate({ state: done ? 'open' : 'done' });

  return (
    <Card
      withBorder
      padding="sm"
      data-testid="diary-task"
      data-state={state}
      data-entry-id={entry.id}
      style={{ opacity: closed ? 0.7 : 1 }}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <Checkbox
          id={checkboxId}
          size="md"
          radius="xl"
          checked={done}
          disabled={closed}
          onChange={toggle}
          aria-label={
            done ? t('entry.markOpen', { title: entry.title }) : t('entry.markDone', { title: entry.title })
          }
          style={{ flexShrink: 0 }}
        />
        {/* The whole card is the checkbox's label: a tap anywhere on it marks the task done. */}
        <Box
          component="label"
          htmlFor={checkboxId}
          style={{ flex: 1, minWidth: 0, cursor: closed ? 'default' : 'pointer' }}
        >
          <Text
            fw={500}
            td={done || state === 'dropped' ? 'line-through' : undefined}
            c={done || closed ? 'dimmed' : undefined}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="task-title"
          >
            {entry.title}
          </Text>
          <Group gap={6} mt={2}>
            <Badge size="xs" variant="light" color={CATEGORY_COLORS[entry.category ?? 'necessary']}>
              {t(`category.${entry.category ?? 'necessary'}`)}
            </Badge>
            {state === 'dropped' && (
              <Badge size="xs" variant="outline" color="gray">
                {t('state.dropped')}
              </Badge>
            )}
          </Group>
          {entry.details && (
            <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.details}
            </Text>
          )}
        </Box>
        <EntryMenu label={t('entry.actions', { title: entry.title })}>
          {state === 'open' && (
            <>
              <Menu.Item
                leftSection={<IconArrowForwardUp size={16} />}
                onClick={() => move.mutate(moveTo)}
                data-testid="task-move"
              >
                {moveLabel}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconX size={16} />}
                onClick={() => change.mutate({ state: 'dropped' })}
              >
                {t('entry.drop')}
              </Menu.Item>
            </>
          )}
          {(state === 'done' || state === 'dropped') && (
            <Menu.Item
              leftSection={<IconRotate size={16} />}
              onClick={() => change.mutate({ state: 'open' })}
            >
              {t('entry.reopen')}
            </Menu.Item>
          )}
          {state !== 'moved' && onEdit && <EditItem onClick={() => onEdit(entry)} />}
          <DeleteItem onClick={() => setConfirmDelete(true)} />
        </EntryMenu>
      </Group>
      {state === 'moved' && entry.movedTo && (
        <Text size="xs" c="dimmed" mt={4} ml={40}>
          {t('entry.movedTo')}{' '}
          <AnchorLink to="/diary" search={{ day: entry.movedTo }} size="xs" fw={600}>
            {day(entry.movedTo, { weekday: 'short', day: 'numeric', month: 'short' })}
          </AnchorLink>
        </Text>
      )}
      <ConfirmDelete opened={confirmDelete} onClose={() => setConfirmDelete(false)} change={change} />
    </Card>
  );
}

export function NoteCard({ entry, onEdit }: { entry: Entry; onEdit?: Edit }) {
  const { t } = useTranslation('diary');
  const day = useDay();
  const change = useEntryChange(entry);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const parts = NOTE_PARTS.filter((p) => entry.parts?.[p]);
  // A title the server made from the first part says nothing new: show it only when it was written.
  const ownTitle =
    entry.title !== entry.parts?.met && entry.title !== entry.parts?.discussed && entry.title !== '…';
  return (
    <Card withBorder padding="sm" data-testid="diary-note" data-entry-id={entry.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          {(ownTitle || parts.length === 0) && (
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {entry.title}
            </Text>
          )}
          {parts.map((p) => (
            <div key={p}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t(`parts.${p}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {entry.parts?.[p]}
              </Text>
            </div>
          ))}
          {entry.details && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.details}
            </Text>
          )}
          {entry.callBackOn && (
            <Group gap={4} wrap="nowrap">
              <IconBell size={14} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0 }} />
              <Text size="sm" c="orange.8" fw={600} data-testid="note-call-back">
                {t('entry.callBack', {
                  date: day(entry.callBackOn, { weekday: 'short', day: 'numeric', month: 'short' }),
                })}
              </Text>
            </Group>
          )}
          <LinkedPeople entry={entry} />
        </Stack>
        <EntryMenu label={t('entry.actions', { title: entry.title })}>
          {onEdit && <EditItem onClick={() => onEdit(entry)} />}
          <DeleteItem onClick={() => setConfirmDelete(true)} />
        </EntryMenu>
      </Group>
      <ConfirmDelete opened={confirmDelete} onClose={() => setConfirmDelete(false)} change={change} />
    </Card>
  );
}

export function EntryCard({ entry, onEdit }: { entry: Entry; onEdit?: Edit }) {
  if (entry.kind === 'event') return <EventCard entry={entry} onEdit={onEdit} />;
  if (entry.kind === 'task') return <TaskCard entry={entry} onEdit={onEdit} />;
  return <NoteCard entry={entry} onEdit={onEdit} />;
}
