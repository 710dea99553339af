// The three KPIs of one period side by side (stacked on a phone), each against the period before and
// with a way to see who is behind it.
import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import type { Figures, Kpi } from './api.ts';
import { usePoints } from './parts.tsx';

function Trend({ now, before, format }: { now: number; before: number; format: (v: number) => string }) {
  const { t } = useTranslation('kpis');
  const Icon = now > before ? IconArrowUpRight : now < before ? IconArrowDownRight : IconArrowRight;
  const color = now > before ? 'teal.7' : now < before ? 'red.7' : 'dimmed';
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={14} color={`var(--mantine-color-${color.replace('.', '-')})`} aria-hidden />
      <Text size="xs" c={color}>
        {t('card.versus', { value: format(before) })}
      </Text>
    </Group>
  );
}

function KpiCard({
  kpi,
  value,
  detail,
  trend,
  onDrill,
}: {
  kpi: Kpi;
  value: string;
  detail: ReactNode;
  trend: ReactNode;
  onDrill: () => void;
}) {
  const { t } = useTranslation('kpis');
  return (
    <Card withBorder padding="md" data-testid={`kpi-${kpi}`}>
      <Stack gap={4}>
        <Text size="sm" fw={600} c="dimmed">
          {t(`kpi.${kpi}`)}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <div>
            <Text fz={28} fw={700} lh={1.1} data-testid={`kpi-${kpi}-value`}>
              {value}
            </Text>
            <Text size="xs" c="dimmed">
              {t('card.structure')}
            </Text>
          </div>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconUsers size={14} />}
            onClick={onDrill}
            aria-label={`${t('card.who')} ${t(`kpi.${kpi}`)}`}
          >
            {t('card.who')}
          </Button>
        </Group>
        <Text size="sm" data-testid={`kpi-${kpi}-detail`}>
          {detail}
        </Text>
        {trend}
      </Stack>
    </Card>
  );
}

export function KpiCards({
  now,
  before,
  onDrill,
}: {
  now: Figures;
  before: Figures | undefined;
  onDrill: (kpi: Kpi) => void;
}) {
  const { t } = useTranslation('kpis');
  const format = useFormat();
  const points = usePoints();
  const count = (v: number) => format.number(v);
  const prev = before ?? { ...now, structurePoints: 0, newMembers: 0, trained: 0 };
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <KpiCard
        kpi="points"
        value={points(now.structurePoints)}
        detail={t('card.own', { value: points(now.points) })}
        trend={<Trend now={now.structurePoints} before={prev.structurePoints} format={points} />}
        onDrill={() => onDrill('points')}
      />
      <KpiCard
        kpi="newMembers"
        value={count(now.newMembers)}
        detail={t('card.frontline', { value: count(now.newFrontline) })}
        trend={<Trend now={now.newMembers} before={prev.newMembers} format={count} />}
        onDrill={() => onDrill('newMembers')}
      />
      <KpiCard
        kpi="training"
        value={count(now.trained)}
        detail={t('card.formats', { offline: count(now.trainedOffline), online: count(now.trainedOnline) })}
        trend={<Trend now={now.trained} before={prev.trained} format={count} />}
        onDrill={() => onDrill('training')}
      />
    </SimpleGrid>
  );
}
