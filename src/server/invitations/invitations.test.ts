// Invitation links: making, listing and revoking them; joining through one; and every way a link or a
// stranger is refused.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cookieHeader,
  countRows,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  type MemberRow,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { authUser, invitations, members } from '../../db/schema/index.ts';

const joiner = (n: number) => ({
  name: `Neli Nikolova ${n}`,
  email: `neli${n}@example.test`,
  password: 'a new long password',
  locale: 'bg',
  city: 'Бургас',
  country: 'bg',
});

describe('invitations', () => {
  const ctx = useTestContext();
  const m = {} as Record<'root' | 'anna' | 'bob' | 'carl' | 'otto', MemberRow>;
  const cookies = {} as Record<'root' | 'anna' | 'bob' | 'otto', string>;

  beforeAll(async () => {
    const org = await createOrganization(ctx.db, { name: 'Team A', owner: { name: 'Root Owner' } });
    m.root = org.owner;
    const orgId = org.organization.id;
    m.anna = (
      await createMember(ctx.db, {
        organizationId: orgId,
        sponsor: m.root,
        name: 'Anna',
        account: { email: 'anna@example.test' },
      })
    ).member;
    m.bob = (
      await createMember(ctx.db, {
        organizationId: orgId,
        sponsor: m.root,
        name: 'Bob',
        account: { email: 'bob@example.test' },
      })
    ).member;
    m.carl = (
      await createMember(ctx.db, {
        organizationId: orgId,
        sponsor: m.anna,
        name: 'Carl',
        kind: 'customer',
        account: false,
      })
    ).member;
    const other = await createOrganization(ctx.db, { name: 'Team B', owner: { email: 'otto@example.test' } });
    m.otto = other.owner;
    cookies.root = await signIn(ctx.app, org.ownerUser.email, DEFAULT_PASSWORD);
    cookies.anna = await signIn(ctx.app, 'anna@example.test', DEFAULT_PASSWORD);
    cookies.bob = await signIn(ctx.app, 'bob@example.test', DEFAULT_PASSWORD);
    cookies.otto = await signIn(ctx.app, 'otto@example.test', DEFAULT_PASSWORD);
  });

  const create = (cookie: string, body: Record<string, unknown> = {}) =>
    api(ctx.app, cookie).post('/api/v1/invitations', body);

  it('a member makes a personal partner link; it appears in their list', async () => {
    const response = await create(cookies.anna, { kind: 'partner', expiresInDays: 14 });
    expect(response.statusCode, response.body).toBe(201);
    const link = response.json();
    expect(link).toMatchObject({
      kind: 'partner',
      status: 'open',
      uses: 0,
      sponsor: { id: m.anna.id, name: 'Anna' },
    });
    expect(link.path).toBe(`/join/${link.token}`);
    const list = (await api(ctx.app, cookies.anna).get('/api/v1/invitations')).json();
    expect(list.map((l: { id: string }) => l.id)).toContain(link.id);
  });

  it('links are personal: nobody makes or lists them for someone else, except admins', async () => {
    // Her own downline's links are theirs (403); another branch is not there at all (404), so a member
    // cannot tell the ids of the organization's other members from unknown ones.
    expectError(await create(cookies.anna, { sponsorId: m.carl.id }), 403, 'forbidden');
    expectError(
      await api(ctx.app, cookies.anna).get(`/api/v1/invitations?sponsorId=${m.carl.id}`),
      403,
      'forbidden',
    );
    expectError(await create(cookies.anna, { sponsorId: m.bob.id }), 404, 'not_found');
    expectError(
      await api(ctx.app, cookies.anna).get(`/api/v1/invitations?sponsorId=${m.bob.id}`),
      404,
      'not_found',
    );
    expect((await create(cookies.root, { sponsorId: m.bob.id })).statusCode).toBe(201);
    expectError(await create(cookies.otto, { sponsorId: m.anna.id }), 404, 'not_found');
  });

  it('names bad fields', async () => {
    const body = expectError(
      await create(cookies.anna, { kind: 'boss', expiresInDays: 0, maxUses: -1 }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(body).sort()).toEqual(['expiresInDays', 'kind', 'maxUses']);
  });

  it('the join page tells whose link it is, publicly', async () => {
    const link = (await create(cookies.anna, { kind: 'customer' })).json();
    const info = await api(ctx.app).get(`/api/v1/join/${link.token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({
      status: 'open',
      kind: 'customer',
      organization: { name: 'Team A' },
      sponsor: { name: 'Anna' },
      name: null,
      email: null,
      signedInAs: null,
    });
    // The page's one request also says who is signed in on the device (it offers to sign out first).
    const signedIn = await api(ctx.app, cookies.bob).get(`/api/v1/join/${link.token}`);
    expect(signedIn.json().signedInAs).toEqual({ name: 'Bob' });
  });

  it('an unknown or malformed token is a 404', async () => {
    const link = (await create(cookies.anna)).json();
    const forged = `${link.token.slice(0, 22)}${'A'.repeat(24)}`;
    expectError(await api(ctx.app).get(`/api/v1/join/${forged}`), 404, 'not_found');
    expectError(await api(ctx.app).get('/api/v1/join/not-a-token'), 404, 'not_found');
    // The organization part of another organization's token does not open this one's links.
    const otto = (await create(cookies.otto)).json();
    expectError(
      await api(ctx.app).get(`/api/v1/join/${otto.token.slice(0, 22)}${link.token.slice(22)}`),
      404,
      'not_found',
    );
  });

  it('joining creates the account and the member under the sponsor, signed in', async () => {
    const link = (await create(cookies.anna, { kind: 'customer', maxUses: 1 })).json();
    const response = await api(ctx.app).post(`/api/v1/join/${link.token}`, joiner(1));
    expect(response.statusCode, response.body).toBe(201);
    const me = (await api(ctx.app, cookieHeader(response)).get('/api/v1/me')).json();
    expect(me.user).toMatchObject({ name: 'Neli Nikolova 1', locale: 'bg' });
    const [member] = await ctx.db.select().from(members).where(eq(members.id, me.member.id));
    expect(member).toMatchObject({
      sponsorId: m.anna.id,
      kind: 'customer',
      city: 'Бургас',
      country: 'BG',
      depth: 2,
      role: 'member',
    });
    expect(member!.path.startsWith(m.anna.path)).toBe(true);
    const [row] = await ctx.db.select().from(invitations).where(eq(invitations.id, link.id));
    expect(row!.uses).toBe(1);
  });

  it('a used-up, revoked or expired link is refused with a reason, and nothing is written', async () => {
    const usedUp = (await create(cookies.anna, { maxUses: 1 })).json();
    expect((await api(ctx.app).post(`/api/v1/join/${usedUp.token}`, joiner(2))).statusCode).toBe(201);

    const revoked = (await create(cookies.anna)).json();
    const revoke = await api(ctx.app, cookies.anna).post(`/api/v1/invitations/${revoked.id}/revoke`, {});
    expect(revoke.json().status).toBe('revoked');

    const expired = (await create(cookies.anna, { expiresInDays: 1 })).json();
    ctx.clock.advance(2 * 24 * 60 * 60 * 1000);

    const users = await countRows(ctx.db, authUser);
    const people = await countRows(ctx.db, members);
    for (const [link, status] of [
      [usedUp, 'used_up'],
      [revoked, 'revoked'],
      [expired, 'expired'],
    ] as const) {
      expect((await api(ctx.app).get(`/api/v1/join/${link.token}`)).json().status).toBe(status);
      expectError(await api(ctx.app).post(`/api/v1/join/${link.token}`, joiner(3)), 410, 'invitation_closed');
    }
    expect(await countRows(ctx.db, authUser)).toBe(users);
    expect(await countRows(ctx.db, members)).toBe(people);
  });

  it('a country that is no ISO 3166 code is a 400 naming `country`; nothing is written', async () => {
    const link = (await create(cookies.anna, { maxUses: 1 })).json();
    const users = await countRows(ctx.db, authUser);
    const people = await countRows(ctx.db, members);
    for (const country of ['XX', 'BGR', 'България']) {
      const body = expectError(
        await api(ctx.app).post(`/api/v1/join/${link.token}`, { ...joiner(6), country }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['country']);
    }
    expect(await countRows(ctx.db, authUser)).toBe(users);
    expect(await countRows(ctx.db, members)).toBe(people);
    expect((await api(ctx.app).get(`/api/v1/join/${link.token}`)).json().status).toBe('open');
  });

  it('a taken e-mail is a 409 naming the field, and the link is not used up', async () => {
    const link = (await create(cookies.anna, { maxUses: 1 })).json();
    const body = expectError(
      await api(ctx.app).post(`/api/v1/join/${link.token}`, { ...joiner(4), email: 'bob@example.test' }),
      409,
      'email_taken',
    );
    expect(fieldPaths(body)).toEqual(['email']);
    expect((await api(ctx.app).get(`/api/v1/join/${link.token}`)).json().status).toBe('open');
  });

  it('a member added by hand gets their account through a one-time link', async () => {
    await ctx.db.update(members).set({ city: 'Варна', country: 'BG' }).where(eq(members.id, m.carl.id));
    const response = await create(cookies.anna, { memberId: m.carl.id });
    expect(response.statusCode, response.body).toBe(201);
    const link = response.json();
    expect(link).toMatchObject({ memberId: m.carl.id, maxUses: 1, kind: 'customer', name: 'Carl' });
    const joined = await api(ctx.app).post(`/api/v1/join/${link.token}`, {
      ...joiner(5),
      name: 'Carl Petrov',
      city: '',
      country: undefined,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const [carl] = await ctx.db
      .select()
      .from(members)
      .where(and(eq(members.id, m.carl.id)));
    expect(carl!.userId).not.toBeNull();
    expect(carl!.name).toBe('Carl Petrov');
    // What the sponsor wrote stays where the new member left a field empty.
    expect(carl).toMatchObject({ city: 'Варна', country: 'BG' });
    expectError(await create(cookies.anna, { memberId: m.carl.id }), 409, 'already_member');
  });

  it('nobody outside the member’s upline makes that link', async () => {
    const dan = (
      await createMember(ctx.db, { organizationId: m.root.organizationId, sponsor: m.anna, account: false })
    ).member;
    expectError(await create(cookies.bob, { memberId: dan.id }), 404, 'not_found');
    expectError(await create(cookies.otto, { memberId: dan.id }), 404, 'not_found');
  });

  it('only the link’s owner or an admin revokes it', async () => {
    const link = (await create(cookies.anna)).json();
    expectError(
      await api(ctx.app, cookies.bob).post(`/api/v1/invitations/${link.id}/revoke`, {}),
      404,
      'not_found',
    );
    expectError(
      await api(ctx.app, cookies.otto).post(`/api/v1/invitations/${link.id}/revoke`, {}),
      404,
      'not_found',
    );
    expect(
      (await api(ctx.app, cookies.root).post(`/api/v1/invitations/${link.id}/revoke`, {})).json().status,
    ).toBe('revoked');
  });
});
