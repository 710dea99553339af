// Invitation link tokens: the organization's id (16 bytes, base64url, 22 characters) followed by 18
// random bytes (24 characters). The link names its organization, so a lookup is one key of the
// organization's own invitations — no index across tenants.

const ORG_PART = 22;
const TOKEN = /^[A-Za-z0-9_-]{46}$/;

function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll('-', '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export function makeInvitationToken(organizationId: string, random: Uint8Array): string {
  if (random.length !== 18) throw new Error('an invitation token needs 18 random bytes');
  return toBase64Url(uuidToBytes(organizationId)) + toBase64Url(random);
}

/** The organization a token belongs to, or null when it cannot be one of ours. */
export function organizationOfToken(token: string): string | null {
  if (!TOKEN.test(token)) return null;
  const bytes = Buffer.from(token.slice(0, ORG_PART), 'base64url');
  return bytes.length === 16 ? bytesToUuid(bytes) : null;
}
