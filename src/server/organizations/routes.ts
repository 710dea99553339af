import { z } from 'zod';
import { LOCALES } from '../../db/schema/enums.ts';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses, errors, reason } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { organizationPolicy } from './policy.ts';
import { organizationSchema, presentOrganization } from './presenters.ts';
import { getOrganization, updateOrganization } from './queries.ts';

const updateOrganizationBody = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(120).optional(),
    defaultLocale: z.enum(LOCALES).optional(),
  })
  .refine((v) => v.name !== undefined || v.defaultLocale !== undefined, {
    ...reason('nothing_to_change', 'Send name or defaultLocale'),
  });

export async function organizationRoutes(app: App, { database }: Deps) {
  const { db } = database;

  app.get(
    '/api/v1/organization',
    {
      onRequest: requireActor,
      schema: {
        tags: ['organization'],
        summary: 'My organization',
        response: { 200: organizationSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      organizationPolicy.read(actor, actor.organizationId);
      const row = await getOrganization(db, actor.organizationId);
      if (!row) throw errors.notFound('Organization');
      return presentOrganization(row);
    },
  );

  app.patch(
    '/api/v1/organization',
    {
      onRequest: requireActor,
      schema: {
        tags: ['organization'],
        summary: "Change the organization's name or default language (admins)",
        body: updateOrganizationBody,
        response: { 200: organizationSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      organizationPolicy.update(actor, actor.organizationId);
      const row = await db.transaction((tx) => updateOrganization(tx, actor.organizationId, request.body));
      if (!row) throw errors.notFound('Organization');
      return presentOrganization(row);
    },
  );
}
