// Installation state and the first sign-up, which creates the organization and its owner.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authAccount, authSession, authUser, members, organizations } from '../../../src/db/schema/index.ts';
import {
  api,
  countRows,
  expectError,
  fieldPaths,
  OWNER,
  sessionSetCookie,
  signUpRequest,
  type TestContext,
  useTestContext,
} from '../../../tests/support/index.ts';

async function countAll(ctx: TestContext) {
  return {
    users: await countRows(ctx.db, authUser),
    accounts: await countRows(ctx.db, authAccount),
    sessions: await countRows(ctx.db, authSession),
    organizations: await countRows(ctx.db, organizations),
    members: await countRows(ctx.db, members),
  };
}

describe('sign-up', () => {
  const ctx = useTestContext();

  it('an empty installation needs its owner', async () => {
    const response = await api(ctx.app).get('/api/v1/installation');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ needsOwner: true, needsSetupToken: false });
  });

  it('validation names every bad field and writes nothing', async () => {
    const response = await signUpRequest(ctx.app, {
      name: '   ',
      email: 'not-an-address',
      password: 'short',
      organizationName: '',
      locale: 'fr',
    });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(
      expect.arrayContaining(['name', 'email', 'password', 'organizationName', 'locale']),
    );
    const password = body.error.fields!.find((f) => f.path === 'password')!;
    expect(password).toMatchObject({ code: 'too_short', params: { minimum: 10 } });
    expect(await countAll(ctx)).toEqual({ users: 0, accounts: 0, sessions: 0, organizations: 0, members: 0 });
  });

  it('missing fields are named too', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-up', {});
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(
      expect.arrayContaining(['name', 'email', 'password', 'organizationName']),
    );
  });

  it('a country that is no ISO 3166 code is a 400 naming `country`, and nothing is written', async () => {
    for (const country of ['XX', 'BGR', 'Bulgaria']) {
      const body = expectError(await signUpRequest(ctx.app, { country }), 400, 'validation_failed');
      expect(fieldPaths(body)).toEqual(['country']);
    }
    const long = expectError(
      await signUpRequest(ctx.app, { city: 'x'.repeat(101) }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(long)).toEqual(['city']);
    expect(await countAll(ctx)).toEqual({ users: 0, accounts: 0, sessions: 0, organizations: 0, members: 0 });
  });

  it('a password over the maximum is refused', async () => {
    const response = await signUpRequest(ctx.app, { password: 'x'.repeat(129) });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(['password']);
  });

  it('the first sign-up creates the organization, its root member and a session', async () => {
    const response = await signUpRequest(ctx.app, {
      email: '  Owner@Example.TEST ',
      name: ' Olivia Owner ',
      organizationName: ' Acme Team ',
      locale: 'de',
      city: ' София ',
      country: 'bg',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ ok: true });

    const cookie = sessionSetCookie(response);
    expect(cookie).toMatch(/^downline\.session_token=[^;]+/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);

    const [organization] = await ctx.db.select().from(organizations);
    expect(organization).toMatchObject({ name: 'Acme Team', defaultLocale: 'de' });
    const [user] = await ctx.db.select().from(authUser);
    expect(user).toMatchObject({ name: 'Olivia Owner', email: 'owner@example.test', locale: 'de' });
    const [member] = await ctx.db.select().from(members);
    expect(member).toMatchObject({
      organizationId: organization!.id,
      userId: user!.id,
      name: 'Olivia Owner',
      email: 'owner@example.test',
      city: 'София',
      country: 'BG',
      role: 'admin',
      kind: 'partner',
      status: 'active',
      sponsorId: null,
      seq: 1,
      path: '000001',
      depth: 0,
      joinedOn: ctx.clock.today(),
    });
    expect(await countAll(ctx)).toEqual({ users: 1, accounts: 1, sessions: 1, organizations: 1, members: 1 });
  });

  it('the password is stored as an argon2id hash, never in clear', async () => {
    const [account] = await ctx.db.select().from(authAccount);
    expect(account!.providerId).toBe('credential');
    expect(account!.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account!.password).not.toContain(OWNER.password);
  });

  it('afterwards the installation no longer needs an owner', async () => {
    const response = await api(ctx.app).get('/api/v1/installation');
    expect(response.json()).toEqual({ needsOwner: false, needsSetupToken: false });
  });

  it('a second sign-up needs an invitation and writes nothing', async () => {
    const before = await countAll(ctx);
    const response = await signUpRequest(ctx.app, {
      name: 'Second Person',
      email: 'second@example.test',
      organizationName: 'Another Team',
    });
    expectError(response, 403, 'invitation_required');
    expect(sessionSetCookie(response)).toBeUndefined();
    expect(await countAll(ctx)).toEqual(before);
    expect(await ctx.db.select().from(authUser).where(eq(authUser.email, 'second@example.test'))).toEqual([]);
  });

  it('a second sign-up with the owner’s own e-mail is refused the same way', async () => {
    const before = await countAll(ctx);
    const response = await signUpRequest(ctx.app);
    expectError(response, 403, 'invitation_required');
    expect(await countAll(ctx)).toEqual(before);
  });
});

describe('sign-up race', () => {
  const ctx = useTestContext();

  it('two simultaneous first sign-ups make exactly one organization', async () => {
    const [a, b] = await Promise.all([
      signUpRequest(ctx.app, { email: 'first@example.test', organizationName: 'First' }),
      signUpRequest(ctx.app, { email: 'second@example.test', organizationName: 'Second' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 403]);
    expect(await countRows(ctx.db, organizations)).toBe(1);
    expect(await countRows(ctx.db, authUser)).toBe(1);
    expect(await countRows(ctx.db, members)).toBe(1);
  });
});

describe('sign-up on a server with a setup token', () => {
  const token = 'a-setup-code-only-the-installer-knows';
  const ctx = useTestContext({ config: { setupToken: token } });

  it('the installation says the first sign-up needs it', async () => {
    const response = await api(ctx.app).get('/api/v1/installation');
    expect(response.json()).toEqual({ needsOwner: true, needsSetupToken: true });
  });

  it('refuses a missing or wrong code, naming the field, and writes nothing', async () => {
    for (const setupToken of [undefined, 'a-wrong-code-of-some-length']) {
      const body = expectError(await signUpRequest(ctx.app, { setupToken }), 403, 'setup_token_invalid');
      expect(fieldPaths(body)).toEqual(['setupToken']);
    }
    expect(await countAll(ctx)).toEqual({ users: 0, accounts: 0, sessions: 0, organizations: 0, members: 0 });
  });

  it('accepts the right code', async () => {
    const response = await signUpRequest(ctx.app, { setupToken: token });
    expect(response.statusCode, response.body).toBe(201);
  });
});
