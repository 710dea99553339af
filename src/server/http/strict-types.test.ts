// Strict types: every field of every operation is checked against values of the wrong type. The
// operations and their fields come from the OpenAPI document, so a new endpoint is covered without
// touching this file. Signed in as an admin, so authorization never answers before validation.
import { describe, expect, it } from 'vitest';
import {
  api,
  type ErrorBody,
  type Response,
  signUpOwner,
  useTestContext,
} from '../../../tests/support/index.ts';
import {
  METHODS,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Schema,
} from '../../../tests/support/openapi.ts';

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Values of each JSON type; a field gets every one its schema does not allow. */
const WRONG_VALUES: { type: JsonType; value: unknown }[] = [
  { type: 'boolean', value: true },
  { type: 'string', value: '0x10' },
  { type: 'string', value: '16' },
  { type: 'integer', value: 16 },
  { type: 'object', value: { 0: 'x' } },
  { type: 'array', value: ['x'] },
  { type: 'null', value: null },
];

const typeOf = (value: unknown): JsonType => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
};

/** The JSON types a schema allows, or null when it allows any value. */
function allowedTypes(doc: OpenApiDocument, schema: Schema | undefined): Set<JsonType> | null {
  if (!schema) return null;
  if (schema.$ref) return allowedTypes(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const all = new Set<JsonType>();
    for (const alternative of alternatives) {
      const types = allowedTypes(doc, alternative);
      if (!types) return null;
      for (const t of types) all.add(t);
    }
    return all;
  }
  if (schema.allOf?.length) return allowedTypes(doc, schema.allOf[0]);
  let types: JsonType[] | undefined;
  if (schema.type) types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[];
  else if (schema.enum) types = schema.enum.map(typeOf);
  else if ('const' in schema) types = [typeOf(schema.const)];
  if (!types) return null;
  const set = new Set(types);
  // An integer is a number, and a number field takes integers.
  if (set.has('number')) set.add('integer');
  return set;
}

/** Bodies: one object schema, or a union of objects told apart by a constant (the diary's `kind`). */
function bodyVariants(
  doc: OpenApiDocument,
  schema: Schema,
): { base: Record<string, unknown>; fields: Record<string, Schema> }[] {
  const resolved = schema.$ref ? doc.components!.schemas![schema.$ref.split('/').pop()!]! : schema;
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (!alternatives) return [{ base: {}, fields: resolved.properties ?? {} }];
  return alternatives.map((alternative) => {
    const base: Record<string, unknown> = {};
    const fields: Record<string, Schema> = {};
    for (const [name, field] of Object.entries(alternative.properties ?? {})) {
      const constant = 'const' in field ? field.const : field.enum?.length === 1 ? field.enum[0] : undefined;
      if (constant !== undefined) base[name] = constant;
      else fields[name] = field;
    }
    return { base, fields };
  });
}

/** A valid value for a path parameter, so that only the field under test is wrong. */
function pathValue(param: Parameter): string {
  const schema = param.schema ?? {};
  if (schema.format === 'uuid') return SAMPLE_ID;
  if (schema.format === 'date') return '2026-03-02'; // a Monday
  if (schema.enum) return String(schema.enum.includes('day') ? 'day' : schema.enum[0]);
  if (schema.pattern?.includes('2\\d{3}')) return '2026-03';
  return 'x';
}

/** A valid value for a required query parameter. */
function queryValue(schema: Schema): string {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.format === 'uuid') return SAMPLE_ID;
  if (schema.format === 'date') return '2026-03-02';
  if (schema.type === 'integer' || schema.pattern === '^\\d{1,15}$') return '1';
  return 'x';
}

const namesField = (response: Response, field: string) => {
  const body = response.json() as ErrorBody;
  return (body.error?.fields ?? []).some((f) => f.path === field || f.path.startsWith(`${field}.`));
};

