// The last 12 months or weeks of one KPI as bars: points of the structure (own points beside them),
// new members (the frontline's part beside them), people in training (offline and online stacked).
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Card, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures, Grain, Kpi } from './api.ts';
import { usePeriodLabel, usePoints } from './parts.tsx';

export function TrendChart({ grain, trend }: { grain: Grain; trend: Figures[] }) {
  const { t } = useTranslation('kpis');
  const [kpi, setKpi] = useState<Kpi>('points');
  const label = usePeriodLabel();
  const points = usePoints();
  const data = trend.map((f) => ({ ...f, label: label(grain, f.period, true) }));
  const series =
    kpi === 'points'
      ? [
          { name: 'structurePoints', label: t('chart.structurePoints'), color: 'teal.6' },
          { name: 'points', label: t('chart.points'), color: 'blue.4' },
        ]
      : kpi === 'newMembers'
        ? [
            { name: 'newMembers', label: t('chart.newMembers'), color: 'grape.6' },
            { name: 'newFrontline', label: t('chart.newFrontline'), color: 'grape.3' },
          ]
        : [
            { name: 'trainedOffline', label: t('chart.trainedOffline'), color: 'orange.6' },
            { name: 'trainedOnline', label: t('chart.trainedOnline'), color: 'yellow.5' },
          ];
  return (
    <Card withBorder padding="md" data-testid="kpi-trend">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('chart.title')}
        </Title>
        <SegmentedControl
          fullWidth
          size="xs"
          value={kpi}
          onChange={(v) => setKpi(v as Kpi)}
          data={(['points', 'newMembers', 'training'] as const).map((k) => ({
            value: k,
            label: t(`kpi.${k}`),
          }))}
        />
        <BarChart
          h={220}
          data={data}
          dataKey="label"
          series={series}
          type={kpi === 'training' ? 'stacked' : 'default'}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={kpi === 'points' ? points : (v) => `${v}`}
          tickLine="none"
          gridAxis="y"
        />
      </Stack>
    </Card>
  );
}
