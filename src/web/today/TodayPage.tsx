import { Stack, Text, Title } from '@mantine/core';
import { IconSunrise } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { useFormat } from '../ui/format.ts';

// Loaded on its own so the first screen after sign-in stays small.
const DueFollowUpsCard = lazy(() =>
  import('../contacts/DueFollowUps.tsx').then((m) => ({ default: m.DueFollowUpsCard })),
);
const TodayFollowupCard = lazy(() =>
  import('../followup/TodayFollowupCard.tsx').then((m) => ({ default: m.TodayFollowupCard })),
);
const TodayReviewCard = lazy(() =>
  import('../kpis/TodayReviewCard.tsx').then((m) => ({ default: m.TodayReviewCard })),
);
const TodayPlanCard = lazy(() =>
  import('../plans/TodayPlanCard.tsx').then((m) => ({ default: m.TodayPlanCard })),
);
const TodayMeetingsCard = lazy(() =>
  import('../diary/TodayMeetingsCard.tsx').then((m) => ({ default: m.TodayMeetingsCard })),
);
const TodayDiaryCard = lazy(() =>
  import('../diary/TodayDiaryCard.tsx').then((m) => ({ default: m.TodayDiaryCard })),
);

function partOfDay(hour: number) {
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export default function TodayPage() {
  const { t } = useTranslation('today');
  const me = useMe();
  const format = useFormat();
  const now = new Date();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;

  return (
    <Stack maw={720} gap="lg">
      <div>
        <Title order={1} size="h2" data-testid="today-greeting">
          {t(`greeting.${partOfDay(now.getHours())}`, { name: firstName })}
        </Title>
        <Text c="dimmed" data-testid="today-date">
          {format.date(now, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`role.${me.member.role}`, { organization: me.organization.name })}
        </Text>
      </div>
      <Suspense fallback={null}>
        <TodayMeetingsCard />
      </Suspense>
      <Suspense fallback={null}>
        <TodayReviewCard />
      </Suspense>
      <Suspense fallback={null}>
        <TodayFollowupCard />
      </Suspense>
      <Suspense fallback={null}>
        <TodayPlanCard />
      </Suspense>
      <Suspense fallback={null}>
        <TodayDiaryCard />
      </Suspense>
      <Suspense fallback={null}>
        <DueFollowUpsCard />
      </Suspense>
      <EmptyState icon={<IconSunrise />} title={t('empty.title')} body={t('empty.body')} />
    </Stack>
  );
}
