// The KPI and weekly-analysis API as the web app uses it; types come from the server's zod schemas.
// Orders and trainings change these numbers: after posting one, invalidate KPI_KEY.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Grain } from '../../core/kpis/periods.ts';
import type {
  CurrentReviewView,
  DashboardView,
  DrilldownView,
  historySchema,
  Kpi,
  teamSchema,
} from '../../server/kpis/schemas.ts';
import type { PlanItemInput } from '../../server/plans/schemas.ts';
import { api } from '../api.ts';
import { localToday } from '../contacts/api.ts';
import { queryString } from '../structure/api.ts';

export type Dashboard = DashboardView;
export type Figures = Dashboard['trend'][number];
export type Leg = Dashboard['legs'][number];
export type Drilldown = DrilldownView;
export type CurrentReview = CurrentReviewView;
export type ReviewHistory = z.infer<typeof historySchema>;
export type Team = z.infer<typeof teamSchema>;
export type { Grain, Kpi };

export const KPI_KEY = ['kpis'] as const;

export const dashboardQuery = (params: { memberId?: string; grain: Grain; day: string }) =>
  queryOptions({
    queryKey: [...KPI_KEY, 'dashboard', params],
    queryFn: () => api<Dashboard>(`/api/v1/kpis${queryString(params)}`),
  });

export const drilldownQuery = (params: {
  memberId?: string;
  kpi: Kpi;
  grain: Grain;
  day: string;
  filter?: string;
  offset: number;
}) =>
  queryOptions({
    queryKey: [...KPI_KEY, 'drilldown', params],
    queryFn: () => api<Drilldown>(`/api/v1/kpis/drilldown${queryString(params)}`),
  });

export const currentReviewQuery = (today: string) =>
  queryOptions({
    queryKey: [...KPI_KEY, 'review', today],
    queryFn: () => api<CurrentReview>(`/api/v1/reviews/current${queryString({ today })}`),
  });

export const reviewHistoryQuery = (today: string, memberId?: string) =>
  queryOptions({
    queryKey: [...KPI_KEY, 'history', memberId ?? 'me', today],
    queryFn: () => api<ReviewHistory>(`/api/v1/reviews${queryString({ today, memberId })}`),
  });

export const teamQuery = (params: { scope: 'frontline' | 'downline'; today: string; offset: number }) =>
  queryOptions({
    queryKey: [...KPI_KEY, 'team', params],
    queryFn: () => api<Team>(`/api/v1/reviews/team${queryString(params)}`),
  });

/** The analysis, and with it next week's plan when there is one to write (its items; left out if none). */
export const saveReview = (week: string, corrections: string, nextWeekPlan?: PlanItemInput[]) =>
  api<CurrentReview>(`/api/v1/reviews/${week}`, {
    method: 'PUT',
    body: {
      corrections,
      today: localToday(),
      ...(nextWeekPlan?.length ? { nextWeekPlan: { items: nextWeekPlan } } : {}),
    },
  });

export const setReviewWeekday = (weekday: number | null) =>
  api<CurrentReview>(`/api/v1/reviews/settings/weekday${queryString({ today: localToday() })}`, {
    method: 'PUT',
    body: { weekday },
  });

export const setOrganizationWeekday = (weekday: number) =>
  api<{ weekday: number }>('/api/v1/reviews/settings/organization-weekday', {
    method: 'PUT',
    body: { weekday },
  });

export const refreshKpis = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: KPI_KEY });
