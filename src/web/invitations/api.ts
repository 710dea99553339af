import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationSchema, joinInfoSchema } from '../../server/invitations/schemas.ts';
import { api } from '../api.ts';

export type Invitation = z.infer<typeof invitationSchema>;
export type JoinInfo = z.infer<typeof joinInfoSchema>;

/** The full link to share, on whatever address the app is opened. */
export const invitationUrl = (invitation: Pick<Invitation, 'path'>) =>
  `${window.location.origin}${invitation.path}`;

export const invitationsQueryKey = ['invitations'] as const;

/** The join page's one request: the link, and who is signed in on this device. A 404 is an answer. */
export const joinInfoQuery = (token: string) =>
  queryOptions({
    queryKey: ['join', token],
    queryFn: () => api<JoinInfo>(`/api/v1/join/${token}`),
    retry: false,
  });
