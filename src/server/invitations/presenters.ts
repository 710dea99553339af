import type { z } from 'zod';
import type { InvitationRow } from './queries.ts';
import type { invitationSchema } from './schemas.ts';
import type { InvitationStatus } from './status.ts';

export function presentInvitation(
  row: InvitationRow,
  sponsorName: string,
  status: InvitationStatus,
): z.infer<typeof invitationSchema> {
  return {
    id: row.id,
    kind: row.kind,
    token: row.token,
    path: `/join/${row.token}`,
    sponsor: { id: row.sponsorId, name: sponsorName },
    memberId: row.memberId,
    name: row.name,
    email: row.email,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    status,
  };
}
