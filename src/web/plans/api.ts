// The plans API as the web app uses it: the annual goal, the planning cascade (3 months, month, week,
// day) with progress from real activity, the habit and the team. Types come from the server's zod
// schemas. The server counts days in the member's own time zone, so no `today` is sent.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { PlanLevel } from '../../core/plans/fields.ts';
import type {
  GoalPage,
  HabitView,
  OverviewView,
  PlanItemInput,
  PlanItemView,
  PlanPage,
  PlanView,
  ProposedItemView,
  TeamView,
} from '../../server/plans/schemas.ts';
import { api } from '../api.ts';
import { queryString } from '../structure/api.ts';

export type Overview = OverviewView;
export type Plan = PlanView;
export type PlanItem = PlanItemView;
export type ProposedItem = ProposedItemView;
export type Habit = HabitView;
export type Team = TeamView;
export type TeamRow = Team['rows'][number];
export type { GoalPage, PlanItemInput, PlanLevel, PlanPage };

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const PLANS_KEY = ['plans'] as const;

/**
 * The overview carries what the page opens on (this week's page and the goal), so one request loads the
 * page: those go into the cache as the overview arrives, and their own queries find them fresh there.
 */
export const overviewQuery = (queryClient: QueryClient, memberId?: string) =>
  queryOptions({
    queryKey: [...PLANS_KEY, 'overview', memberId ?? 'me'],
    queryFn: async () => {
      const overview = await api<Overview>(`/api/v1/plans/overview${queryString({ memberId })}`);
      queryClient.setQueryData(planQuery('week', overview.week.start, memberId).queryKey, overview.week);
      queryClient.setQueryData(currentGoalQuery(memberId).queryKey, overview.goalPage);
      return overview;
    },
  });

/** How long a page the overview brought counts as fresh: long enough not to ask for it again at once. */
const SEEDED_FRESH_MS = 5_000;

export const planQuery = (level: PlanLevel, start: string, memberId?: string) =>
  queryOptions({
    queryKey: [...PLANS_KEY, 'plan', level, start, memberId ?? 'me'],
    queryFn: () => api<PlanPage>(`/api/v1/plans/${level}/${start}${queryString({ memberId })}`),
    staleTime: SEEDED_FRESH_MS,
  });

/** The goal running today (or the next one); without one, the twelve months from this month. */
export const currentGoalQuery = (memberId?: string) =>
  queryOptions({
    queryKey: [...PLANS_KEY, 'goal', 'current', memberId ?? 'me'],
    queryFn: () => api<GoalPage>(`/api/v1/goals/current${queryString({ memberId })}`),
    staleTime: SEEDED_FRESH_MS,
  });

export const teamQuery = (params: { scope: 'frontline' | 'downline'; offset: number; memberId?: string }) =>
  queryOptions({
    queryKey: [...PLANS_KEY, 'team', params],
    queryFn: () => api<Team>(`/api/v1/plans/team${queryString(params)}`),
  });

/**
 * After a write: the page the server answered goes straight into the cache, the rest of the area (the
 * overview, the plans around it, the habit) reloads.
 */
export function refreshPlans(queryClient: QueryClient, page?: PlanPage) {
  if (page) queryClient.setQueryData(planQuery(page.level, page.start).queryKey, page);
  void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
}

export const savePlan = (level: PlanLevel, start: string, items: PlanItemInput[]) =>
  api<PlanPage>(`/api/v1/plans/${level}/${start}`, { method: 'PUT', body: { items } });

export const deletePlan = (level: PlanLevel, start: string) =>
  api<void>(`/api/v1/plans/${level}/${start}`, { method: 'DELETE' });

export const tickItem = (id: string, done: boolean) =>
  api<Plan>(`/api/v1/plans/items/${id}/tick`, { method: 'POST', body: { done } });

/** Writes my goal for the twelve months from `start` (the first of a month). */
export const saveGoal = (
  start: string,
  body: { statement: string; income?: string | null; reason?: string | null },
) => api<GoalPage>(`/api/v1/goals/${start.slice(0, 7)}`, { method: 'PUT', body });
