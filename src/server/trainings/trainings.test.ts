// Trainings: creating, editing and cancelling them, registering, the organizer recording attendance
// (walk-ins too), the "interested in development" flag, bad input, and the KPI figures attendance keeps
// current in member_rollups — distinct people per month and week, on the member and every upline member.
//
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)
// The clock stands at 2026-03-15 (a Sunday; its ISO week starts on 2026-03-09).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import {
  api,
  countRows,
  createMember,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { memberRollups, members, trainingRegistrations, trainings } from '../../db/schema/index.ts';

type Training = {
  id: string;
  heldOn: string;
  registeredCount: number;
  attendedCount: number;
  me: { registered: boolean; attended: boolean };
  registrations: { member: { id: string; name: string }; attended: boolean; interested: boolean | null }[];
  can: Record<string, boolean>;
  [key: string]: unknown;
};

const FIGURES = [
  'trainedOffline',
  'trainedOnline',
  'trained',
  'structureTrainedOffline',
  'structureTrainedOnline',
  'structureTrained',
] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

describe('trainings', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);

  const create = async (who: Who, body: Record<string, unknown>) => {
    const response = await as(who).post('/api/v1/trainings', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Training;
  };
  const offline = (who: Who, heldOn: string, topic = `Offline ${heldOn}`) =>
    create(who, { topic, format: 'offline', heldOn, place: 'Sofia, Hotel Rila' });
  const online = (who: Who, heldOn: string, topic = `Online ${heldOn}`) =>
    create(who, { topic, format: 'online', heldOn, link: 'https://meet.example.org/abc' });
  const attend = async (who: Who, trainingId: string, memberId: string, attended = true) => {
    const response = await as(who).put(`/api/v1/trainings/${trainingId}/attendance/${memberId}`, {
      attended,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Training;
  };

  /** A member's training figures in one period, straight from member_rollups (a missing row is zeros). */
  const figures = async (who: Who, grain: 'month' | 'week', period: string): Promise<Figures> => {
    const [row] = await ctx.db
      .select()
      .from(memberRollups)
      .where(
        and(
          eq(memberRollups.memberId, m[who].id),
          eq(memberRollups.grain, grain),
          eq(memberRollups.period, period),
        ),
      );
    return Object.fromEntries(FIGURES.map((f) => [f, row?.[f] ?? 0])) as Figures;
  };
  const own = (offline: number, online: number, trained: number) => ({
    trainedOffline: offline,
    trainedOnline: online,
    trained,
  });
  const structure = (offline: number, online: number, trained: number) => ({
    structureTrainedOffline: offline,
    structureTrainedOnline: online,
    structureTrained: trained,
  });
  const zero = { ...own(0, 0, 0), ...structure(0, 0, 0) };

  describe('creating, editing, cancelling', () => {
    it('a partner creates an offline training and organizes it; everyone in the organization sees it', async () => {
      const training = await create('uma', {
        topic: '  Product basics ',
        format: 'offline',
        heldOn: '2026-03-20',
        startsAt: '18:30',
        place: 'Sofia, Hotel Rila',
        description: 'Bring a friend.',
      });
      expect(training).toMatchObject({
        topic: 'Product basics',
        format: 'offline',
        heldOn: '2026-03-20',
        startsAt: '18:30',
        place: 'Sofia, Hotel Rila',
        link: null,
        description: 'Bring a friend.',
        organizer: { id: m.uma.id, name: 'uma' },
        cancelled: false,
        registeredCount: 0,
        attendedCount: 0,
        me: { registered: false, attended: false },
        registrations: [],
        past: false,
        can: { edit: true, cancel: true, recordAttendance: false, register: true, unregister: false },
      });
      for (const who of ['root', 'carl', 'bob', 'ada'] as const) {
        const list = (await as(who).get('/api/v1/trainings')).json();
        expect(
          list.trainings.map((t: { id: string }) => t.id),
          who,
        ).toContain(training.id);
      }
      const carl = (await as('carl').get(`/api/v1/trainings/${training.id}`)).json();
      expect(carl.can).toEqual({
        edit: false,
        cancel: false,
        recordAttendance: false,
        register: true,
        unregister: false,
      });
    });

    it('an online training has an https link and no place', async () => {
      const training = await create('ada', {
        topic: 'Social selling',
        format: 'online',
        heldOn: '2026-04-02',
        link: 'https://meet.example.org/social',
      });
      expect(training).toMatchObject({
        format: 'online',
        link: 'https://meet.example.org/social',
        place: null,
      });
      expect(training.startsAt).toBeNull();
    });

    it('the list reaches 30 days back by default, or the range asked for, oldest first', async () => {
      const old = await offline('uma', '2026-02-01', 'Long ago');
      const recent = await offline('uma', '2026-02-20', 'Recent');
      const list = (await as('bob').get('/api/v1/trainings')).json();
      expect(list).toMatchObject({ today: '2026-03-15', from: '2026-02-13', to: null });
      const ids = list.trainings.map((t: { id: string }) => t.id);
      expect(ids).toContain(recent.id);
      expect(ids).not.toContain(old.id);
      const heldOn = list.trainings.map((t: { heldOn: string }) => t.heldOn);
      expect(heldOn).toEqual([...heldOn].sort());
      expect(
        fieldPaths(
          expectError(
            await as('bob').get('/api/v1/trainings?from=2026-03-10&to=2026-03-01'),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['to']);
      expect(
        fieldPaths(
          expectError(await as('bob').get('/api/v1/trainings?from=March'), 400, 'validation_failed'),
        ),
      ).toContain('from');
      const range = (await as('bob').get('/api/v1/trainings?from=2026-01-25&to=2026-02-05')).json();
      expect(range.trainings.map((t: { id: string }) => t.id)).toEqual([old.id]);
      // The device's today moves the default window while it is within a day of the server's; a date
      // further off is not trusted (it would open registration and attendance at will).
      const later = (await as('bob').get('/api/v1/trainings?today=2026-03-16')).json();
      expect(later.from).toBe('2026-02-14');
      const faraway = (await as('bob').get('/api/v1/trainings?today=2026-06-01')).json();
      expect(faraway).toMatchObject({ today: '2026-03-15', from: '2026-02-13' });
    });

    it('customers do not organize trainings', async () => {
      const { member } = await createMember(ctx.db, {
        organizationId: m.root.organizationId,
        sponsor: m.bob,
        name: 'Cora Customer',
        kind: 'customer',
        account: { email: 'cora@example.test' },
      });
      const cora = api(ctx.app, await signIn(ctx.app, 'cora@example.test', DEFAULT_PASSWORD));
      const before = await countRows(ctx.db, trainings);
      expectError(
        await cora.post('/api/v1/trainings', {
          topic: 'Mine',
          format: 'offline',
          heldOn: '2026-03-20',
          place: 'Home',
        }),
        403,
        'forbidden',
      );
      expect(await countRows(ctx.db, trainings)).toBe(before);
      expect((await cora.get('/api/v1/trainings')).json().me.canCreate).toBe(false);
      expect((await as('bob').get('/api/v1/trainings')).json().me.canCreate).toBe(true);
      // A customer registers like anyone else.
      const training = await offline('uma', '2026-03-28');
      const registered = await cora.put(`/api/v1/trainings/${training.id}/registration`);
      expect(registered.statusCode, registered.body).toBe(200);
      expect((await as('uma').get(`/api/v1/trainings/${training.id}`)).json().registrations).toEqual([
        expect.objectContaining({ member: { id: member.id, name: 'Cora Customer' } }),
      ]);
    });

    it('bad input is refused naming the field, and nothing is written', async () => {
      const before = await countRows(ctx.db, trainings);
      const valid = { topic: 'Basics', format: 'offline', heldOn: '2026-03-20', place: 'Sofia' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...valid, place: undefined }, 'place'],
        [{ ...valid, place: '   ' }, 'place'],
        [{ ...valid, format: 'online', place: undefined }, 'link'],
        [{ ...valid, format: 'online', link: 'http://meet.example.org/x' }, 'link'],
        [{ ...valid, format: 'online', link: 'javascript:alert(1)' }, 'link'],
        [{ ...valid, format: 'online', link: 'meet.example.org' }, 'link'],
        [{ ...valid, heldOn: '2026-02-30' }, 'heldOn'],
        [{ ...valid, heldOn: '20.03.2026' }, 'heldOn'],
        [{ ...valid, heldOn: undefined }, 'heldOn'],
        [{ ...valid, startsAt: '25:00' }, 'startsAt'],
        [{ ...valid, startsAt: '6pm' }, 'startsAt'],
        [{ ...valid, topic: ' ' }, 'topic'],
        [{ ...valid, topic: 'x'.repeat(201) }, 'topic'],
        [{ ...valid, format: 'hybrid' }, 'format'],
      ];
      for (const [body, field] of cases) {
        const error = expectError(await as('uma').post('/api/v1/trainings', body), 400, 'validation_failed');
        expect(fieldPaths(error), JSON.stringify(body)).toContain(field);
      }
      expect(await countRows(ctx.db, trainings)).toBe(before);
    });

    it('the organizer and admins edit it; switching to online needs a link; others get 403', async () => {
      const training = await offline('uma', '2026-03-21', 'Edit me');
      const url = `/api/v1/trainings/${training.id}`;
      const edited = await as('uma').patch(url, { topic: 'Edited', startsAt: '19:00', description: 'New' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ topic: 'Edited', startsAt: '19:00', place: 'Sofia, Hotel Rila' });

      const noLink = expectError(await as('uma').patch(url, { format: 'online' }), 400, 'validation_failed');
      expect(fieldPaths(noLink)).toEqual(['link']);
      const noPlace = expectError(await as('uma').patch(url, { place: '' }), 400, 'validation_failed');
      expect(fieldPaths(noPlace)).toEqual(['place']);
      expect(fieldPaths(expectError(await as('uma').patch(url, {}), 400, 'validation_failed'))).toHaveLength(
        1,
      );
      expect(
        fieldPaths(expectError(await as('uma').patch(url, { heldOn: 'soon' }), 400, 'validation_failed')),
      ).toContain('heldOn');

      const switched = await as('root').patch(url, { format: 'online', link: 'https://meet.example.org/e' });
      expect(switched.statusCode, switched.body).toBe(200);
      expect(switched.json()).toMatchObject({
        format: 'online',
        link: 'https://meet.example.org/e',
        place: null,
      });
      expect(switched.json().organizer.id).toBe(m.uma.id);

      for (const who of ['anna', 'carl'] as const) {
        expectError(await as(who).patch(url, { topic: 'Hijacked' }), 403, 'forbidden');
        expectError(await as(who).post(`${url}/cancel`), 403, 'forbidden');
      }
      const [row] = await ctx.db.select().from(trainings).where(eq(trainings.id, training.id));
      expect(row).toMatchObject({ topic: 'Edited', format: 'online', cancelledAt: null });
    });

    it('cancelling closes the training: no edits, registrations or attendance any more', async () => {
      const training = await offline('uma', '2026-03-15', 'Cancel me');
      const url = `/api/v1/trainings/${training.id}`;
      expect((await as('bob').put(`${url}/registration`)).statusCode).toBe(200);
      const cancelled = await as('uma').post(`${url}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({
        cancelled: true,
        cancelledAt: '2026-03-15T10:00:00.000Z',
        can: { edit: false, cancel: false, recordAttendance: false, register: false, unregister: false },
      });
      // Twice is the same.
      expect((await as('root').post(`${url}/cancel`)).json().cancelledAt).toBe('2026-03-15T10:00:00.000Z');
      expectError(await as('uma').patch(url, { topic: 'Back on' }), 409, 'training_closed');
      expectError(await as('anna').put(`${url}/registration`), 409, 'training_closed');
      expectError(await as('bob').delete(`${url}/registration`), 409, 'training_closed');
      expectError(
        await as('uma').put(`${url}/attendance/${m.bob.id}`, { attended: true }),
        409,
        'training_closed',
      );
      const rows = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.trainingId, training.id));
      expect(rows.map((r) => [r.memberId, r.attendedAt])).toEqual([[m.bob.id, null]]);
      const listed = (await as('bob').get('/api/v1/trainings')).json();
      expect(listed.trainings.find((t: { id: string }) => t.id === training.id)).toMatchObject({
        cancelled: true,
        me: { registered: true },
      });
    });
  });

  describe('registering', () => {
    it('a member registers and takes it back; twice is the same', async () => {
      const training = await offline('carl', '2026-03-22', 'Register');
      const url = `/api/v1/trainings/${training.id}/registration`;
      const first = await as('bob').put(url);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        registeredCount: 1,
        me: { registered: true, attended: false },
        can: { register: false, unregister: true },
        registrations: [{ member: { id: m.bob.id, name: 'bob' }, attended: false }],
      });
      expect((await as('bob').put(url)).json().registeredCount).toBe(1);
      const listed = (await as('bob').get('/api/v1/trainings')).json();
      expect(listed.trainings.find((t: { id: string }) => t.id === training.id)).toMatchObject({
        registeredCount: 1,
        me: { registered: true },
      });
      const back = await as('bob').delete(url);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ registeredCount: 0, me: { registered: false }, registrations: [] });
      expect((await as('bob').delete(url)).statusCode).toBe(200);
    });

    it('a past training is closed for registering (by the device’s date); the day itself is open', async () => {
      const training = await offline('carl', '2026-03-14', 'Yesterday');
      const url = `/api/v1/trainings/${training.id}/registration`;
      expectError(await as('anna').put(url), 409, 'training_closed');
      expect((await as('anna').get(`/api/v1/trainings/${training.id}`)).json()).toMatchObject({
        past: true,
        can: { register: false },
      });
      // On a phone where it is still the 14th, it is today.
      const sameDay = await as('anna').put(`${url}?today=2026-03-14`);
      expect(sameDay.statusCode, sameDay.body).toBe(200);
      expectError(await as('anna').delete(url), 409, 'training_closed');
      expect((await as('anna').delete(`${url}?today=2026-03-14`)).statusCode).toBe(200);
    });

    it('once attendance is recorded, the member cannot take the registration back', async () => {
      const training = await offline('uma', '2026-03-15', 'Attended today');
      const url = `/api/v1/trainings/${training.id}/registration`;
      await as('anna').put(url);
      await attend('uma', training.id, m.anna.id);
      expectError(await as('anna').delete(url), 409, 'training_closed');
      const [row] = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(
          and(
            eq(trainingRegistrations.trainingId, training.id),
            eq(trainingRegistrations.memberId, m.anna.id),
          ),
        );
      expect(row?.attendedAt).not.toBeNull();
    });

    it('an unknown training is not found', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectError(await as('anna').put(`/api/v1/trainings/${missing}/registration`), 404, 'not_found');
      expectError(await as('anna').get(`/api/v1/trainings/${missing}`), 404, 'not_found');
      expectError(await as('anna').get('/api/v1/trainings/not-an-id'), 400, 'validation_failed');
    });
  });

  describe('attendance', () => {
    it('the organizer records registrants and walk-ins from their line; the counts follow', async () => {
      const training = await offline('uma', '2026-03-15', 'Walk-ins');
      await as('anna').put(`/api/v1/trainings/${training.id}/registration`);
      let page = await attend('uma', training.id, m.anna.id);
      expect(page).toMatchObject({ registeredCount: 1, attendedCount: 1 });
      // Bob did not register: a walk-in in the organizer's downline.
      page = await attend('uma', training.id, m.bob.id);
      expect(page).toMatchObject({ registeredCount: 2, attendedCount: 2 });
      expect(page.registrations.map((r) => [r.member.name, r.attended])).toEqual([
        ['anna', true],
        ['bob', true],
      ]);
      // Ticking twice keeps the first record.
      const first = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.trainingId, training.id));
      page = await attend('uma', training.id, m.bob.id);
      const again = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.trainingId, training.id));
      expect(again).toEqual(first);
      // The organizer's own upline is in their line too; an admin records anyone.
      await attend('uma', training.id, m.root.id);
      await attend('ada', training.id, m.carl.id);
      // Taken back: still registered, no longer attended.
      page = await attend('uma', training.id, m.bob.id, false);
      expect(page.registrations.find((r) => r.member.id === m.bob.id)).toMatchObject({ attended: false });
      expect(page).toMatchObject({ registeredCount: 4, attendedCount: 3 });
      // Taking back what was never recorded writes nothing.
      const before = await countRows(ctx.db, trainingRegistrations);
      await attend('uma', training.id, m.uma.id, false);
      expect(await countRows(ctx.db, trainingRegistrations)).toBe(before);
      expect((await as('anna').get(`/api/v1/trainings/${training.id}`)).json().me).toEqual({
        registered: true,
        attended: true,
      });
    });

    it('a walk-in outside the organizer’s line is not found to them, and not offered by the search', async () => {
      const training = await offline('uma', '2026-03-15', 'Branches');
      const before = await countRows(ctx.db, trainingRegistrations);
      expectError(
        await as('uma').put(`/api/v1/trainings/${training.id}/attendance/${m.carl.id}`, { attended: true }),
        404,
        'not_found',
      );
      expectError(
        await as('uma').put(`/api/v1/trainings/${training.id}/attendance/${m.otto.id}`, { attended: true }),
        404,
        'not_found',
      );
      expect(await countRows(ctx.db, trainingRegistrations)).toBe(before);
      const search = async (who: Who, q: string) =>
        (await as(who).get(`/api/v1/trainings/${training.id}/candidates?q=${encodeURIComponent(q)}`)).json()
          .rows;
      expect((await search('uma', 'an')).map((r: { name: string }) => r.name)).toEqual(['anna']);
      expect(await search('uma', 'bo')).toEqual([
        { id: m.bob.id, name: 'bob', city: 'Berlin', registered: false, attended: false },
      ]);
      // The upline by name only.
      expect(await search('uma', m.root.name)).toEqual([
        { id: m.root.id, name: m.root.name, city: null, registered: false, attended: false },
      ]);
      expect(await search('uma', 'carl')).toEqual([]);
      expect((await search('root', 'carl')).map((r: { name: string }) => r.name)).toEqual(['carl']);
      expect(await search('root', 'otto')).toEqual([]);
      // Once carl registers himself, the organizer records him.
      await as('carl').put(`/api/v1/trainings/${training.id}/registration`);
      expect((await search('root', 'carl'))[0]).toMatchObject({ registered: true, attended: false });
      const page = await attend('uma', training.id, m.carl.id);
      expect(page.registrations.find((r) => r.member.id === m.carl.id)).toMatchObject({ attended: true });
    });

    it('a member cannot record attendance or search walk-ins for someone else’s training', async () => {
      const training = await offline('uma', '2026-03-15', 'Not yours');
      await as('bob').put(`/api/v1/trainings/${training.id}/registration`);
      for (const who of ['anna', 'bob', 'carl'] as const) {
        expectError(
          await as(who).put(`/api/v1/trainings/${training.id}/attendance/${m.bob.id}`, { attended: true }),
          403,
          'forbidden',
        );
        expectError(await as(who).get(`/api/v1/trainings/${training.id}/candidates?q=b`), 403, 'forbidden');
      }
      const [row] = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.trainingId, training.id));
      expect(row?.attendedAt).toBeNull();
    });

    it('attendance is recorded from the training’s day on; bad input names the field', async () => {
      const training = await offline('uma', '2026-03-16', 'Tomorrow');
      const url = `/api/v1/trainings/${training.id}/attendance/${m.anna.id}`;
      expectError(await as('uma').put(url, { attended: true }), 409, 'training_closed');
      expect((await as('uma').get(`/api/v1/trainings/${training.id}`)).json().can.recordAttendance).toBe(
        false,
      );
      expect(fieldPaths(expectError(await as('uma').put(url, {}), 400, 'validation_failed'))).toEqual([
        'attended',
      ]);
      expect(
        fieldPaths(expectError(await as('uma').put(url, { attended: 'yes' }), 400, 'validation_failed')),
      ).toEqual(['attended']);
      expectError(
        await as('uma').put(`/api/v1/trainings/${training.id}/attendance/nobody`, { attended: true }),
        400,
        'validation_failed',
      );
      const written = await ctx.db
        .select()
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.trainingId, training.id));
      expect(written).toEqual([]);
      // On the day it works (the device's date).
      const onTheDay = await as('uma').put(`${url}?today=2026-03-16`, { attended: true });
      expect(onTheDay.statusCode, onTheDay.body).toBe(200);
      expect(onTheDay.json().can.recordAttendance).toBe(true);
    });
  });

  describe('people in training: member_rollups', () => {
    // Each test uses its own month, so the other tests' attendance does not mix in.
    it('attendance counts the member and every upline member, for the month and the week', async () => {
      const training = await offline('uma', '2026-01-14', 'January offline');
      await attend('uma', training.id, m.bob.id);
      for (const [grain, period] of [
        ['month', '2026-01-01'],
        ['week', '2026-01-12'],
      ] as const) {
        expect(await figures('bob', grain, period)).toEqual({ ...own(1, 0, 1), ...structure(1, 0, 1) });
        for (const who of ['anna', 'uma', 'root'] as const)
          expect(await figures(who, grain, period), `${who} ${grain}`).toEqual({
            ...own(0, 0, 0),
            ...structure(1, 0, 1),
          });
        expect(await figures('carl', grain, period)).toEqual(zero);
      }
      // Anna too: the upline counts two people.
      await attend('uma', training.id, m.anna.id);
      expect(await figures('anna', 'month', '2026-01-01')).toEqual({
        ...own(1, 0, 1),
        ...structure(2, 0, 2),
      });
      expect(await figures('root', 'month', '2026-01-01')).toEqual({
        ...own(0, 0, 0),
        ...structure(2, 0, 2),
      });
      // Taken back: back to where they were.
      await attend('uma', training.id, m.anna.id, false);
      await attend('uma', training.id, m.bob.id, false);
      for (const who of ['bob', 'anna', 'uma', 'root'] as const) {
        expect(await figures(who, 'month', '2026-01-01')).toEqual(zero);
        expect(await figures(who, 'week', '2026-01-12')).toEqual(zero);
      }
    });

    it('distinct people: two offline trainings count once; one offline and one online count one each', async () => {
      const first = await offline('uma', '2025-12-02', 'December 1');
      const second = await offline('root', '2025-12-20', 'December 2');
      const web = await online('carl', '2025-12-21', 'December online');
      await attend('uma', first.id, m.bob.id);
      await attend('root', second.id, m.bob.id);
      expect(await figures('bob', 'month', '2025-12-01')).toEqual({ ...own(1, 0, 1), ...structure(1, 0, 1) });
      expect(await figures('uma', 'month', '2025-12-01')).toEqual({ ...own(0, 0, 0), ...structure(1, 0, 1) });
      // The weeks apart: each week has its own training.
      expect(await figures('bob', 'week', '2025-12-01')).toEqual({ ...own(1, 0, 1), ...structure(1, 0, 1) });
      expect(await figures('bob', 'week', '2025-12-15')).toEqual({ ...own(1, 0, 1), ...structure(1, 0, 1) });

      // Carl's online training: bob is outside his line, so an admin records him.
      await attend('root', web.id, m.bob.id);
      expect(await figures('bob', 'month', '2025-12-01')).toEqual({ ...own(1, 1, 1), ...structure(1, 1, 1) });
      expect(await figures('root', 'month', '2025-12-01')).toEqual({
        ...own(0, 0, 0),
        ...structure(1, 1, 1),
      });
      expect(await figures('bob', 'week', '2025-12-15')).toEqual({ ...own(1, 1, 1), ...structure(1, 1, 1) });

      // One offline taken back: the other still counts.
      await attend('uma', first.id, m.bob.id, false);
      expect(await figures('bob', 'month', '2025-12-01')).toEqual({ ...own(1, 1, 1), ...structure(1, 1, 1) });
      expect(await figures('bob', 'week', '2025-12-01')).toEqual(zero);
      expect(await figures('uma', 'week', '2025-12-01')).toEqual(zero);
    });

    it('cancelling a training with attendance takes it out of the figures', async () => {
      const training = await online('ada', '2025-11-10', 'November online');
      await attend('ada', training.id, m.anna.id);
      await attend('ada', training.id, m.ada.id);
      expect(await figures('anna', 'month', '2025-11-01')).toEqual({
        ...own(0, 1, 1),
        ...structure(0, 1, 1),
      });
      expect(await figures('root', 'month', '2025-11-01')).toEqual({
        ...own(0, 0, 0),
        ...structure(0, 2, 2),
      });
      expect(await figures('carl', 'week', '2025-11-10')).toEqual({ ...own(0, 0, 0), ...structure(0, 1, 1) });
      const cancelled = await as('ada').post(`/api/v1/trainings/${training.id}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      for (const who of ['anna', 'uma', 'root', 'ada', 'carl'] as const) {
        expect(await figures(who, 'month', '2025-11-01'), who).toEqual(zero);
        expect(await figures(who, 'week', '2025-11-10'), who).toEqual(zero);
      }
    });

    it('moving the date to another month moves the counts; changing the format changes which one', async () => {
      const training = await offline('uma', '2025-10-31', 'Moving');
      await attend('uma', training.id, m.anna.id);
      expect(await figures('anna', 'month', '2025-10-01')).toEqual({
        ...own(1, 0, 1),
        ...structure(1, 0, 1),
      });
      expect(await figures('anna', 'week', '2025-10-27')).toEqual({ ...own(1, 0, 1), ...structure(1, 0, 1) });

      const moved = await as('uma').patch(`/api/v1/trainings/${training.id}`, { heldOn: '2025-09-03' });
      expect(moved.statusCode, moved.body).toBe(200);
      for (const who of ['anna', 'uma', 'root'] as const) {
        expect(await figures(who, 'month', '2025-10-01'), who).toEqual(zero);
        expect(await figures(who, 'week', '2025-10-27'), who).toEqual(zero);
        expect((await figures(who, 'month', '2025-09-01')).structureTrainedOffline, who).toBe(1);
        expect((await figures(who, 'week', '2025-09-01')).structureTrained, who).toBe(1);
      }

      const switched = await as('uma').patch(`/api/v1/trainings/${training.id}`, {
        format: 'online',
        link: 'https://meet.example.org/moved',
      });
      expect(switched.statusCode, switched.body).toBe(200);
      expect(await figures('anna', 'month', '2025-09-01')).toEqual({
        ...own(0, 1, 1),
        ...structure(0, 1, 1),
      });
      expect(await figures('root', 'week', '2025-09-01')).toEqual({ ...own(0, 0, 0), ...structure(0, 1, 1) });
      // Attended, so it stays in the past: not moved after today (the device's date).
      const rollups = JSON.stringify(await ctx.db.select().from(memberRollups));
      expectError(
        await as('uma').patch(`/api/v1/trainings/${training.id}`, { heldOn: '2026-03-16' }),
        409,
        'training_closed',
      );
      expect(JSON.stringify(await ctx.db.select().from(memberRollups))).toBe(rollups);
      const onTheDay = await as('uma').patch(`/api/v1/trainings/${training.id}?today=2026-03-16`, {
        heldOn: '2026-03-16',
      });
      expect(onTheDay.statusCode, onTheDay.body).toBe(200);
      expect(await figures('anna', 'month', '2025-09-01')).toEqual(zero);
      expect((await figures('root', 'week', '2026-03-16')).structureTrainedOnline).toBe(1);
      await as('uma').patch(`/api/v1/trainings/${training.id}`, { heldOn: '2025-09-03' });
      // A change that moves nothing leaves the figures alone.
      await as('uma').patch(`/api/v1/trainings/${training.id}`, { topic: 'Moved' });
      expect(await figures('anna', 'month', '2025-09-01')).toEqual({
        ...own(0, 1, 1),
        ...structure(0, 1, 1),
      });
    });

    it('a refused change writes neither the training nor the figures', async () => {
      const training = await offline('uma', '2025-08-12', 'Refused');
      await attend('uma', training.id, m.bob.id);
      const rollups = JSON.stringify(await ctx.db.select().from(memberRollups));
      expectError(
        await as('uma').patch(`/api/v1/trainings/${training.id}`, { heldOn: '2025-07-01', format: 'online' }),
        400,
        'validation_failed',
      );
      expectError(await as('anna').post(`/api/v1/trainings/${training.id}/cancel`), 403, 'forbidden');
      expectError(
        await as('carl').put(`/api/v1/trainings/${training.id}/attendance/${m.bob.id}`, { attended: false }),
        403,
        'forbidden',
      );
      expect(JSON.stringify(await ctx.db.select().from(memberRollups))).toBe(rollups);
      const [row] = await ctx.db.select().from(trainings).where(eq(trainings.id, training.id));
      expect(row).toMatchObject({ heldOn: '2025-08-12', format: 'offline', cancelledAt: null });
    });
  });

  describe('interested in development', () => {
    beforeAll(async () => {
      await ctx.db.update(members).set({ developmentInterestAt: null });
    });

    it('the member sets and clears the flag; the list shows it to them', async () => {
      const set = await as('anna').put('/api/v1/members/me/development-interest', { interested: true });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ interested: true, since: '2026-03-15T10:00:00.000Z' });
      ctx.clock.advance(60_000);
      // Saying it again keeps the first time.
      expect(
        (await as('anna').put('/api/v1/members/me/development-interest', { interested: true })).json(),
      ).toEqual({
        interested: true,
        since: '2026-03-15T10:00:00.000Z',
      });
      expect((await as('anna').get('/api/v1/trainings')).json().me).toMatchObject({
        interested: true,
        since: '2026-03-15T10:00:00.000Z',
        canCreate: true,
      });
      expect((await as('bob').get('/api/v1/trainings')).json().me).toMatchObject({
        interested: false,
        since: null,
      });
      const cleared = await as('anna').put('/api/v1/members/me/development-interest', { interested: false });
      expect(cleared.json()).toEqual({ interested: false, since: null });
      const [row] = await ctx.db.select().from(members).where(eq(members.id, m.anna.id));
      expect(row?.developmentInterestAt).toBeNull();
      ctx.clock.set('2026-03-15T10:00:00.000Z');
    });

    it('registrations show the flag to the member, their upline and admins, and to nobody else', async () => {
      await as('anna').put('/api/v1/members/me/development-interest', { interested: true });
      const training = await offline('carl', '2026-03-29', 'Who is interested');
      await as('anna').put(`/api/v1/trainings/${training.id}/registration`);
      await as('bob').put(`/api/v1/trainings/${training.id}/registration`);
      const flags = async (who: Who) =>
        Object.fromEntries(
          (await as(who).get(`/api/v1/trainings/${training.id}`))
            .json()
            .registrations.map((r: { member: { name: string }; interested: boolean | null }) => [
              r.member.name,
              r.interested,
            ]),
        );
      expect(await flags('anna')).toEqual({ anna: true, bob: false });
      expect(await flags('uma')).toEqual({ anna: true, bob: false });
      expect(await flags('root')).toEqual({ anna: true, bob: false });
      expect(await flags('ada')).toEqual({ anna: true, bob: false });
      // The organizer from another branch sees who registered, not this.
      expect(await flags('carl')).toEqual({ anna: null, bob: null });
      expect(await flags('bob')).toEqual({ bob: false });
    });

    it('bad input names the field; anonymous callers get 401', async () => {
      expect(
        fieldPaths(
          expectError(
            await as('anna').put('/api/v1/members/me/development-interest', { interested: 'yes' }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['interested']);
      expectError(
        await api(ctx.app).put('/api/v1/members/me/development-interest', { interested: true }),
        401,
        'unauthenticated',
      );
    });
  });
});
