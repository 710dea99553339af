// Sign-in, sessions, sign-out and the per-address limit of the credential routes.
import { describe, expect, it } from 'vitest';
import { authSession } from '../../../src/db/schema/index.ts';
import {
  api,
  countRows,
  expectError,
  fieldPaths,
  OWNER,
  sessionSetCookie,
  setCookies,
  signIn,
  signInRequest,
  signUpOwner,
  useTestContext,
} from '../../../tests/support/index.ts';

describe('sign-in', () => {
  const ctx = useTestContext();

  it('setup: the owner signs up', async () => {
    await signUpOwner(ctx.app);
  });

  it('a wrong password is a 401 invalid_credentials without a cookie', async () => {
    const response = await signInRequest(ctx.app, OWNER.email, 'not the password');
    const body = expectError(response, 401, 'invalid_credentials');
    expect(body.error.message).toBe('The e-mail address or the password is not right.');
    expect(sessionSetCookie(response)).toBeUndefined();
  });

  it('an unknown e-mail gives exactly the same answer', async () => {
    const wrongPassword = await signInRequest(ctx.app, OWNER.email, 'not the password');
    const unknown = await signInRequest(ctx.app, 'nobody@example.test', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrongPassword.json());
  });

  it('validation names the missing fields', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', { email: 'nope' });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('the right password signs in; the cookie opens /api/v1/me', async () => {
    const response = await signInRequest(ctx.app, OWNER.email, OWNER.password);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const cookie = sessionSetCookie(response)!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);

    const session = await signIn(ctx.app, OWNER.email, OWNER.password);
    const me = await api(ctx.app, session).get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      user: { name: OWNER.name, email: OWNER.email },
      member: { role: 'admin' },
      organization: { name: OWNER.organizationName },
    });
  });

  it('the e-mail address is matched without regard to case or spaces', async () => {
    const cookie = await signIn(ctx.app, '  OWNER@example.Test ', OWNER.password);
    expect((await api(ctx.app, cookie).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('sign-out ends the session: the cookie no longer works', async () => {
    const cookie = await signIn(ctx.app, OWNER.email, OWNER.password);
    const sessionsBefore = await countRows(ctx.db, authSession);
    const out = await api(ctx.app, cookie).post('/api/v1/auth/sign-out');
    expect(out.statusCode, out.body).toBe(200);
    // The browser is told to drop the cookie.
    expect(setCookies(out).some((c) => /^downline\.session_token=;/.test(c) && /max-age=0/i.test(c))).toBe(
      true,
    );
    expect(await countRows(ctx.db, authSession)).toBe(sessionsBefore - 1);

    const me = await api(ctx.app, cookie).get('/api/v1/me');
    expectError(me, 401, 'unauthenticated');
  });

  it('signing out one session leaves the others signed in', async () => {
    const a = await signIn(ctx.app, OWNER.email, OWNER.password);
    const b = await signIn(ctx.app, OWNER.email, OWNER.password);
    await api(ctx.app, a).post('/api/v1/auth/sign-out');
    expect((await api(ctx.app, a).get('/api/v1/me')).statusCode).toBe(401);
    expect((await api(ctx.app, b).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('sign-out without a session is harmless', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-out');
    expect(response.statusCode).toBe(200);
  });

  it('a forged or expired session cookie is anonymous', async () => {
    const forged = await api(ctx.app, 'downline.session_token=forged.value').get('/api/v1/me');
    expectError(forged, 401, 'unauthenticated');

    const cookie = await signIn(ctx.app, OWNER.email, OWNER.password);
    await ctx.db.update(authSession).set({ expiresAt: new Date(Date.now() - 1000) });
    expectError(await api(ctx.app, cookie).get('/api/v1/me'), 401, 'unauthenticated');
  });
});

describe('sign-in rate limit', () => {
  const LIMIT = 3;
  const ctx = useTestContext({ config: { signInRateLimit: { max: LIMIT, windowMs: 60_000 } } });

  it(`after ${LIMIT} attempts from one address the next is a 429`, async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < LIMIT; i++) {
      const response = await signInRequest(ctx.app, 'someone@example.test', `wrong ${i}`, address);
      expectError(response, 401, 'invalid_credentials');
    }
    const limited = await signInRequest(ctx.app, 'someone@example.test', 'wrong again', address);
    const body = expectError(limited, 429, 'rate_limited');
    expect(body.error.message).toMatch(/try again/i);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('sign-in, sign-up and joining through a link count together: one limit per client', async () => {
    const address = '203.0.113.8';
    const client = api(ctx.app);
    const attempts = [
      () => signInRequest(ctx.app, 'someone@example.test', 'wrong', address),
      () => client.post('/api/v1/auth/sign-up', { name: 'Mallory' }, { remoteAddress: address }),
      () =>
        client.post(
          '/api/v1/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          { name: 'Mallory', email: 'mallory@example.test', password: 'guess guess guess' },
          { remoteAddress: address },
        ),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.statusCode, response.body).not.toBe(429);
    }
    // The limit (3) is used up across the three routes: each of them now refuses this client.
    for (const attempt of attempts) expectError(await attempt(), 429, 'rate_limited');
  });

  it('another address is not affected', async () => {
    const response = await signInRequest(ctx.app, 'someone@example.test', 'wrong', '198.51.100.20');
    expectError(response, 401, 'invalid_credentials');
  });
});
