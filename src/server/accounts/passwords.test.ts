// The password rule on every route that sets a password (sign-up, joining through a link), and the
// request to change a weak password that an existing account signs in with.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cookieHeader,
  countRows,
  createMember,
  createOrganization,
  expectError,
  signIn,
  signUpRequest,
  useTestContext,
} from '../../../tests/support/index.ts';
import { authUser, members, organizations } from '../../db/schema/index.ts';

/** Passwords refused for everyone, with the reason the API gives. */
const WEAK: [string, 'too_short' | 'too_common'][] = [
  // The three of the finding: any 8 characters used to be accepted.
  ['12345678', 'too_short'],
  ['password', 'too_short'],
  ['        ', 'too_short'],
  ['Passwort1', 'too_short'],
  // Long enough, but in the list of common and breached passwords, or a trivial variant of one.
  ['1234567890', 'too_common'],
  ['password123', 'too_common'],
  ['PASSWORD123', 'too_common'],
  ['  iloveyou12  ', 'too_common'],
  ['Sunshine2024!', 'too_common'],
  ['qwertyuiop', 'too_common'],
  ['passwordpassword', 'too_common'],
  ['aaaaaaaaaa', 'too_common'],
  ['          ', 'too_common'],
  ['abcabcabcabc', 'too_common'],
  ['0987654321', 'too_common'],
];

function expectPasswordRefused(
  response: Awaited<ReturnType<typeof signUpRequest>>,
  reason: string,
  path = 'password',
) {
  const body = expectError(response, 400, 'validation_failed');
  expect(body.error.fields, response.body).toEqual([expect.objectContaining({ path, code: reason })]);
  return body.error.fields![0]!;
}

describe('passwords at sign-up', () => {
  const ctx = useTestContext();

  it.each(WEAK)('%j is refused as %s, and nothing is written', async (password, reason) => {
    const field = expectPasswordRefused(await signUpRequest(ctx.app, { password }), reason);
    if (reason === 'too_short') expect(field.params).toMatchObject({ minimum: 10 });
    expect(await countRows(ctx.db, authUser)).toBe(0);
    expect(await countRows(ctx.db, organizations)).toBe(0);
  });

  it.each([
    ['the e-mail address', 'my owner@example.test key'],
    ['the e-mail address in capitals', 'OWNER@EXAMPLE.TEST'],
    ['the local part of the e-mail address', 'x-owner-river-lamp'],
    ['a part of the name', 'olivia rides a green bike'],
    ['a part of the name in capitals', 'the OLIVIA sunrise band'],
  ])('a password with %s is refused as contains_personal', async (_what, password) => {
    expectPasswordRefused(await signUpRequest(ctx.app, { password }), 'contains_personal');
    expect(await countRows(ctx.db, authUser)).toBe(0);
  });

  it('a long, uncommon password without the name or e-mail is accepted', async () => {
    const response = await signUpRequest(ctx.app, { password: 'violet kettle under a bridge' });
    expect(response.statusCode, response.body).toBe(201);
    const me = await api(ctx.app, cookieHeader(response)).get('/api/v1/me');
    expect(me.json().user.passwordChangeRequired).toBe(false);
  });
});

describe('passwords when joining through a link', () => {
  const ctx = useTestContext();
  let token = '';

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A' });
    const owner = await signIn(ctx.app, org.ownerUser.email, org.ownerUser.password);
    const link = await api(ctx.app, owner).post('/api/v1/invitations', { kind: 'partner', maxUses: 100 });
    expect(link.statusCode, link.body).toBe(201);
    token = link.json().token;
  });

  const join = (password: string) =>
    api(ctx.app).post(`/api/v1/join/${token}`, {
      name: 'Neli Nikolova',
      email: 'neli.n@example.test',
      password,
      locale: 'bg',
    });

  const joined = async () =>
    (await ctx.db.select().from(authUser).where(eq(authUser.email, 'neli.n@example.test'))).length;

  it.each(WEAK)('%j is refused as %s, and nothing is written', async (password, reason) => {
    const membersBefore = await countRows(ctx.db, members);
    expectPasswordRefused(await join(password), reason);
    expect(await joined()).toBe(0);
    expect(await countRows(ctx.db, members)).toBe(membersBefore);
  });

  it.each(['neli.n@example.test rocks', 'NIKOLOVA by the black sea', 'green tea with neli.n'])(
    '%j (the name or the e-mail) is refused as contains_personal',
    async (password) => {
      expectPasswordRefused(await join(password), 'contains_personal');
      expect(await joined()).toBe(0);
    },
  );

  it('a strong password joins', async () => {
    const response = await join('seven quiet owls at dawn');
    expect(response.statusCode, response.body).toBe(201);
    expect(await joined()).toBe(1);
  });
});

