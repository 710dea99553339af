import type { z } from 'zod';
import { csvLine } from '../../core/csv-cells.ts';
import type { MemberRow } from './queries.ts';
import type { memberSchema, memberSummarySchema } from './schemas.ts';

export function presentMember(row: MemberRow): z.infer<typeof memberSchema> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    messengers: row.messengers ?? {},
    city: row.city,
    country: row.country,
    locale: row.locale,
    notes: row.notes,
    kind: row.kind,
    status: row.status,
    role: row.role,
    joinedOn: row.joinedOn,
    sponsorId: row.sponsorId,
    depth: row.depth,
    hasAccount: row.userId !== null,
    externalId: row.externalId,
  };
}

/** `rootDepth`: the depth of the member whose downline is listed, so levels count from them. */
export function presentSummary(row: MemberRow, rootDepth: number): z.infer<typeof memberSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    city: row.city,
    country: row.country,
    email: row.email,
    phone: row.phone,
    joinedOn: row.joinedOn,
    level: row.depth - rootDepth,
    hasAccount: row.userId !== null,
  };
}

const CSV_COLUMNS = [
  'name',
  'kind',
  'status',
  'level',
  'city',
  'country',
  'email',
  'phone',
  'joined_on',
  'external_id',
];

/** CSV lines of a downline export; the first call gives the header with a BOM so Excel reads UTF-8. */
export function csvHeader(delimiter: string): string {
  return `\uFEFF${CSV_COLUMNS.join(delimiter)}\r\n`;
}

export function csvRow(row: MemberRow, rootDepth: number, delimiter: string): string {
  const cells = [
    row.name,
    row.kind,
    row.status,
    row.depth - rootDepth,
    row.city,
    row.country,
    row.email,
    row.phone,
    row.joinedOn,
    row.externalId,
  ];
  // A cell a spreadsheet would run as a formula is written as text (csv-cells.ts).
  return `${csvLine(cells, delimiter)}\r\n`;
}
