// Quick capture from anywhere: the header's "+" opens the diary's form for an event, a task or a note
// of today.
import { ActionIcon, Menu } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconNotes, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const KINDS = [
  { kind: 'event', icon: IconCalendarEvent },
  { kind: 'task', icon: IconChecklist },
  { kind: 'note', icon: IconNotes },
] as const;

export function QuickCaptureMenu() {
  const { t } = useTranslation('diary');
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="light"
          size="lg"
          radius="xl"
          aria-label={t('capture.title')}
          data-testid="quick-capture"
        >
          <IconPlus size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('capture.title')}</Menu.Label>
        {KINDS.map(({ kind, icon: Icon }) => (
          <Menu.Item
            key={kind}
            leftSection={<Icon size={18} />}
            onClick={() => navigate({ to: '/diary', search: { capture: kind } })}
          >
            {t(`capture.new.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
