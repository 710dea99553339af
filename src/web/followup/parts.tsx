// Small pieces the follow-up pages share: a step's title in the reader's language, the progress bar, and
// how long since the upline was last in touch (red once the organization's interval has passed).
import { Badge, Group, Progress, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../core/followup/template.ts';
import { localized } from '../../core/followup/template.ts';
import { isLocale } from '../../core/locales.ts';
import { useRelativeDay } from '../contacts/parts.tsx';
import { useFormat } from '../ui/format.ts';

/** Text an organization wrote in up to three languages, in the interface language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return (text: Localized) => localized(text, locale);
}

/** "4 of 9 steps done" and a bar; green once complete. */
export function StepProgress({
  done,
  total,
  size = 'sm',
}: {
  done: number;
  total: number;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation('followup');
  const format = useFormat();
  const label = t('progress.label', { done: format.number(done), total: format.number(total) });
  const value = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div data-testid="followup-progress" data-done={done} data-total={total}>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size={size} c="dimmed">
          {label}
        </Text>
        <Text size={size} fw={600}>
          {format.number(done)}/{format.number(total)}
        </Text>
      </Group>
      <Progress value={value} color={done === total ? 'teal' : 'blue'} size="sm" aria-label={label} />
    </div>
  );
}

/** Days without contact: a red badge once flagged, else a quiet line with the last contact. */
export function ContactGap({
  lastTouchpointOn,
  daysWithoutContact,
  flagged,
  today,
}: {
  lastTouchpointOn: string | null;
  daysWithoutContact: number;
  flagged: boolean;
  today: string;
}) {
  const { t } = useTranslation('followup');
  const format = useFormat();
  const relative = useRelativeDay();
  if (flagged)
    return (
      <Badge
        color="red"
        variant="light"
        leftSection={<IconAlertTriangle size={12} />}
        data-testid="contact-gap"
        data-flagged="true"
        style={{ flexShrink: 0 }}
      >
        {t('contact.flagged', {
          count: daysWithoutContact,
          formatted: format.number(daysWithoutContact),
        })}
      </Badge>
    );
  return (
    <Text size="xs" c="dimmed" data-testid="contact-gap" data-flagged="false">
      {lastTouchpointOn ? t('contact.last', { when: relative(lastTouchpointOn, today) }) : t('contact.never')}
    </Text>
  );
}
