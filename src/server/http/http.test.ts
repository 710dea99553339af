// The HTTP layer every route shares: health, the error shape, body limits, security headers, CSRF.
import { describe, expect, it } from 'vitest';
import {
  api,
  createTestContext,
  expectError,
  expectNoInternals,
  signUpOwner,
  TEST_ORIGIN,
  testDatabaseKind,
  useTestContext,
} from '../../../tests/support/index.ts';
import { BODY_LIMIT } from '../app.ts';

describe('http', () => {
  const ctx = useTestContext();

  it('GET /healthz reports the database kind', async () => {
    const response = await api(ctx.app).get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: testDatabaseKind() });
  });

  it('an unknown API route is a JSON 404', async () => {
    const response = await api(ctx.app).get('/api/v1/no-such-thing?x=1');
    const body = expectError(response, 404, 'not_found');
    expect(body.error.message).toContain('/api/v1/no-such-thing');
    expect(body.error.message).not.toContain('x=1');
    expectNoInternals(response);
  });

  it('a page address without a built web app is a 404 too', async () => {
    const response = await api(ctx.app).get('/settings');
    expectError(response, 404, 'not_found');
  });

  it('malformed JSON is a 400 invalid_json', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', '{"email": "a@b.c", ');
    expectError(response, 400, 'invalid_json');
    expectNoInternals(response);
  });

  it('an empty JSON body is a 400 invalid_json', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', '');
    expectError(response, 400, 'invalid_json');
  });

  it('a body over 1 MiB is refused with 413', async () => {
    const big = JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(BODY_LIMIT) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', big);
    expectError(response, 413, 'payload_too_large');
    expectNoInternals(response);
  });

  it('a body that is not JSON is a 415', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', 'email=a', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(response, 415, 'unsupported_media_type');
  });

  it('responses carry the security headers, errors included', async () => {
    for (const response of [
      await api(ctx.app).get('/healthz'),
      await api(ctx.app).get('/api/v1/installation'),
      await api(ctx.app).get('/api/v1/nothing-here'),
      await api(ctx.app).get('/api/v1/me'),
    ]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the OpenAPI document is served', async () => {
    const response = await api(ctx.app).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/sign-in');
  });
});