describe('a weak password at sign-in', () => {
  const ctx = useTestContext();
  const accounts = {
    short: { email: 'kiril@example.test', name: 'Kiril Kirov', password: 'kir123' },
    common: { email: 'maya@example.test', name: 'Maya Petrova', password: 'password123' },
    personal: { email: 'stefan@example.test', name: 'Stefan Stoyanov', password: 'stoyanov-family-garden' },
    strong: { email: 'vera@example.test', name: 'Vera Vasileva', password: 'violet kettle under a bridge' },
  };

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A' });
    for (const a of Object.values(accounts)) {
      await createMember(ctx.db, {
        organizationId: org.organization.id,
        sponsor: org.owner,
        name: a.name,
        account: { email: a.email, password: a.password },
      });
    }
  });

  const me = async (cookie: string) => {
    const response = await api(ctx.app, cookie).get('/api/v1/me');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it.each(['short', 'common', 'personal'] as const)(
    'a %s password signs in, and /me asks for a change',
    async (who) => {
      const cookie = await signIn(ctx.app, accounts[who].email, accounts[who].password);
      expect((await me(cookie)).user.passwordChangeRequired).toBe(true);
    },
  );

  it('a strong password signs in without being asked', async () => {
    const cookie = await signIn(ctx.app, accounts.strong.email, accounts.strong.password);
    expect((await me(cookie)).user.passwordChangeRequired).toBe(false);
  });

  it('a strong password at sign-in clears an earlier request (the password was changed another way)', async () => {
    await ctx.db
      .update(authUser)
      .set({ passwordChangeRequired: true })
      .where(eq(authUser.email, accounts.strong.email));
    const cookie = await signIn(ctx.app, accounts.strong.email, accounts.strong.password);
    expect((await me(cookie)).user.passwordChangeRequired).toBe(false);
  });

  it('a wrong password changes nothing', async () => {
    const response = await api(ctx.app).post('/api/v1/auth/sign-in', {
      email: accounts.strong.email,
      password: 'password',
    });
    expectError(response, 401, 'invalid_credentials');
    const [row] = await ctx.db.select().from(authUser).where(eq(authUser.email, accounts.strong.email));
    expect(row!.passwordChangeRequired).toBe(false);
  });
});

describe('passwords when changing one in Settings', () => {
  const ctx = useTestContext();
  const weak = { email: 'boris@example.test', name: 'Boris Borisov', password: '12345678' };
  let cookie = '';

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A' });
    await createMember(ctx.db, {
      organizationId: org.organization.id,
      sponsor: org.owner,
      name: weak.name,
      account: { email: weak.email, password: weak.password },
    });
    cookie = await signIn(ctx.app, weak.email, weak.password);
  });

  const change = (newPassword: string) =>
    api(ctx.app, cookie).post('/api/v1/me/password', { currentPassword: weak.password, newPassword });
  const required = async () =>
    (await api(ctx.app, cookie).get('/api/v1/me')).json().user.passwordChangeRequired;

  it('the account signed in with a weak password is asked to change it', async () => {
    expect(await required()).toBe(true);
  });

  it.each([
    ...WEAK,
    ['boris@example.test 2026', 'contains_personal'],
    ['the borisov family tree', 'contains_personal'],
  ] as [string, string][])('%j is refused as %s; the password stays as it was', async (password, reason) => {
    expectPasswordRefused(await change(password), reason, 'newPassword');
    expect(await required()).toBe(true);
  });

  it('a strong new password is taken and clears the request; it signs in without one', async () => {
    const response = await change('seven quiet owls at dawn');
    expect(response.statusCode, response.body).toBe(200);
    cookie = cookieHeader(response);
    expect(await required()).toBe(false);
    const again = await signIn(ctx.app, weak.email, 'seven quiet owls at dawn');
    expect((await api(ctx.app, again).get('/api/v1/me')).json().user.passwordChangeRequired).toBe(false);
  });
});
