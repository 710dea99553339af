// The weekday of the weekly analysis: my own (or the organization's), and for admins the organization's
// default. On the analysis page and in Settings; each choice saves at once.
import { Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { meQuery } from '../session.ts';
import { errorMessage } from '../ui/errors.ts';
import { refreshKpis, setOrganizationWeekday, setReviewWeekday } from './api.ts';
import { useWeekdayName } from './parts.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function WeekdaySettings({
  ownWeekday,
  organizationWeekday,
}: {
  /** Null: the organization's. */
  ownWeekday: number | null;
  organizationWeekday: number;
}) {
  const { t } = useTranslation(['kpis', 'common']);
  const me = useMe();
  const weekdayName = useWeekdayName();
  const queryClient = useQueryClient();
  // Shown as chosen at once; the saved value comes back with the refreshed queries.
  const [own, setOwn] = useState(ownWeekday);
  const [organization, setOrganization] = useState(organizationWeekday);
  useEffect(() => setOwn(ownWeekday), [ownWeekday]);
  useEffect(() => setOrganization(organizationWeekday), [organizationWeekday]);
  const refresh = () => {
    void refreshKpis(queryClient);
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    notifications.show({ color: 'teal', message: t('common:status.saved') });
  };
  const onError = (error: unknown) => {
    setOwn(ownWeekday);
    setOrganization(organizationWeekday);
    notifications.show({ color: 'red', message: errorMessage(t, error) });
  };
  const saveOwn = useMutation({
    mutationFn: (weekday: number | null) => setReviewWeekday(weekday),
    onSuccess: refresh,
    onError,
  });
  const saveOrganization = useMutation({
    mutationFn: (weekday: number) => setOrganizationWeekday(weekday),
    onSuccess: refresh,
    onError,
  });
  const days = WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d) }));
  return (
    <Stack gap="sm">
      <Select
        label={t('review.weekday')}
        value={own ? String(own) : 'organization'}
        onChange={(value) => {
          const weekday = value === 'organization' || !value ? null : Number(value);
          setOwn(weekday);
          saveOwn.mutate(weekday);
        }}
        allowDeselect={false}
        data={[
          {
            value: 'organization',
            label: t('review.weekdayOrganization', { day: weekdayName(organization) }),
          },
          ...days,
        ]}
        data-testid="review-weekday"
      />
      {me.member.role === 'admin' && (
        <Select
          label={t('review.organizationWeekday')}
          description={t('review.organizationWeekdayHint')}
          value={String(organization)}
          onChange={(value) => {
            if (!value) return;
            setOrganization(Number(value));
            saveOrganization.mutate(Number(value));
          }}
          allowDeselect={false}
          data={days}
          data-testid="organization-review-weekday"
        />
      )}
    </Stack>
  );
}