describe('csrf', () => {
  const ctx = useTestContext({ config: { trustedOrigins: ['http://localhost:5173/'] } });
  let cookie: string;

  it('sign-up from the app’s own origin works (and gives a session)', async () => {
    cookie = await signUpOwner(ctx.app);
  });

  it('a mutation with the session cookie from a foreign origin is refused', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { name: 'Mallory' },
      { headers: { origin: 'https://evil.example' } },
    );
    const body = expectError(response, 403, 'cross_site_request');
    expect(body.error.message).toContain('https://evil.example');
    const me = await api(ctx.app, cookie).get('/api/v1/me');
    expect(me.json().user.name).not.toBe('Mallory');
  });

  it('a percent-encoded path does not slip past the guard', async () => {
    // The router decodes /%61pi/… to /api/…; the guard must judge the request all the same.
    for (const url of ['/%61pi/v1/me', '/%61pi/v1/auth/sign-in']) {
      const response = await api(ctx.app, cookie).request(
        url.endsWith('me') ? 'PATCH' : 'POST',
        url,
        url.endsWith('me') ? { name: 'Mallory' } : { email: 'x@example.org', password: 'whatever1' },
        { headers: { origin: 'https://evil.example' } },
      );
      expectError(response, 403, 'cross_site_request');
    }
    const me = await api(ctx.app, cookie).get('/api/v1/me');
    expect(me.json().user.name).not.toBe('Mallory');
  });

  it('a foreign Referer (without Origin) is refused', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { name: 'Mallory' },
      { headers: { origin: undefined, referer: 'https://evil.example/page' } },
    );
    expectError(response, 403, 'cross_site_request');
  });

  it('a mutation with the session cookie and neither Origin nor Referer is refused', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { name: 'Mallory' },
      { headers: { origin: undefined } },
    );
    expectError(response, 403, 'cross_site_request');
  });

  it('an unparseable Origin counts as none', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { name: 'Mallory' },
      { headers: { origin: 'null' } },
    );
    expectError(response, 403, 'cross_site_request');
  });

  it('an explicit Origin decides alone: `null` with the app’s own Referer is refused', async () => {
    // A sandboxed frame, a data: page or a cross-origin redirect sends `Origin: null`, while the
    // Referer may still name a page of ours.
    for (const origin of ['null', '', 'not an origin']) {
      const response = await api(ctx.app, cookie).patch(
        '/api/v1/me',
        { name: 'Mallory' },
        { headers: { origin, referer: `${TEST_ORIGIN}/settings` } },
      );
      expectError(response, 403, 'cross_site_request');
    }
    // Not only with a session: a sign-in from an opaque origin is a login forgery.
    const signIn = await api(ctx.app).post(
      '/api/v1/auth/sign-in',
      { email: 'nobody@example.test', password: 'wrong password' },
      { headers: { origin: 'null', referer: `${TEST_ORIGIN}/sign-in` } },
    );
    expectError(signIn, 403, 'cross_site_request');
    expect((await api(ctx.app, cookie).get('/api/v1/me')).json().user.name).not.toBe('Mallory');
  });

  it('an own Origin is not undone by a foreign Referer', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { locale: 'en' },
      { headers: { referer: 'https://elsewhere.example/page' } },
    );
    expect(response.statusCode, response.body).toBe(200);
  });

  it('the same origin is accepted, also through Referer', async () => {
    const viaOrigin = await api(ctx.app, cookie).patch('/api/v1/me', { name: 'Olivia O.' });
    expect(viaOrigin.statusCode, viaOrigin.body).toBe(200);
    const viaReferer = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { name: 'Olivia Owner' },
      { headers: { origin: undefined, referer: `${TEST_ORIGIN}/settings?tab=1` } },
    );
    expect(viaReferer.statusCode, viaReferer.body).toBe(200);
  });

  it('a Host header with the default port or capitals still matches the browser’s Origin', async () => {
    for (const [host, origin] of [
      ['localhost:80', 'http://localhost'],
      ['Team.Example.org', 'http://team.example.org'],
      ['team.example.org', 'http://team.example.org:80'],
    ] as const) {
      const response = await api(ctx.app, cookie).patch(
        '/api/v1/me',
        { locale: 'en' },
        { headers: { host, origin } },
      );
      expect(response.statusCode, `${host} / ${origin}: ${response.body}`).toBe(200);
    }
  });

  it('a configured trusted origin is accepted (written with or without a trailing slash)', async () => {
    const response = await api(ctx.app, cookie).patch(
      '/api/v1/me',
      { locale: 'en' },
      { headers: { origin: 'http://localhost:5173' } },
    );
    expect(response.statusCode, response.body).toBe(200);
  });

  it('a request with neither cookie nor Origin (a script, not a browser session) is not refused', async () => {
    const response = await api(ctx.app).post(
      '/api/v1/auth/sign-in',
      { email: 'nobody@example.test', password: 'wrong password' },
      { headers: { origin: undefined } },
    );
    expectError(response, 401, 'invalid_credentials');
  });

  it('safe methods are never checked', async () => {
    const response = await api(ctx.app, cookie).get('/api/v1/me', {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('failures', () => {
  it('an unexpected failure is a 500 without internals, and /healthz turns 503', async () => {
    const ctx = await createTestContext();
    try {
      // The database going away is the most likely unexpected failure.
      await ctx.database.close();
      const response = await api(ctx.app).get('/api/v1/installation');
      expectError(response, 500, 'internal');
      expectNoInternals(response);
      const health = await api(ctx.app).get('/healthz');
      expectError(health, 503, 'internal');
      expectNoInternals(health);
    } finally {
      await ctx.close();
    }
  });
});
