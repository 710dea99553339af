import { pgEnum } from 'drizzle-orm/pg-core';

export const LOCALES = ['en', 'de', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

export const localeEnum = pgEnum('locale', LOCALES);
export const memberKindEnum = pgEnum('member_kind', ['customer', 'partner']);
export const memberStatusEnum = pgEnum('member_status', ['active', 'inactive', 'left']);
export const memberRoleEnum = pgEnum('member_role', ['admin', 'member']);
