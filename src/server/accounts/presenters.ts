import type { z } from 'zod';
import type { organizations } from '../../db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { presentOrganization } from '../organizations/presenters.ts';
import type { OwnMemberFields } from './queries.ts';
import type { meSchema } from './schemas.ts';

export function presentMe(
  actor: Actor,
  organization: typeof organizations.$inferSelect,
  own: OwnMemberFields,
  passwordChangeRequired: boolean,
): z.infer<typeof meSchema> {
  return {
    user: {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      locale: actor.locale,
      passwordChangeRequired,
    },
    member: {
      id: actor.memberId,
      role: actor.role,
      timeZone: own.timeZone,
      city: own.city,
      country: own.country,
      reviewWeekday: own.reviewWeekday,
    },
    organization: presentOrganization(organization),
  };
}
