// How many contacts the member has, how many were added lately, and one button per stage in use: a tap
// filters the list by that stage, a second tap lets go.
import { Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../core/contacts/fields.ts';
import { useFormat } from '../ui/format.ts';
import type { Overview } from './api.ts';
import type { ContactsSearch } from './search.ts';
import { STAGE_COLORS } from './stage.tsx';

export function ContactsOverview({
  overview,
  stage,
  onStage,
}: {
  overview: Overview;
  stage: ContactsSearch['stage'];
  onStage: (stage: ContactsSearch['stage']) => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const stages = STAGES.filter((s) => overview.stages[s] > 0 || s === stage);
  return (
    <Card withBorder padding="sm" data-testid="contacts-overview">
      <Text size="sm" mb={stages.length ? 6 : 0}>
        <Text span fw={700}>
          {t('overview.total', { count: overview.total, formatted: format.number(overview.total) })}
        </Text>
        {' · '}
        <Text span c="dimmed">
          {t('overview.added', {
            week: format.number(overview.addedThisWeek),
            month: format.number(overview.addedThisMonth),
          })}
        </Text>
      </Text>
      {stages.length > 0 && (
        <Group gap={6} wrap="nowrap" style={{ overflowX: 'auto', scrollbarWidth: 'none' }} pb={2}>
          {stages.map((s) => (
            <Button
              key={s}
              size="compact-sm"
              radius="xl"
              variant={stage === s ? 'filled' : 'light'}
              color={STAGE_COLORS[s]}
              onClick={() => onStage(stage === s ? undefined : s)}
              aria-pressed={stage === s}
              style={{ flexShrink: 0 }}
            >
              {t(`stage.${s}`)}&nbsp;
              <Text span fw={700} inherit>
                {format.number(overview.stages[s])}
              </Text>
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}
