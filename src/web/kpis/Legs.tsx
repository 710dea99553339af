// The frontline legs of one period: each frontline member with their whole structure's numbers, biggest
// first; a tap opens that member's own KPI page.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links.tsx';
import { Section } from '../ui/Section.tsx';
import type { Dashboard, Grain } from './api.ts';
import { usePoints } from './parts.tsx';

/** Teams shown before "show all": the biggest come first. */
const FIRST = 10;

export function Legs({ dashboard, grain, day }: { dashboard: Dashboard; grain: Grain; day?: string }) {
  const { t } = useTranslation('kpis');
  const points = usePoints();
  const { legs, legCount } = dashboard;
  const [all, setAll] = useState(false);
  const shown = all ? legs : legs.slice(0, FIRST);
  return (
    <Section title={t('legs.title')} description={t('legs.description')} padding="md" testId="kpi-legs">
      {legs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('legs.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {shown.map((leg) => (
            <Stack
              key={leg.member.id}
              gap={4}
              py={8}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="kpi-leg"
            >
              <AnchorLink
                to="/kpis"
                search={{
                  memberId: leg.member.id,
                  ...(grain === 'week' ? { grain } : {}),
                  ...(day ? { day } : {}),
                }}
                fw={600}
                size="sm"
                truncate
              >
                {leg.member.name}
              </AnchorLink>
              <Group gap={6}>
                <Badge variant="light" color="teal" data-testid="kpi-leg-points">
                  {t('legs.points', { value: points(leg.structurePoints) })}
                </Badge>
                {leg.newMembers > 0 && (
                  <Badge variant="light" color="grape">
                    {t('legs.new', { count: leg.newMembers })}
                  </Badge>
                )}
                {leg.trained > 0 && (
                  <Badge variant="light" color="orange">
                    {t('legs.trained', { count: leg.trained })}
                  </Badge>
                )}
              </Group>
            </Stack>
          ))}
          {shown.length < legs.length && (
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setAll(true)}>
              {t('legs.showAll', { count: legs.length })}
            </Button>
          )}
          {all && legCount > legs.length && (
            <Text size="sm" c="dimmed" pt="xs">
              {t('legs.more', { count: legCount - legs.length })}
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}
