// Quick capture: a big "+" that offers an event, a task or a note, and a dialog (full screen on a phone)
// with the short form of each. The same dialog edits an entry.
import { Affix, Button, Menu, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarEvent, IconChecklist, IconNotes, IconPlus, type TablerIcon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../core/diary/fields.ts';
import { useDay } from '../contacts/parts.tsx';
import { KindPicker } from '../ui/KindPicker.tsx';
import type { Entry } from './api.ts';
import { EventForm } from './forms/EventForm.tsx';
import { NoteForm } from './forms/NoteForm.tsx';
import { TaskForm } from './forms/TaskForm.tsx';

export const KIND_ICONS: Record<EntryKind, TablerIcon> = {
  event: IconCalendarEvent,
  task: IconChecklist,
  note: IconNotes,
};

const KINDS: EntryKind[] = ['event', 'task', 'note'];

export type Capture = { kind: EntryKind; entry?: undefined } | { kind: EntryKind; entry: Entry };

export function CaptureDialog({
  capture,
  day,
  onKind,
  onClose,
}: {
  capture: Capture;
  day: string;
  onKind: (kind: EntryKind) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('diary');
  const formatDay = useDay();
  // Read at once (not after the first paint), so a phone does not see the dialog jump to full screen.
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  const { kind, entry } = capture;
  const Form = kind === 'event' ? EventForm : kind === 'task' ? TaskForm : NoteForm;
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={phone}
      size="lg"
      title={entry ? t(`capture.editTitle.${kind}`) : t('capture.title')}
    >
      <Stack gap="sm">
        {!entry && (
          <>
            <KindPicker
              kinds={KINDS}
              icons={KIND_ICONS}
              value={kind}
              onChange={onKind}
              label={t('capture.kind')}
              name={(k) => t(`kinds.${k}`)}
            />
            <Text size="xs" c="dimmed" ta="center">
              {t(`capture.intro.${kind}`, {
                date: formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' }),
              })}
            </Text>
          </>
        )}
        {/* A new kind starts its own form; the key keeps what was typed in one kind from leaking into another. */}
        <Form key={kind} day={day} entry={entry} onDone={onClose} onCancel={onClose} />
      </Stack>
    </Modal>
  );
}

/** The "+" with its three choices: a floating button on a phone, a plain one on larger screens. */
export function CaptureButton({
  onPick,
  floating = true,
}: {
  onPick: (kind: EntryKind) => void;
  floating?: boolean;
}) {
  const { t } = useTranslation('diary');
  const menu = (target: React.ReactNode, position: 'top-end' | 'bottom-end') => (
    <Menu position={position} shadow="md" width={220}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        {KINDS.map((k) => {
          const Icon = KIND_ICONS[k];
          return (
            <Menu.Item
              key={k}
              leftSection={<Icon size={18} />}
              onClick={() => onPick(k)}
              data-testid={`capture-${k}`}
            >
              {t(`capture.new.${k}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
  return (
    <>
      {floating && (
        <Affix position={{ bottom: 20, right: 20 }} hiddenFrom="sm">
          {menu(
            <Button
              size="lg"
              radius="xl"
              leftSection={<IconPlus size={20} />}
              style={{ boxShadow: 'var(--mantine-shadow-lg)' }}
              data-testid="capture-fab"
            >
              {t('capture.button')}
            </Button>,
            'top-end',
          )}
        </Affix>
      )}
      {menu(
        <Button
          leftSection={<IconPlus size={18} />}
          visibleFrom={floating ? 'sm' : undefined}
          data-testid="capture-open"
        >
          {t('capture.button')}
        </Button>,
        'bottom-end',
      )}
    </>
  );
}
