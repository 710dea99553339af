// Contacts: the two lists, search and filters, growth, the interaction log and follow-ups, and bad input.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { countRows, expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { contactInteractions, contacts } from '../../db/schema/index.ts';

describe('contacts', () => {
  const ctx = useTestContext();
  const { as, addContact: add } = useContactsTeam(ctx);

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
      // The field carries the reason, so the form can say why (not "choose one of the values").
      expect(body.error.fields?.[0]?.code).toBe('future_date');
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
