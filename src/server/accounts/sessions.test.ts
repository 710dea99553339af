// Sessions and ended memberships: a member marked as left opens nothing in that organization from the
// next request on (their other organizations stay open), a password change ends the account's other
// sessions, and an admin can sign a member out on every device.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cookieHeader,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  type MemberRow,
  signIn,
  signInRequest,
  useTestContext,
} from '../../../tests/support/index.ts';
import { authSession, members } from '../../db/schema/index.ts';
import { placeMember } from '../structure/tree.ts';

describe('sessions', () => {
  const ctx = useTestContext();
  //   Team A: root (admin) ── lena ── max;  root ── nina (no account)
  //   Team B: otto (admin); lena is a member there too (since later).
  const m = {} as Record<'root' | 'lena' | 'max' | 'nina' | 'otto' | 'lenaInB', MemberRow>;
  const cookies = {} as Record<'root' | 'lena' | 'max' | 'otto', string>;
  const email = (who: string) => `${who}@example.test`;

  const sessionsOf = async (member: MemberRow) =>
    (await ctx.db.select().from(authSession).where(eq(authSession.userId, member.userId!))).length;

  beforeAll(async () => {
    const a = await createOrganization(ctx.db, { name: 'Team A', owner: { email: email('root') } });
    m.root = a.owner;
    const add = async (name: string, sponsor: MemberRow, account = true) =>
      (
        await createMember(ctx.db, {
          organizationId: a.organization.id,
          sponsor,
          name,
          account: account ? { email: email(name) } : false,
        })
      ).member;
    m.lena = await add('lena', m.root);
    m.max = await add('max', m.lena);
    m.nina = await add('nina', m.root, false);
    const b = await createOrganization(ctx.db, { name: 'Team B', owner: { email: email('otto') } });
    m.otto = b.owner;
    m.lenaInB = (await placeMember(ctx.db, b.organization.id, m.otto.id, {
      userId: m.lena.userId,
      name: 'lena',
      email: email('lena'),
      kind: 'partner',
      status: 'active',
      role: 'member',
      joinedOn: '2026-02-01',
    }))!;
    for (const who of ['root', 'lena', 'max', 'otto'] as const)
      cookies[who] = await signIn(ctx.app, email(who), DEFAULT_PASSWORD);
  });

  describe('an ended membership', () => {
    const setStatus = async (member: MemberRow, status: 'active' | 'inactive' | 'left') => {
      const response = await api(ctx.app, cookies.root).patch(`/api/v1/members/${member.id}`, { status });
      expect(response.statusCode, response.body).toBe(200);
    };

    it('a member marked as left is refused at once, with the session they already hold', async () => {
      const maxMe = await api(ctx.app, cookies.max).get('/api/v1/me');
      expect(maxMe.json().organization.name).toBe('Team A');
      await setStatus(m.max, 'left');
      expectError(await api(ctx.app, cookies.max).get('/api/v1/me'), 401, 'unauthenticated');
      expectError(await api(ctx.app, cookies.max).get('/api/v1/contacts'), 401, 'unauthenticated');
      expectError(
        await api(ctx.app, cookies.max).patch('/api/v1/me', { name: 'Still here' }),
        401,
        'unauthenticated',
      );
      const [row] = await ctx.db.select().from(members).where(eq(members.id, m.max.id));
      expect(row!.name).toBe('max');
    });

    it('signing in again is refused with the reason, and makes no session', async () => {
      const before = await sessionsOf(m.max);
      const response = await signInRequest(ctx.app, email('max'), DEFAULT_PASSWORD);
      expectError(response, 403, 'membership_ended');
      expect(cookieHeader(response)).not.toContain('downline.session_token=');
      expect(await sessionsOf(m.max)).toBe(before);
      // A wrong password still says only that the credentials are wrong.
      expectError(await signInRequest(ctx.app, email('max'), 'not the password'), 401, 'invalid_credentials');
    });

    it('an inactive member is still a member; made active again, the member is back', async () => {
      await setStatus(m.max, 'inactive');
      expect((await api(ctx.app, cookies.max).get('/api/v1/me')).statusCode).toBe(200);
      await setStatus(m.max, 'active');
      expect((await api(ctx.app, cookies.max).get('/api/v1/me')).statusCode).toBe(200);
    });

    it('the same account keeps its other organizations', async () => {
      expect((await api(ctx.app, cookies.lena).get('/api/v1/me')).json().organization.name).toBe('Team A');
      await setStatus(m.lena, 'left');
      const me = await api(ctx.app, cookies.lena).get('/api/v1/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json()).toMatchObject({ organization: { name: 'Team B' }, member: { id: m.lenaInB.id } });
      // Nothing of Team A opens any more: her old downline is not found.
      expectError(await api(ctx.app, cookies.lena).get(`/api/v1/members/${m.max.id}`), 404, 'not_found');
      // And she can still sign in, into Team B.
      const cookie = await signIn(ctx.app, email('lena'), DEFAULT_PASSWORD);
      expect((await api(ctx.app, cookie).get('/api/v1/me')).json().organization.name).toBe('Team B');
      await setStatus(m.lena, 'active');
      expect((await api(ctx.app, cookies.lena).get('/api/v1/me')).json().organization.name).toBe('Team A');
    });
  });

  describe('an admin signs a member out', () => {
    const signOut = (cookie: string | null, member: MemberRow) =>
      api(ctx.app, cookie).post(`/api/v1/members/${member.id}/sign-out`);

    it('is refused to the anonymous (401), a non-admin (403 in their downline, 404 elsewhere) and another organization (404)', async () => {
      const before = await sessionsOf(m.max);
      expectError(await signOut(null, m.max), 401, 'unauthenticated');
      expectError(await signOut(cookies.lena, m.max), 403, 'forbidden');
      expectError(await signOut(cookies.max, m.lena), 404, 'not_found');
      expectError(await signOut(cookies.max, m.root), 404, 'not_found');
      expectError(await signOut(cookies.otto, m.max), 404, 'not_found');
      expectError(await signOut(cookies.otto, m.lena), 404, 'not_found');
      expectError(
        await api(ctx.app, cookies.root).post('/api/v1/members/not-a-uuid/sign-out'),
        400,
        'validation_failed',
      );
      expect(await sessionsOf(m.max)).toBe(before);
      expect((await api(ctx.app, cookies.max).get('/api/v1/me')).statusCode).toBe(200);
    });

    it('ends every session of the member’s account; others stay signed in', async () => {
      const second = await signIn(ctx.app, email('max'), DEFAULT_PASSWORD);
      const response = await signOut(cookies.root, m.max);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ sessionsEnded: 2 });
      for (const cookie of [cookies.max, second])
        expectError(await api(ctx.app, cookie).get('/api/v1/me'), 401, 'unauthenticated');
      expect(await sessionsOf(m.max)).toBe(0);
      expect((await api(ctx.app, cookies.root).get('/api/v1/me')).statusCode).toBe(200);
      expect((await api(ctx.app, cookies.lena).get('/api/v1/me')).statusCode).toBe(200);
      // They can sign in again with their password.
      cookies.max = await signIn(ctx.app, email('max'), DEFAULT_PASSWORD);
    });

    it('a member without an account has no session to end', async () => {
      const response = await signOut(cookies.root, m.nina);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ sessionsEnded: 0 });
    });
  });

  describe('a password change', () => {
    const NEW_PASSWORD = 'a new and long password';
    const change = (cookie: string | null, body: Record<string, unknown>) =>
      api(ctx.app, cookie).post('/api/v1/me/password', body);

    it('needs a session and the current password', async () => {
      expectError(
        await change(null, { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }),
        401,
        'unauthenticated',
      );
      const before = await sessionsOf(m.max);
      const wrong = await change(cookies.max, { currentPassword: 'not it', newPassword: NEW_PASSWORD });
      const body = expectError(wrong, 400, 'validation_failed');
      expect(body.error.fields).toEqual([
        expect.objectContaining({ path: 'currentPassword', code: 'wrong_password' }),
      ]);
      const short = expectError(
        await change(cookies.max, { currentPassword: DEFAULT_PASSWORD }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(short)).toEqual(['newPassword']);
      expect(await sessionsOf(m.max)).toBe(before);
      expect((await signInRequest(ctx.app, email('max'), DEFAULT_PASSWORD)).statusCode).toBe(200);
    });

    it('ends every other session of the account and keeps this device signed in', async () => {
      const other = await signIn(ctx.app, email('max'), DEFAULT_PASSWORD);
      const response = await change(cookies.max, {
        currentPassword: DEFAULT_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode, response.body).toBe(200);
      const current = cookieHeader(response);
      expect(current).toContain('downline.session_token=');
      expect((await api(ctx.app, current).get('/api/v1/me')).statusCode).toBe(200);
      expectError(await api(ctx.app, other).get('/api/v1/me'), 401, 'unauthenticated');
      expect(await sessionsOf(m.max)).toBe(1);
      expectError(await signInRequest(ctx.app, email('max'), DEFAULT_PASSWORD), 401, 'invalid_credentials');
      expect((await signInRequest(ctx.app, email('max'), NEW_PASSWORD)).statusCode).toBe(200);
    });
  });
});
