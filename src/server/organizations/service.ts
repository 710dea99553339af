import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../db/schema/enums.ts';
import { placeMember } from '../structure/tree.ts';
import { insertOrganization } from './queries.ts';

export interface NewOrganization {
  organizationName: string;
  locale: Locale;
  owner: { userId: string; name: string; email: string; city?: string | null; country?: string | null };
  today: string;
}

/** Creates an organization and its root member — the owner, an admin. Run inside a transaction. */
export async function createOrganizationWithOwner(tx: Db, input: NewOrganization) {
  const organization = await insertOrganization(tx, {
    id: randomUUID(),
    name: input.organizationName,
    defaultLocale: input.locale,
  });
  const owner = await placeMember(tx, organization.id, null, {
    userId: input.owner.userId,
    name: input.owner.name,
    email: input.owner.email,
    city: input.owner.city ?? null,
    country: input.owner.country ?? null,
    kind: 'partner',
    status: 'active',
    role: 'admin',
    locale: input.locale,
    joinedOn: input.today,
  });
  return { organization, owner };
}
