// The trainings API as the web app uses it; types come from the server's zod schemas. "Today" is the
// device's own date: it decides what is upcoming or past and whether one can still register.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  candidatesSchema,
  createTrainingBody,
  interestSchema,
  trainingDetailSchema,
  trainingListSchema,
  updateTrainingBody,
} from '../../server/trainings/schemas.ts';
import { api } from '../api.ts';
import { localToday } from '../contacts/api.ts';
import { queryString } from '../structure/api.ts';

export type TrainingList = z.infer<typeof trainingListSchema>;
export type Training = TrainingList['trainings'][number];
export type TrainingDetail = z.infer<typeof trainingDetailSchema>;
export type Registration = TrainingDetail['registrations'][number];
export type Candidate = z.infer<typeof candidatesSchema>['rows'][number];
export type Interest = z.infer<typeof interestSchema>;
export type TrainingInput = z.input<typeof createTrainingBody>;
export type TrainingChange = z.input<typeof updateTrainingBody>;
export type TrainingFormat = Training['format'];

/** Text lengths the server accepts (server/trainings/schemas.ts TRAINING_LIMITS). */
export const LIMITS = { topic: 200, place: 300, link: 2000, description: 5000 } as const;

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const TRAININGS_KEY = ['trainings'] as const;

/** The list from `from` on (default: the server's 30 days back). */
export const trainingsQuery = (today: string, from?: string) =>
  queryOptions({
    queryKey: [...TRAININGS_KEY, 'list', today, from ?? null],
    queryFn: () => api<TrainingList>(`/api/v1/trainings${queryString({ today, from })}`),
  });

export const trainingQuery = (id: string, today: string) =>
  queryOptions({
    queryKey: [...TRAININGS_KEY, 'detail', id, today],
    queryFn: () => api<TrainingDetail>(`/api/v1/trainings/${id}${queryString({ today })}`),
  });

export const candidatesQuery = (id: string, q: string) =>
  queryOptions({
    queryKey: [...TRAININGS_KEY, 'candidates', id, q],
    queryFn: () => api<{ rows: Candidate[] }>(`/api/v1/trainings/${id}/candidates${queryString({ q })}`),
  });

/** After a write: the page answered by the server goes straight into the cache, the rest reloads. */
export function refreshTrainings(queryClient: QueryClient, page?: TrainingDetail) {
  if (page) queryClient.setQueryData(trainingQuery(page.id, page.today).queryKey, page);
  void queryClient.invalidateQueries({ queryKey: TRAININGS_KEY });
}

// The writes send the date at the moment of saving (a page may have stayed open overnight).
const today = () => queryString({ today: localToday() });

export const createTraining = (body: TrainingInput) =>
  api<TrainingDetail>(`/api/v1/trainings${today()}`, { method: 'POST', body });

export const updateTraining = (id: string, body: TrainingChange) =>
  api<TrainingDetail>(`/api/v1/trainings/${id}${today()}`, { method: 'PATCH', body });

export const cancelTraining = (id: string) =>
  api<TrainingDetail>(`/api/v1/trainings/${id}/cancel${today()}`, { method: 'POST' });

export const setRegistration = (id: string, registered: boolean) =>
  api<TrainingDetail>(`/api/v1/trainings/${id}/registration${today()}`, {
    method: registered ? 'PUT' : 'DELETE',
  });

export const setAttendance = (id: string, memberId: string, attended: boolean) =>
  api<TrainingDetail>(`/api/v1/trainings/${id}/attendance/${memberId}${today()}`, {
    method: 'PUT',
    body: { attended },
  });

export const setInterest = (interested: boolean) =>
  api<Interest>('/api/v1/members/me/development-interest', { method: 'PUT', body: { interested } });
