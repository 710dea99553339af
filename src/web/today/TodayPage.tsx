// Today: the greeting, then every card at once from one request (api.ts) — meetings I am invited to, the
// weekly analysis while it is due, the follow-up, the plans, the diary, the call-backs due. A card that would show nothing is
// left out, and nothing waits for a second request.
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { DueFollowUpsCard } from '../contacts/DueFollowUps.tsx';
import { useToday } from '../contacts/useToday.ts';
import { TodayDiaryCard } from '../diary/TodayDiaryCard.tsx';
import { TodayMeetingsCard } from '../diary/TodayMeetingsCard.tsx';
import { TodayFollowupCard } from '../followup/TodayFollowupCard.tsx';
import { TodayReviewCard } from '../kpis/TodayReviewCard.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadError, PageLoading } from '../ui/PageStates.tsx';
import { todayQuery } from './api.ts';
import { TodayPlanCard } from './TodayPlanCard.tsx';

function partOfDay(hour: number) {
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export default function TodayPage() {
  const { t } = useTranslation('today');
  const me = useMe();
  const format = useFormat();
  const today = useToday();
  const query = useQuery(todayQuery(today));
  const now = new Date();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const data = query.data;

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
      {data ? (
        <Stack gap="lg" data-testid="today-cards">
          {data.invitations.length > 0 && <TodayMeetingsCard meetings={data.invitations} />}
          {data.review && <TodayReviewCard review={data.review} />}
          {data.followup && <TodayFollowupCard followup={data.followup} today={data.today} />}
          <TodayPlanCard plans={data.plans} />
          <TodayDiaryCard diary={data.diary} />
          {data.due && <DueFollowUpsCard due={data.due} today={data.today} country={data.member.country} />}
        </Stack>
      ) : query.isError ? (
        <LoadError
          title={t('loadError')}
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          testId="today-error"
        />
      ) : (
        <PageLoading />
      )}
    </Stack>
  );
}
