// The session cookie gets the Secure attribute whenever the browser reached the app over https: through
// a trusted TLS-terminating proxy, or because the configured public address is https.
import { describe, expect, it } from 'vitest';
import {
  api,
  cookieHeader,
  OWNER,
  sessionSetCookie,
  signUpRequest,
  useTestContext,
} from '../../../tests/support/index.ts';

const viaHttpsProxy = {
  host: 'team.example.org',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '203.0.113.9',
  origin: 'https://team.example.org',
};

describe('behind a trusted https proxy', () => {
  const ctx = useTestContext({ config: { trustProxy: 1 } });

  it('the session cookie is Secure', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-up', OWNER, { headers: viaHttpsProxy });
    expect(response.statusCode, response.body).toBe(201);
    const cookie = sessionSetCookie(response)!;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('sign-in over the proxy sets a Secure cookie that works', async () => {
    const response = await api(ctx.app).post(
      '/api/v1/auth/sign-in',
      { email: OWNER.email, password: OWNER.password },
      { headers: viaHttpsProxy },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(sessionSetCookie(response)).toMatch(/;\s*Secure/i);
    const me = await api(ctx.app, cookieHeader(response)).get('/api/v1/me', { headers: viaHttpsProxy });
    expect(me.statusCode, me.body).toBe(200);
  });

  it('a plain http request through the same proxy gets no Secure attribute', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', {
      email: OWNER.email,
      password: OWNER.password,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(sessionSetCookie(response)).not.toMatch(/;\s*Secure/i);
  });
});

describe('without trustProxy', () => {
  const ctx = useTestContext({ config: { trustProxy: false } });

  it('X-Forwarded-Proto is ignored: no Secure attribute, and the https Origin is foreign', async () => {
    const { origin: _, ...forwarded } = viaHttpsProxy;
    const response = await signUpRequest(ctx.app);
    expect(response.statusCode, response.body).toBe(201);
    const signIn = await api(ctx.app).post(
      '/api/v1/auth/sign-in',
      { email: OWNER.email, password: OWNER.password },
      { headers: { ...forwarded, origin: 'http://team.example.org' } },
    );
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(sessionSetCookie(signIn)).not.toMatch(/;\s*Secure/i);
    const spoofed = await api(ctx.app, cookieHeader(signIn)).patch(
      '/api/v1/me',
      { locale: 'de' },
      { headers: viaHttpsProxy },
    );
    expect(spoofed.statusCode).toBe(403);
  });
});

describe('with an https base URL', () => {
  const ctx = useTestContext({ config: { baseUrl: 'https://team.example.org' } });

  it('the session cookie is Secure (with the __Secure- prefix) and works', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-up', OWNER, {
      headers: { origin: 'https://team.example.org' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const cookie = sessionSetCookie(response)!;
    expect(cookie).toMatch(/^__Secure-downline\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);

    const session = cookieHeader(response);
    const me = await api(ctx.app, session).get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    // The configured address is a trusted origin for mutations.
    const patch = await api(ctx.app, session).patch(
      '/api/v1/me',
      { locale: 'bg' },
      { headers: { origin: 'https://team.example.org' } },
    );
    expect(patch.statusCode, patch.body).toBe(200);
  });
});
