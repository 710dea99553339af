// Request bodies: a JSON body nested deeper than the limit is refused before it is parsed, anonymous or
// signed in, with a 400 that names the limit; bodies within the limit work as before.
import { describe, expect, it } from 'vitest';
import { api, expectError, fieldPaths, signUpOwner, useTestContext } from '../../../tests/support/index.ts';
import { JSON_DEPTH_LIMIT, jsonDepth } from './json-body.ts';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('jsonDepth', () => {
  it('counts arrays and objects outside strings, escapes respected', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('[{"a":[1,{"b":[]}]}]')).toBe(5);
    expect(jsonDepth('"[[[{{{"')).toBe(0);
    expect(jsonDepth('["\\"[[[", "\\\\", [[]]]')).toBe(3);
    expect(jsonDepth('[]'.repeat(1000))).toBe(1);
    expect(jsonDepth(']]]][')).toBe(1);
  });

  it('stops one level past the limit', () => {
    expect(jsonDepth('['.repeat(1_000_000))).toBe(JSON_DEPTH_LIMIT + 1);
    expect(jsonDepth('['.repeat(10), 3)).toBe(4);
  });
});

describe('request bodies', () => {
  const ctx = useTestContext();
  let cookie: string;

  it('7,000 nested arrays to sign-in (anonymous) are a 400 naming the limit', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', nested(7_000));
    const body = expectError(response, 400, 'nesting_too_deep');
    expect(body.error.message).toContain(String(JSON_DEPTH_LIMIT));
  });

  it('7,000 nested arrays or objects to POST /api/v1/contacts (signed in) are a 400', async () => {
    cookie = await signUpOwner(ctx.app);
    for (const payload of [
      nested(7_000),
      `{"name":${nested(7_000)}}`,
      `${'{"a":'.repeat(7_000)}1${'}'.repeat(7_000)}`,
    ]) {
      const response = await api(ctx.app, cookie).post('/api/v1/contacts', payload);
      const body = expectError(response, 400, 'nesting_too_deep');
      expect(body.error.message).toContain(String(JSON_DEPTH_LIMIT));
    }
    const list = await api(ctx.app, cookie).get('/api/v1/contacts');
    expect(list.json().total).toBe(0);
  });

  it('one level over the limit is refused; at the limit the body is parsed and validated', async () => {
    const over = await api(ctx.app, cookie).post('/api/v1/contacts', nested(JSON_DEPTH_LIMIT + 1));
    expectError(over, 400, 'nesting_too_deep');
    // At the limit the body reaches the schema, which refuses an array where an object belongs.
    const at = await api(ctx.app, cookie).post('/api/v1/contacts', nested(JSON_DEPTH_LIMIT));
    expectError(at, 400, 'validation_failed');
  });

  it('brackets inside strings (escaped quotes included) do not count', async () => {
    const name = `${'['.repeat(40)}\\"${'{'.repeat(40)} \\\\`;
    const response = await api(ctx.app, cookie).post('/api/v1/contacts', `{"name":"${name}"}`);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().name).toBe(JSON.parse(`"${name}"`));
  });

  it('an ordinary nested body still works', async () => {
    const response = await api(ctx.app, cookie).post('/api/v1/contacts', {
      name: 'Nested Nina',
      messengers: { telegram: '@nina' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('the size limit stays: 1 MiB in general, more where a route takes a file', async () => {
    const big = { fileName: 'contacts.csv', data: '*'.repeat(2 * 1024 * 1024), mode: 'preview' };
    expectError(await api(ctx.app, cookie).post('/api/v1/contacts', big), 413, 'payload_too_large');
    const file = await api(ctx.app, cookie).post('/api/v1/contacts/import', big);
    expect(fieldPaths(expectError(file, 400, 'validation_failed'))).toEqual(['data']);
  });

  it('malformed JSON within the limit is still invalid_json', async () => {
    const response = await api(ctx.app, cookie).post('/api/v1/contacts', '{"name": "x", ]]]');
    expectError(response, 400, 'invalid_json');
  });
});
