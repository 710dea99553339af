// Today's one request: everything the page shows, for the device's date. Any change made anywhere in the
// app marks it stale (main.tsx), so coming back to Today shows the day as it is now.
import { queryOptions } from '@tanstack/react-query';
import type { TodayPage } from '../../server/today/routes.ts';
import { api } from '../api.ts';
import { queryString } from '../structure/api.ts';

export type { TodayPage };

export const TODAY_KEY = ['today'] as const;

export const todayQuery = (today: string) =>
  queryOptions({
    queryKey: [...TODAY_KEY, today],
    queryFn: () => api<TodayPage>(`/api/v1/today${queryString({ today })}`),
  });
