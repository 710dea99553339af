// The follow-up API as the web app uses it; types come from the server's zod schemas. "Today" is always
// the device's own date, so what is due and overdue follows the sponsor's (or the new member's) day.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TouchpointKind } from '../../core/followup/template.ts';
import type {
  boardSchema,
  followupSchema,
  stepSchema,
  todaySchema,
  touchpointBody,
  touchpointSchema,
} from '../../server/followup/schemas.ts';
import { api } from '../api.ts';
import { localToday } from '../contacts/api.ts';
import { queryString } from '../structure/api.ts';

export type Board = z.infer<typeof boardSchema>;
export type BoardRow = Board['rows'][number];
export type Step = z.infer<typeof stepSchema>;
export type Followup = z.infer<typeof followupSchema>;
export type FollowedMember = Followup['member'];
export type IntakeQuestion = Followup['intake']['questions'][number];
export type Touchpoint = z.infer<typeof touchpointSchema>;
export type TodayFollowup = z.infer<typeof todaySchema>;
export type TouchpointInput = z.input<typeof touchpointBody>;
export type BoardScope = 'frontline' | 'downline';

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const FOLLOWUP_KEY = ['followup'] as const;

export const boardQuery = (scope: BoardScope, today: string) =>
  queryOptions({
    queryKey: [...FOLLOWUP_KEY, 'board', scope, today],
    queryFn: () => api<Board>(`/api/v1/followups${queryString({ scope, today })}`),
  });

export const todayFollowupQuery = (today: string) =>
  queryOptions({
    queryKey: [...FOLLOWUP_KEY, 'today', today],
    queryFn: () => api<TodayFollowup>(`/api/v1/followups/today${queryString({ today })}`),
  });

/** One member's follow-up; a 404 (none, or not visible to me) is an answer, not worth a retry. */
export const followupQuery = (memberId: string, today: string) =>
  queryOptions({
    queryKey: [...FOLLOWUP_KEY, 'member', memberId, today],
    queryFn: () => api<Followup>(`/api/v1/members/${memberId}/followup${queryString({ today })}`),
  });

/** After any write: the board, Today's card and every open follow-up read again. */
export function refreshFollowups(queryClient: QueryClient, page?: Followup) {
  if (page) queryClient.setQueryData(followupQuery(page.member.id, page.today).queryKey, page);
  void queryClient.invalidateQueries({ queryKey: FOLLOWUP_KEY });
}

// The writes send the date at the moment of saving (a page may have stayed open overnight).

export const saveIntake = (memberId: string, answers: Record<string, string>) =>
  api<Followup>(`/api/v1/members/${memberId}/followup/intake${queryString({ today: localToday() })}`, {
    method: 'PUT',
    body: { answers },
  });

export const tickStep = (memberId: string, key: string, done: boolean) =>
  api<Followup>(
    `/api/v1/members/${memberId}/followup/steps/${encodeURIComponent(key)}${queryString({ today: localToday() })}`,
    { method: 'PUT', body: { done } },
  );

export const logTouchpoint = (
  memberId: string,
  body: { kind: TouchpointKind; on?: string; note?: string | null },
) =>
  api<Touchpoint>(`/api/v1/members/${memberId}/touchpoints`, {
    method: 'POST',
    body: { ...body, on: body.on || localToday() } satisfies TouchpointInput,
  });

export const deleteTouchpoint = (memberId: string, touchpointId: string) =>
  api(`/api/v1/members/${memberId}/touchpoints/${touchpointId}`, { method: 'DELETE' });
