import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, type Installation, type Me } from './api.ts';

/** The signed-in person, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>('/api/v1/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

export const installationQuery = queryOptions({
  queryKey: ['installation'],
  queryFn: () => api<Installation>('/api/v1/installation'),
  staleTime: 30_000,
});
