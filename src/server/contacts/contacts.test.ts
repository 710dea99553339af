// Contacts: the two lists, search and filters, the interaction log and follow-ups, sharing with the
// sponsor, inviting a contact who then joins, counts for the upline — and every denied case.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
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
import { contactInteractions, contacts, invitations, members } from '../../db/schema/index.ts';

type Who = 'root' | 'uma' | 'anna' | 'bob' | 'carl' | 'ada' | 'otto';

describe('contacts', () => {
  const ctx = useTestContext();
  const m = {} as Record<Who, MemberRow>;
  const cookies = {} as Record<Who, string>;
  const as = (who: Who) => api(ctx.app, cookies[who]);

  beforeAll(async () => {
    // root (admin) ─┬─ uma ── anna (София, BG) ── bob (Berlin, DE)
    //               └─ carl ── ada (admin)
    // otto: another organization.
    const org = await createOrganization(ctx.db, { name: 'Team A', owner: { email: 'root@example.test' } });
    const orgId = org.organization.id;
    m.root = org.owner;
    const add = async (
      name: Exclude<Who, 'root' | 'otto'>,
      sponsor: MemberRow,
      city: string | null,
      role: 'admin' | 'member' = 'member',
    ) =>
      (
        await createMember(ctx.db, {
          organizationId: orgId,
          sponsor,
          name,
          city,
          role,
          account: { email: `${name}@example.test` },
        })
      ).member;
    m.uma = await add('uma', m.root, 'София');
    m.anna = await add('anna', m.uma, 'София');
    m.bob = await add('bob', m.anna, 'Berlin');
    m.carl = await add('carl', m.root, 'София');
    m.ada = await add('ada', m.carl, 'Варна', 'admin');
    await ctx.db.update(members).set({ country: 'BG' }).where(eq(members.id, m.anna.id));
    await ctx.db.update(members).set({ country: 'DE' }).where(eq(members.id, m.bob.id));
    const other = await createOrganization(ctx.db, { name: 'Team B', owner: { email: 'otto@example.test' } });
    m.otto = other.owner;
    for (const who of ['root', 'uma', 'anna', 'bob', 'carl', 'ada', 'otto'] as const)
      cookies[who] = await signIn(ctx.app, `${who}@example.test`, DEFAULT_PASSWORD);
  });

  const add = async (who: Who, body: Record<string, unknown>) => {
    const response = await as(who).post('/api/v1/contacts', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; list: string; [key: string]: unknown };
  };

  describe('the two lists', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.maria = (await add('anna', { name: 'Мария Петрова', phone: '0888 123 456', city: 'софия' })).id;
      ids.ivan = (
        await add('anna', { name: 'Иван Иванов', city: 'Пловдив', tags: ['здраве', '#здраве', 'спорт'] })
      ).id;
      ids.georgi = (await add('anna', { name: 'Георги', city: ' ПЛОВДИВ ', relationship: 'colleague' })).id;
      ids.elena = (await add('anna', { name: 'Елена', city: 'Варна', stage: 'invited', tags: ['Спорт'] })).id;
      ids.nocity = (await add('anna', { name: 'Без град' })).id;
    });

    it('derives list 1 from the member’s city (case-insensitive) and counts cities of list 2', async () => {
      const overview = (await as('anna').get('/api/v1/contacts/overview')).json();
      expect(overview).toMatchObject({
        total: 5,
        lists: { own: 2, other: 3 },
        ownCity: 'София',
        addedThisWeek: 5,
        addedThisMonth: 5,
        stages: { new: 4, invited: 1, contacted: 0 },
        due: 0,
      });
      expect(overview.cities).toEqual([
        { city: expect.stringMatching(/Пловдив/i), count: 2 },
        { city: 'Варна', count: 1 },
      ]);
      expect(overview.tags).toEqual([
        { tag: 'Спорт', count: 2 },
        { tag: 'здраве', count: 1 },
      ]);
      const own = (await as('anna').get('/api/v1/contacts?list=own')).json();
      expect(own.rows.map((r: { name: string }) => r.name)).toEqual(['Без град', 'Мария Петрова']);
      const plovdiv = (
        await as('anna').get(`/api/v1/contacts?list=other&city=${encodeURIComponent('пловдив')}`)
      ).json();
      expect(plovdiv.total).toBe(2);
    });

    it('a list chosen by hand wins over the cities, and “auto” derives it again', async () => {
      let contact = (await as('anna').patch(`/api/v1/contacts/${ids.elena}`, { list: 'own' })).json();
      expect(contact).toMatchObject({ list: 'own', listChosen: true });
      contact = (await as('anna').patch(`/api/v1/contacts/${ids.elena}`, { list: null })).json();
      expect(contact).toMatchObject({ list: 'other', listChosen: false });
    });

    it('searches as you type over name, city, phone digits and tags, accent- and case-insensitive', async () => {
      const names = async (q: string) =>
        (await as('anna').get(`/api/v1/contacts?q=${encodeURIComponent(q)}`))
          .json()
          .rows.map((r: { name: string }) => r.name);
      expect(await names('мари')).toEqual(['Мария Петрова']);
      expect(await names('123456')).toEqual(['Мария Петрова']);
      expect(await names('пловдив')).toEqual(['Георги', 'Иван Иванов']);
      expect(await names('ЗДРАВЕ')).toEqual(['Иван Иванов']);
      expect(await names('иван пловдив')).toEqual(['Иван Иванов']);
      // Tags compare like search: case does not matter.
      const byTag = (await as('anna').get(`/api/v1/contacts?tag=${encodeURIComponent('спорт')}`)).json();
      expect(byTag.rows.map((r: { name: string }) => r.name)).toEqual(['Елена', 'Иван Иванов']);
      const byStage = (await as('anna').get('/api/v1/contacts?stage=invited')).json();
      expect(byStage.rows.map((r: { name: string }) => r.name)).toEqual(['Елена']);
    });

    it('what people type is matched literally: % and _ are no wildcards', async () => {
      const room = await add('carl', { name: 'Room 1000' });
      const found = async (q: string) =>
        (await as('carl').get(`/api/v1/contacts?q=${encodeURIComponent(q)}`))
          .json()
          .rows.map((r: { id: string }) => r.id);
      expect(await found('100')).toEqual([room.id]);
      expect(await found('100%')).toEqual([]);
      expect(await found('10_0')).toEqual([]);
      await as('carl').delete(`/api/v1/contacts/${room.id}`);
    });

    it('pages and sorts', async () => {
      const page = (
        await as('anna').get('/api/v1/contacts?limit=2&offset=2&sort=name&direction=desc')
      ).json();
      expect(page.total).toBe(5);
      expect(page.rows.map((r: { name: string }) => r.name)).toEqual(['Елена', 'Георги']);
    });

    it('names the field of bad input and writes nothing', async () => {
      const before = await countRows(ctx.db, contacts);
      for (const [body, field] of [
        [{ name: '' }, 'name'],
        [{ name: 'A', email: 'not-an-email' }, 'email'],
        [{ name: 'A', stage: 'maybe' }, 'stage'],
        [{ name: 'A', relationship: 'boss' }, 'relationship'],
        [{ name: 'A', nextFollowUpOn: '2026-02-30' }, 'nextFollowUpOn'],
        [{ name: 'A', tags: ['x'.repeat(41)] }, 'tags.0'],
        [{ name: 'A', notes: 'x'.repeat(4001) }, 'notes'],
      ] as const) {
        const body400 = expectError(
          await as('anna').post('/api/v1/contacts', body),
          400,
          'validation_failed',
        );
        expect(fieldPaths(body400)).toContain(field);
      }
      expectError(await as('anna').get('/api/v1/contacts?stage=maybe'), 400, 'validation_failed');
      expectError(await as('anna').patch(`/api/v1/contacts/${ids.maria}`, {}), 400, 'validation_failed');
      expect(await countRows(ctx.db, contacts)).toBe(before);
    });
  });

  it('growth counts the contacts added this week (from Monday) and this month', async () => {
    ctx.clock.set('2026-02-27T09:00:00.000Z'); // last month
    await add('root', { name: 'February' });
    ctx.clock.set('2026-03-08T09:00:00.000Z'); // Sunday of last week
    await add('root', { name: 'Last week' });
    ctx.clock.set('2026-03-15T10:00:00.000Z'); // Sunday
    await add('root', { name: 'This week' });
    const counts = (await as('root').get('/api/v1/contacts/overview')).json();
    expect(counts).toMatchObject({ total: 3, addedThisWeek: 1, addedThisMonth: 2 });
    // The device's date decides the week: on Monday the 16th a new week has begun.
    const monday = (await as('root').get('/api/v1/contacts/overview?today=2026-03-16')).json();
    expect(monday).toMatchObject({ addedThisWeek: 0, addedThisMonth: 2 });
  });

  describe('interactions and follow-ups', () => {
    it('logging a call sets the last contact, moves a new contact on and sets the follow-up', async () => {
      const today = ctx.clock.today();
      const contact = await add('bob', { name: 'Klaus Weber', phone: '0171 2345678', city: 'Hamburg' });
      const logged = await as('bob').post(`/api/v1/contacts/${contact.id}/interactions`, {
        kind: 'call',
        outcome: 'interested',
        note: 'Wants to hear more about the products',
        nextFollowUpOn: '2026-03-17',
      });
      expect(logged.statusCode, logged.body).toBe(201);
      expect(logged.json().contact).toMatchObject({
        stage: 'contacted',
        lastContactOn: today,
        nextFollowUpOn: '2026-03-17',
      });
      expect(logged.json().interactions).toEqual([
        expect.objectContaining({
          kind: 'call',
          outcome: 'interested',
          stage: 'contacted',
          occurredOn: today,
        }),
      ]);

      // Not due today; due once the day comes (the device's date, or the server's).
      expect((await as('bob').get('/api/v1/contacts/due')).json().total).toBe(0);
      expect((await as('bob').get('/api/v1/contacts/due?today=2026-03-17')).json()).toMatchObject({
        total: 1,
        overdue: 0,
        rows: [{ id: contact.id }],
      });
      ctx.clock.advance(3 * 24 * 60 * 60 * 1000);
      const due = (await as('bob').get('/api/v1/contacts/due')).json();
      expect(due).toMatchObject({ total: 1, overdue: 1 });
      expect((await as('bob').get('/api/v1/contacts?due=true')).json().total).toBe(1);

      // Following up without a new date: the due follow-up is done.
      const followed = await as('bob').post(`/api/v1/contacts/${contact.id}/interactions`, {
        kind: 'two_plus_one',
        outcome: 'meeting_agreed',
        stage: 'presented',
      });
      expect(followed.json().contact).toMatchObject({ stage: 'presented', nextFollowUpOn: null });
      expect((await as('bob').get('/api/v1/contacts/due')).json().total).toBe(0);
      ctx.clock.set('2026-03-15T10:00:00.000Z');
    });

    it('overdue follow-ups come first; a log entry can be removed', async () => {
      const a = await add('carl', { name: 'Later', nextFollowUpOn: '2026-03-14' });
      const b = await add('carl', { name: 'Earlier', nextFollowUpOn: '2026-03-01' });
      await add('carl', { name: 'Future', nextFollowUpOn: '2026-04-01' });
      const due = (await as('carl').get('/api/v1/contacts/due?today=2026-03-15')).json();
      expect(due.rows.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);

      const logged = (
        await as('carl').post(`/api/v1/contacts/${a.id}/interactions`, {
          kind: 'message',
          occurredOn: '2026-03-10',
        })
      ).json();
      const entry = logged.interactions[0].id;
      expect(logged.contact.lastContactOn).toBe('2026-03-10');
      expect((await as('carl').delete(`/api/v1/contacts/${a.id}/interactions/${entry}`)).statusCode).toBe(
        204,
      );
      const after = (await as('carl').get(`/api/v1/contacts/${a.id}`)).json();
      expect(after.interactions).toEqual([]);
      expect(after.contact.lastContactOn).toBeNull();
      expectError(
        await as('carl').delete(`/api/v1/contacts/${a.id}/interactions/${entry}`),
        404,
        'not_found',
      );
    });

    it('refuses a future date and unknown kinds, naming the field', async () => {
      const contact = await add('carl', { name: 'Dates' });
      let body = expectError(
        await as('carl').post(`/api/v1/contacts/${contact.id}/interactions`, {
          kind: 'call',
          occurredOn: '2030-01-01',
        }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['occurredOn']);
      body = expectError(
        await as('carl').post(`/api/v1/contacts/${contact.id}/interactions`, { kind: 'fax' }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['kind']);
      expect(
        await ctx.db
          .select()
          .from(contactInteractions)
          .where(and(eq(contactInteractions.contactId, contact.id))),
      ).toEqual([]);
    });
  });

  describe('privacy', () => {
    let secret: { id: string };
    let entry: string;

    beforeAll(async () => {
      secret = await add('bob', {
        name: 'Sabine Schulz',
        phone: '+49 30 1234567',
        notes: 'Private: going through a divorce',
        city: 'Berlin',
      });
      entry = (
        await as('bob').post(`/api/v1/contacts/${secret.id}/interactions`, {
          kind: 'meeting',
          note: 'coffee',
        })
      ).json().interactions[0].id;
    });

    const everyRoute = (id: string) =>
      [
        ['GET', `/api/v1/contacts/${id}`, undefined],
        ['PATCH', `/api/v1/contacts/${id}`, { name: 'Taken' }],
        ['DELETE', `/api/v1/contacts/${id}`, undefined],
        ['POST', `/api/v1/contacts/${id}/interactions`, { kind: 'call' }],
        ['DELETE', `/api/v1/contacts/${id}/interactions/${entry}`, undefined],
        ['PUT', `/api/v1/contacts/${id}/share`, { shared: true }],
        ['POST', `/api/v1/contacts/${id}/invitation`, { kind: 'partner' }],
      ] as const;

    /** The contact's row, its log and the invitations: a refused write must leave them as they were. */
    const snapshot = async () => ({
      contact: (await ctx.db.select().from(contacts).where(eq(contacts.id, secret.id)))[0],
      log: await ctx.db
        .select()
        .from(contactInteractions)
        .where(eq(contactInteractions.contactId, secret.id)),
      invitations: await countRows(ctx.db, invitations),
    });

    const lists = [
      '/api/v1/contacts',
      '/api/v1/contacts?q=sabine',
      '/api/v1/contacts/due?today=2030-01-01',
      '/api/v1/contacts/shared',
      '/api/v1/contacts/overview',
      '/api/v1/contacts/export.csv',
      '/api/v1/contacts/export.vcf',
    ];

    const expectNoAccess = async (who: Who) => {
      for (const [method, url, body] of everyRoute(secret.id)) {
        const response = await as(who).request(method, url, body);
        expectError(response, 404, 'not_found');
        expect(response.body).not.toContain('Sabine');
      }
      for (const url of lists) {
        const response = await as(who).get(url);
        expect(response.statusCode, `${who} ${url}`).toBe(200);
        expect(response.body).not.toMatch(/Sabine|divorce/);
      }
    };

    it('nobody but the owner reaches an unshared contact: not the sponsor, upline, admins, other branch or organization', async () => {
      const before = await snapshot();
      for (const who of ['anna', 'uma', 'root', 'carl', 'ada', 'otto'] as const) await expectNoAccess(who);
      expect(await snapshot()).toEqual(before);
    });

    it('anonymous requests are refused', async () => {
      for (const [method, url, body] of everyRoute(secret.id))
        expectError(await api(ctx.app).request(method, url, body), 401, 'unauthenticated');
    });

    it('a guessed id is not found, a malformed one is a 400', async () => {
      expectError(
        await as('bob').get('/api/v1/contacts/00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      );
      expectError(await as('bob').get('/api/v1/contacts/123'), 400, 'validation_failed');
    });

    it('shared with the sponsor: the sponsor reads it with its log and cannot change it; unsharing ends it', async () => {
      const shared = await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      expect(shared.json()).toMatchObject({ shared: true });

      const list = (await as('anna').get('/api/v1/contacts/shared')).json();
      expect(list.rows).toEqual([
        expect.objectContaining({ id: secret.id, owner: { id: m.bob.id, name: 'bob' } }),
      ]);
      const page = (await as('anna').get(`/api/v1/contacts/${secret.id}`)).json();
      expect(page).toMatchObject({ access: 'sponsor', owner: { id: m.bob.id } });
      expect(page.interactions).toHaveLength(1);
      const before = await snapshot();
      for (const [method, url, body] of everyRoute(secret.id).slice(1))
        expectError(await as('anna').request(method, url, body), 403, 'forbidden');
      expect(await snapshot()).toEqual(before);
      // Still not in the sponsor's own lists; the rest of the upline, admins and others see nothing.
      expect((await as('anna').get('/api/v1/contacts?q=sabine')).json().total).toBe(0);
      for (const who of ['uma', 'root', 'carl', 'ada', 'otto'] as const) {
        await expectNoAccess(who);
        expect((await as(who).get('/api/v1/contacts/shared')).json().rows).toEqual([]);
      }
      expect(await snapshot()).toEqual(before);

      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: false });
      expectError(await as('anna').get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
      expect((await as('anna').get('/api/v1/contacts/shared')).json().rows).toEqual([]);
    });

    it('a move in the tree does not hand a shared contact to the new sponsor', async () => {
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: true });
      const moved = await as('root').post(`/api/v1/members/${m.bob.id}/move`, { sponsorId: m.carl.id });
      expect(moved.statusCode, moved.body).toBe(200);
      for (const who of ['carl', 'anna'] as const) {
        expectError(await as(who).get(`/api/v1/contacts/${secret.id}`), 404, 'not_found');
        expect((await as(who).get('/api/v1/contacts/shared')).json().rows).toEqual([]);
      }
      await as('root').post(`/api/v1/members/${m.bob.id}/move`, { sponsorId: m.anna.id });
      expect((await as('anna').get(`/api/v1/contacts/${secret.id}`)).json().access).toBe('sponsor');
      await as('bob').put(`/api/v1/contacts/${secret.id}/share`, { shared: false });
    });

    it('the root of the organization has no sponsor to share with', async () => {
      const own = await add('root', { name: 'Root’s friend' });
      expectError(
        await as('root').put(`/api/v1/contacts/${own.id}/share`, { shared: true }),
        409,
        'no_sponsor',
      );
    });

    it('the upline and admins see counts only; other branches and organizations not even that', async () => {
      for (const who of ['bob', 'anna', 'uma', 'root', 'ada'] as const) {
        const response = await as(who).get(`/api/v1/members/${m.bob.id}/contact-counts`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toMatchObject({ total: expect.any(Number), lists: expect.any(Object) });
        expect(Object.keys(response.json()).sort()).toEqual(
          ['addedThisMonth', 'addedThisWeek', 'lists', 'stages', 'total'].sort(),
        );
        expect(response.body).not.toMatch(/Sabine|Klaus|divorce/);
      }
      expectError(await as('carl').get(`/api/v1/members/${m.bob.id}/contact-counts`), 404, 'not_found');
      expectError(await as('otto').get(`/api/v1/members/${m.bob.id}/contact-counts`), 404, 'not_found');
      expectError(await as('bob').get(`/api/v1/members/${m.anna.id}/contact-counts`), 404, 'not_found');
      expectError(
        await api(ctx.app).get(`/api/v1/members/${m.bob.id}/contact-counts`),
        401,
        'unauthenticated',
      );
    });

    it('the owner deletes a contact with its log', async () => {
      const gone = await add('bob', { name: 'To delete' });
      await as('bob').post(`/api/v1/contacts/${gone.id}/interactions`, { kind: 'call' });
      expect((await as('bob').delete(`/api/v1/contacts/${gone.id}`)).statusCode).toBe(204);
      expectError(await as('bob').get(`/api/v1/contacts/${gone.id}`), 404, 'not_found');
      expect(
        await ctx.db.select().from(contactInteractions).where(eq(contactInteractions.contactId, gone.id)),
      ).toEqual([]);
    });
  });

  describe('a contact who joins', () => {
    it('an invitation prefilled from the contact links the new member and marks the contact joined', async () => {
      const contact = await add('anna', {
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        city: 'Бургас',
      });
      const response = await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {
        kind: 'customer',
      });
      expect(response.statusCode, response.body).toBe(201);
      const invitation = response.json();
      expect(invitation).toMatchObject({
        kind: 'customer',
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        maxUses: 1,
        sponsor: { id: m.anna.id },
      });
      expect((await as('anna').get(`/api/v1/contacts/${contact.id}`)).json().contact.invitationId).toBe(
        invitation.id,
      );

      const joined = await api(ctx.app).post(`/api/v1/join/${invitation.token}`, {
        name: 'Петър Георгиев',
        email: 'petar@example.test',
        password: 'a long new password',
        locale: 'bg',
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const page = (await as('anna').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.contact).toMatchObject({ stage: 'joined_customer', member: { name: 'Петър Георгиев' } });
      const [member] = await ctx.db.select().from(members).where(eq(members.email, 'petar@example.test'));
      expect(page.contact.member.id).toBe(member!.id);
      expect(member!.sponsorId).toBe(m.anna.id);

      expectError(
        await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, { kind: 'customer' }),
        409,
        'already_member',
      );
    });

    it('a new link withdraws the contact’s earlier one; others never see whom it is for', async () => {
      const contact = await add('anna', { name: 'Prospect Pavlova', email: 'pavlova@example.test' });
      const first = (await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {})).json();
      const second = (await as('anna').post(`/api/v1/contacts/${contact.id}/invitation`, {})).json();
      expect(second.id).not.toBe(first.id);
      const joinFirst = await api(ctx.app).post(`/api/v1/join/${first.token}`, {
        name: 'Prospect Pavlova',
        email: 'pavlova@example.test',
        password: 'a long new password',
      });
      expectError(joinFirst, 410, 'invitation_closed');

      // The admin manages anna's links but does not learn whom she invites.
      const asAdmin = (await as('root').get(`/api/v1/invitations?sponsorId=${m.anna.id}`)).json();
      const seen = asAdmin.find((i: { id: string }) => i.id === second.id);
      expect(seen).toMatchObject({ name: null, email: null });
      const asOwner = (await as('anna').get('/api/v1/invitations')).json();
      expect(asOwner.find((i: { id: string }) => i.id === second.id)).toMatchObject({
        name: 'Prospect Pavlova',
      });
    });
  });

  describe('bad input', () => {
    it('dates outside 1900–2999 and NUL characters are 400s naming the field, never 500s', async () => {
      const contact = await add('carl', { name: 'Input' });
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/v1/contacts', { name: 'A', nextFollowUpOn: '0000-01-01' }, 'nextFollowUpOn'],
        [
          'POST',
          `/api/v1/contacts/${contact.id}/interactions`,
          { kind: 'call', occurredOn: '0000-01-01' },
          'occurredOn',
        ],
        ['GET', '/api/v1/contacts/due?today=0000-01-01', undefined, 'today'],
        ['GET', '/api/v1/contacts/overview?today=0000-03-01', undefined, 'today'],
        ['GET', '/api/v1/contacts?due=true&today=3000-01-01', undefined, 'today'],
        ['POST', '/api/v1/contacts', { name: 'a\u0000b' }, 'name'],
        [
          'POST',
          '/api/v1/contacts',
          { name: 'A', messengers: { whatsapp: 'a\u0000' } },
          'messengers.whatsapp',
        ],
        ['GET', '/api/v1/contacts?q=a%00b', undefined, 'q'],
        ['GET', '/api/v1/contacts?tag=a%00b', undefined, 'tag'],
      ];
      const before = await countRows(ctx.db, contacts);
      for (const [method, url, body, field] of cases) {
        const response = await as('carl').request(method as 'GET', url, body);
        const error = expectError(response, 400, 'validation_failed');
        expect(fieldPaths(error), `${method} ${url}`).toEqual([field]);
      }
      expect(await countRows(ctx.db, contacts)).toBe(before);
    });

    it('a logged date may not run more than a day ahead of the server, whatever the device says', async () => {
      const contact = await add('carl', { name: 'Ahead' });
      const response = await as('carl').post(`/api/v1/contacts/${contact.id}/interactions`, {
        kind: 'call',
        today: '2026-06-01',
        occurredOn: '2026-05-01',
      });
      expect(fieldPaths(expectError(response, 400, 'validation_failed'))).toEqual(['occurredOn']);
    });
  });
});
