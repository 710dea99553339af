import { z } from 'zod';
import { LOCALES } from '../../db/schema/enums.ts';
import type { organizations } from '../../db/schema/index.ts';

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    defaultLocale: z.enum(LOCALES),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organization' });

export function presentOrganization(
  row: typeof organizations.$inferSelect,
): z.infer<typeof organizationSchema> {
  return {
    id: row.id,
    name: row.name,
    defaultLocale: row.defaultLocale,
    createdAt: row.createdAt.toISOString(),
  };
}
