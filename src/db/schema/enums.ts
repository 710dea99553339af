import { pgEnum } from 'drizzle-orm/pg-core';
import { LOCALES } from '../../core/locales.ts';

export { LOCALES, type Locale } from '../../core/locales.ts';

export const localeEnum = pgEnum('locale', LOCALES);
export const memberKindEnum = pgEnum('member_kind', ['customer', 'partner']);
export const memberStatusEnum = pgEnum('member_status', ['active', 'inactive', 'left']);
export const memberRoleEnum = pgEnum('member_role', ['admin', 'member']);
