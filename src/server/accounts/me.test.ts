// The signed-in person: reading and changing their name, interface language, own city and country.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authUser, members } from '../../../src/db/schema/index.ts';
import {
  api,
  createMember,
  expectError,
  fieldPaths,
  OWNER,
  signIn,
  signUpOwner,
  useTestContext,
} from '../../../tests/support/index.ts';

describe('/api/v1/me', () => {
  const ctx = useTestContext();
  let cookie: string;

  it('anonymous requests are 401 unauthenticated', async () => {
    expectError(await api(ctx.app).get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await api(ctx.app).patch('/api/v1/me', { locale: 'de' }), 401, 'unauthenticated');
    expectError(
      await api(ctx.app).patch('/api/v1/me', { city: 'Varna', country: 'BG' }),
      401,
      'unauthenticated',
    );
  });

  it('returns the person, their member and organization', async () => {
    cookie = await signUpOwner(ctx.app, { locale: 'bg' });
    const response = await api(ctx.app, cookie).get('/api/v1/me');
    expect(response.statusCode, response.body).toBe(200);
    const me = response.json();
    expect(me).toEqual({
      user: {
        id: expect.any(String),
        name: OWNER.name,
        email: OWNER.email,
        locale: 'bg',
        passwordChangeRequired: false,
      },
      member: {
        id: expect.any(String),
        role: 'admin',
        timeZone: null,
        city: null,
        country: null,
        reviewWeekday: null,
      },
      organization: {
        id: expect.any(String),
        name: OWNER.organizationName,
        defaultLocale: 'bg',
        reviewWeekday: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
  });

  it('an unsupported locale is a 400 naming `locale`', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', { locale: 'fr' });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(['locale']);
  });

  it('an empty name is a 400 naming `name`', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', { name: '   ' });
    const body = expectError(response, 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(['name']);
  });

  it('a patch that changes nothing is a 400', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', {});
    expectError(response, 400, 'validation_failed');
  });

  it('changing the locale persists', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', { locale: 'de' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.locale).toBe('de');
    const again = await api(ctx.app, cookie).get('/api/v1/me');
    expect(again.json().user).toMatchObject({ locale: 'de', name: OWNER.name });
  });

  it('changing the name persists, on the account and on the member', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', { name: '  Olivia Renamed ' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ name: 'Olivia Renamed', locale: 'de' });
    const again = await api(ctx.app, cookie).get('/api/v1/me');
    expect(again.json().user).toMatchObject({ name: 'Olivia Renamed', locale: 'de' });
    const [member] = await ctx.db.select().from(members).where(eq(members.id, again.json().member.id));
    expect(member!.name).toBe('Olivia Renamed');
  });

  it('my own city and country are set, shown and cleared; the country reads in any case', async () => {
    const response = await api(ctx.app, cookie).patch('/api/v1/me', { city: ' Пловдив ', country: 'bg' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().member).toMatchObject({ city: 'Пловдив', country: 'BG' });
    expect((await api(ctx.app, cookie).get('/api/v1/me')).json().member).toMatchObject({
      city: 'Пловдив',
      country: 'BG',
    });
    // Leaving one out keeps it; an empty one clears it.
    const cleared = await api(ctx.app, cookie).patch('/api/v1/me', { city: '' });
    expect(cleared.json().member).toMatchObject({ city: null, country: 'BG' });
    const [member] = await ctx.db.select().from(members).where(eq(members.id, cleared.json().member.id));
    expect(member).toMatchObject({ city: null, country: 'BG' });
  });

  it('a country that is no ISO 3166 code is a 400 naming `country`, and nothing is written', async () => {
    for (const country of ['XX', 'DEU', 'Germany', 'D']) {
      const response = await api(ctx.app, cookie).patch('/api/v1/me', {
        name: 'Not Saved',
        city: 'Varna',
        country,
      });
      const body = expectError(response, 400, 'validation_failed');
      expect(fieldPaths(body)).toEqual(['country']);
      expect(body.error.fields![0]!.code).toBe('country');
    }
    const me = (await api(ctx.app, cookie).get('/api/v1/me')).json();
    expect(me.user.name).toBe('Olivia Renamed');
    expect(me.member).toMatchObject({ city: null, country: 'BG' });
  });

  it('the weekday of the weekly analysis shows mine and the organization’s', async () => {
    const own = await api(ctx.app, cookie).put('/api/v1/reviews/settings/weekday', { weekday: 5 });
    expect(own.statusCode, own.body).toBe(200);
    const org = await api(ctx.app, cookie).put('/api/v1/reviews/settings/organization-weekday', {
      weekday: 7,
    });
    expect(org.statusCode, org.body).toBe(200);
    const me = (await api(ctx.app, cookie).get('/api/v1/me')).json();
    expect(me.member.reviewWeekday).toBe(5);
    expect(me.organization.reviewWeekday).toBe(7);
  });

  it('a plain member sees their own record and may change it', async () => {
    const [owner] = await ctx.db.select().from(members);
    const { member, user } = await createMember(ctx.db, {
      organizationId: owner!.organizationId,
      sponsor: owner!,
      name: 'Max Member',
    });
    const memberCookie = await signIn(ctx.app, user!.email, user!.password);
    const me = await api(ctx.app, memberCookie).get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: user!.email, name: 'Max Member', locale: null },
      member: { id: member.id, role: 'member' },
      organization: { id: owner!.organizationId },
    });
    const patch = await api(ctx.app, memberCookie).patch('/api/v1/me', {
      name: 'Max M.',
      city: 'Varna',
      country: 'BG',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const [ownerUser] = await ctx.db.select().from(authUser).where(eq(authUser.id, owner!.userId!));
    expect(ownerUser!.name).toBe('Olivia Renamed');
    // Only the caller's own member changes: the owner keeps their city.
    const rows = await ctx.db.select().from(members);
    expect(rows.find((r) => r.id === member.id)).toMatchObject({ city: 'Varna', country: 'BG' });
    expect(rows.find((r) => r.id === owner!.id)).toMatchObject({ city: null, country: 'BG' });
  });
});
