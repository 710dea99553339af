// SQL pieces shared by the query files.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** PostgreSQL element types that lists are sent as. */
export type ListType = 'uuid' | 'text' | 'date' | 'int' | 'timestamptz';

/**
 * `value = any($1::type[])`: a list sent as one array parameter. An empty list is a valid query that
 * matches nothing — a built `in (…)` list would be a syntax error — and the statement's text is the
 * same whatever the list's length.
 */
export function anyOf(value: SQLWrapper, list: readonly (string | number)[], type: ListType): SQL {
  return sql`${value} = any(${arrayOf(list, type)})`;
}

/** A list as one typed array parameter, e.g. for `unnest`. */
export function arrayOf(list: readonly (string | number)[], type: ListType): SQL {
  return sql`${sql.param([...list])}::${sql.raw(type)}[]`;
}
