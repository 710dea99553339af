import { z } from 'zod';
import { LOCALES } from '../../db/schema/enums.ts';
import type { organizations } from '../../db/schema/index.ts';

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    defaultLocale: z.enum(LOCALES),
    /** The weekday of the weekly analysis (ISO: 1 = Monday) for members who chose none. */
    reviewWeekday: z.number().int().min(1).max(7),
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
    reviewWeekday: row.reviewWeekday,
    createdAt: row.createdAt.toISOString(),
  };
}