describe('strict types', () => {
  const ctx = useTestContext();
  let cookie: string;
  let address = 0;
  // Each request from its own address, so the sign-in and join rate limits never answer first.
  const nextAddress = () => {
    address += 1;
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  };

  async function openApi() {
    cookie ??= await signUpOwner(ctx.app);
    const response = await api(ctx.app).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as OpenApiDocument;
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, operation: item[m]! })),
    );
    return { doc, operations };
  }

  const urlOf = (path: string, operation: Operation, replace: Record<string, string> = {}) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const param = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(replace[name] ?? (param ? pathValue(param) : 'x'));
    });

  it('every body field refuses values of another type with a 400 naming it', async () => {
    const { doc, operations } = await openApi();
    const accepted: string[] = [];
    let cases = 0;
    for (const { method, path, operation } of operations) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const url = urlOf(path, operation);
      for (const { base, fields } of bodyVariants(doc, schema)) {
        for (const [field, fieldSchema] of Object.entries(fields)) {
          const allowed = allowedTypes(doc, fieldSchema);
          if (!allowed) continue;
          for (const { type, value } of WRONG_VALUES) {
            if (allowed.has(type)) continue;
            cases += 1;
            const response = await api(ctx.app, cookie).request(
              method as 'POST',
              url,
              { ...base, [field]: value },
              { remoteAddress: nextAddress() },
            );
            if (response.statusCode !== 400 || !namesField(response, field))
              accepted.push(
                `${method} ${path} ${field}=${JSON.stringify(value)}: ${response.statusCode} ${response.body.slice(0, 200)}`,
              );
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(500);
    expect(accepted).toEqual([]);
  });

  it('every whole-number, yes/no and formatted query or path parameter refuses loose spellings', async () => {
    const { operations } = await openApi();
    const accepted: string[] = [];
    let cases = 0;
    for (const { method, path, operation } of operations) {
      if (method !== 'GET') continue;
      for (const param of operation.parameters ?? []) {
        const schema = param.schema ?? {};
        const spellings = looseSpellings(schema);
        for (const spelling of spellings) {
          cases += 1;
          // The other required query parameters get a valid value, so only this one is wrong.
          const query = new URLSearchParams();
          for (const other of operation.parameters ?? [])
            if (other.in === 'query' && other.required && other !== param)
              query.set(other.name, queryValue(other.schema ?? {}));
          if (param.in === 'query') query.set(param.name, spelling);
          const url = `${urlOf(path, operation, param.in === 'path' ? { [param.name]: spelling } : {})}?${query}`;
          const response = await api(ctx.app, cookie).get(url, { remoteAddress: nextAddress() });
          if (response.statusCode !== 400 || !namesField(response, param.name))
            accepted.push(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect(accepted).toEqual([]);
  });

  it('an invitation’s numbers take JSON numbers only', async () => {
    for (const body of [
      { expiresInDays: true },
      { expiresInDays: '0x10' },
      { maxUses: '16' },
      { maxUses: false },
    ]) {
      const response = await api(ctx.app, cookie).post('/api/v1/invitations', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(namesField(response, Object.keys(body)[0]!)).toBe(true);
    }
    const valid = await api(ctx.app, cookie).post('/api/v1/invitations', { expiresInDays: 16, maxUses: 2 });
    expect(valid.statusCode, valid.body).toBe(201);
  });

  it('query switches take true or false only', async () => {
    for (const url of ['/api/v1/contacts?due=1', '/api/v1/contacts?due=yes', '/api/v1/products?all=1']) {
      const response = await api(ctx.app, cookie).get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(namesField(response, url.includes('due') ? 'due' : 'all')).toBe(true);
    }
  });

  it('query numbers and switches read plain spellings', async () => {
    const page = await api(ctx.app, cookie).get('/api/v1/contacts?limit=20&offset=0&due=true');
    expect(page.statusCode, page.body).toBe(200);
    const products = await api(ctx.app, cookie).get('/api/v1/products?all=false');
    expect(products.statusCode, products.body).toBe(200);
  });
});

/**
 * Spellings a lenient parser would take but a strict one refuses: for whole numbers hex, exponent,
 * sign, spaces and words; for yes/no anything but true/false; for formatted text (ids, dates) a
 * number. Free text takes any spelling and gets none.
 */
function looseSpellings(schema: Schema): string[] {
  if (schema.type === 'integer' || schema.type === 'number' || schema.pattern === '^\\d{1,15}$')
    return ['0x10', '1e1', ' 1', '+1', '1.0', 'true', ''];
  if (schema.enum?.includes('true')) return ['1', 'yes', 'TRUE', 'on', ''];
  if (schema.format || schema.pattern || schema.enum) return ['0x10', '16'];
  return [];
}
