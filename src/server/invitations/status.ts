import type { InvitationRow } from './queries.ts';

export type InvitationStatus = 'open' | 'expired' | 'revoked' | 'used_up';

/** Whether a link can still be used, and if not, why — the join page says which. */
export function invitationStatus(row: InvitationRow, now: Date): InvitationStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'used_up';
  return 'open';
}
