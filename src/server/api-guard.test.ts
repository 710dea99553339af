// Every API operation needs a signed-in member unless it is on the short public list below. The list
// of operations comes from the OpenAPI document, so a new endpoint is checked without touching this file.
import { describe, expect, it } from 'vitest';
import { api, expectError, useTestContext } from '../../tests/support/index.ts';

/** Operations anyone may call, as `METHOD path`. Adding one here is a security decision. */
const PUBLIC_OPERATIONS = new Set([
  'GET /api/v1/installation',
  'POST /api/v1/auth/sign-up',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/sign-out',
  'GET /api/v1/join/{token}',
  'POST /api/v1/join/{token}',
  'GET /api/v1/calendar/{token}',
]);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
}

describe('API guard', () => {
  const ctx = useTestContext();

  async function operations() {
    const response = await api(ctx.app).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as OpenApiDocument;
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path })),
    );
  }

  it('the public list names operations that exist', async () => {
    const all = new Set((await operations()).map((o) => `${o.method} ${o.path}`));
    for (const op of PUBLIC_OPERATIONS) expect(all, op).toContain(op);
  });

  it('every other /api/v1 operation refuses anonymous requests with 401', async () => {
    const guarded = (await operations()).filter(
      (o) => o.path.startsWith('/api/v1/') && !PUBLIC_OPERATIONS.has(`${o.method} ${o.path}`),
    );
    expect(guarded.length).toBeGreaterThan(0);
    for (const { method, path } of guarded) {
      // Path parameters ({id}) get a well-formed value, so a 404 or 400 cannot hide a missing guard.
      const url = path.replace(/\{[^}]+\}/g, SAMPLE_ID);
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const response = await api(ctx.app).request(method as 'GET', url, body);
      expect({ operation: `${method} ${path}`, status: response.statusCode }).toEqual({
        operation: `${method} ${path}`,
        status: 401,
      });
      expectError(response, 401, 'unauthenticated');
    }
  });

  it('a cookie that is no session is anonymous everywhere', async () => {
    const guarded = (await operations()).filter(
      (o) => o.path.startsWith('/api/v1/') && !PUBLIC_OPERATIONS.has(`${o.method} ${o.path}`),
    );
    for (const { method, path } of guarded) {
      const url = path.replace(/\{[^}]+\}/g, SAMPLE_ID);
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const response = await api(ctx.app, 'downline.session_token=not-a-session').request(
        method as 'GET',
        url,
        body,
      );
      expect(response.statusCode, `${method} ${path}`).toBe(401);
    }
  });
});
