// The stage of a contact as a coloured badge (kept apart from the phone helpers so member pages stay light).
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../core/contacts/fields.ts';

export const STAGE_COLORS: Record<Stage, MantineColor> = {
  new: 'gray',
  contacted: 'blue',
  invited: 'indigo',
  presented: 'violet',
  follow_up: 'orange',
  joined_customer: 'teal',
  joined_partner: 'green',
  not_now: 'dark',
};

export function StageBadge({ stage, size = 'sm' }: { stage: Stage; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('contacts');
  return (
    <Badge size={size} variant="light" color={STAGE_COLORS[stage]} style={{ flexShrink: 0 }}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
