// Reading the API's own OpenAPI document: its operations, and minimal valid requests made from its
// schemas (the required fields with plain values), for tests that walk every operation.
import { randomUUID } from 'node:crypto';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface Schema {
  type?: string | string[];
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface OperationEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operation: Operation;
}

export function operationsOf(doc: OpenApiDocument): OperationEntry[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      method: m.toUpperCase() as OperationEntry['method'],
      path,
      operation: item[m]!,
    })),
  );
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  return schema.$ref ? resolve(doc, doc.components!.schemas![schema.$ref.split('/').pop()!]!) : schema;
}

/** Dates the test data lives around (the test clock starts on Sunday 2026-03-15). */
const DATES: Record<string, string> = {
  today: '2026-03-16',
  day: '2026-03-15',
  from: '2026-03-01',
  to: '2026-04-15',
};

/** A plain valid value for a schema: the first choice of a union or enum, the smallest string or number. */
export function sampleValue(doc: OpenApiDocument, input: Schema, name = ''): unknown {
  const schema = resolve(doc, input);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const first = alternatives.find((a) => resolve(doc, a).type !== 'null') ?? alternatives[0]!;
    return sampleValue(doc, first, name);
  }
  if (schema.allOf?.length) return sampleValue(doc, schema.allOf[0]!, name);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return DATES[name] ?? '2026-03-15';
      if (schema.format === 'date-time') return '2026-03-15T15:00:00.000Z';
      if (schema.format === 'email') return 'nobody@example.test';
      if (schema.format === 'uri') return 'https://example.test/';
      if (schema.pattern?.includes('[0-5]\\d$')) return '10:00';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number': {
      const low = Math.max(schema.minimum ?? 1, 1);
      return schema.maximum !== undefined ? Math.min(low, schema.maximum) : low;
    }
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(doc, schema.items ?? {}));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        out[key] = sampleValue(doc, schema.properties?.[key] ?? {}, key);
      // An object of optional fields only gets its first one (an empty one is often "nothing given").
      const [first] = Object.entries(schema.properties ?? {});
      if (Object.keys(out).length === 0 && first) out[first[0]] = sampleValue(doc, first[1], first[0]);
      return out;
    }
    default:
      return 'x';
  }
}

/**
 * A minimal valid JSON body for an operation, or undefined when it takes none. A body of optional fields
 * only (a PATCH) gets its first field, since "nothing to change" is refused before anything else.
 */
export function bodyFor(doc: OpenApiDocument, operation: Operation): unknown {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema ? sampleValue(doc, schema) : undefined;
}

/** A plain valid value for a query parameter. */
export function queryValue(param: Parameter): string {
  const schema = param.schema ?? {};
  if (schema.enum) return String(schema.enum[0]);
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return DATES[param.name] ?? '2026-03-15';
  if (schema.type === 'integer' || schema.pattern === '^\\d{1,15}$') return '1';
  return 'a';
}
