import type { z } from 'zod';
import type { invitationSchema, joinInfoSchema } from '../../server/invitations/schemas.ts';

export type Invitation = z.infer<typeof invitationSchema>;
export type JoinInfo = z.infer<typeof joinInfoSchema>;

/** The full link to share, on whatever address the app is opened. */
export const invitationUrl = (invitation: Pick<Invitation, 'path'>) =>
  `${window.location.origin}${invitation.path}`;

export const invitationsQueryKey = ['invitations'] as const;
