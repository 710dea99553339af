// The structure API as the web app uses it; types come from the server's zod schemas.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  downlinePageSchema,
  frontlineSchema,
  memberPageSchema,
  memberSchema,
  searchResultSchema,
} from '../../server/structure/schemas.ts';
import { api } from '../api.ts';

export type MemberPage = z.infer<typeof memberPageSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Frontline = z.infer<typeof frontlineSchema>;
export type FrontlineRow = Frontline['rows'][number];
export type DownlinePage = z.infer<typeof downlinePageSchema>;
export type DownlineRow = DownlinePage['rows'][number];
export type SearchResult = z.infer<typeof searchResultSchema>;

export interface DownlineParams {
  minDepth?: number;
  maxDepth?: number;
  kind?: 'customer' | 'partner';
  status?: 'active' | 'inactive' | 'left';
  city?: string;
  joinedFrom?: string;
  joinedTo?: string;
  q?: string;
  sort?: 'tree' | 'name' | 'joinedOn' | 'depth' | 'city';
  direction?: 'asc' | 'desc';
}

export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const memberPageQuery = (id: string) =>
  queryOptions({ queryKey: ['member', id], queryFn: () => api<MemberPage>(`/api/v1/members/${id}`) });

export const frontlineQuery = (id: string, offset = 0, limit = 50) =>
  queryOptions({
    queryKey: ['frontline', id, offset, limit],
    queryFn: () => api<Frontline>(`/api/v1/members/${id}/frontline${queryString({ offset, limit })}`),
  });

export function fetchDownline(id: string, params: DownlineParams, offset: number, limit: number) {
  return api<DownlinePage>(`/api/v1/members/${id}/downline${queryString({ ...params, offset, limit })}`);
}

export function downlineCsvUrl(id: string, params: DownlineParams, delimiter: 'comma' | 'semicolon') {
  const { sort: _sort, direction: _direction, ...filter } = params;
  return `/api/v1/members/${id}/downline.csv${queryString({ ...filter, delimiter })}`;
}

export function searchDownline(id: string, q: string, limit = 20) {
  return api<SearchResult>(`/api/v1/members/${id}/search${queryString({ q, limit })}`);
}
