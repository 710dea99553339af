// Who sees and changes what of a training: anonymous callers get 401 before anything is read; another
// organization's trainings do not exist (404) and its members cannot be recorded; registrations are shown
// to the organizer and admins in full and to everyone else for their own line only; members cannot
// change or record someone else's training. Nothing refused is written.
//
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)          otto: another organization.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { api, expectError, useTestContext } from '../../../tests/support/index.ts';
import { memberRollups, trainingRegistrations, trainings } from '../../db/schema/index.ts';

describe('training privacy', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);
  let trainingId: string;
  let ottoTrainingId: string;

  beforeAll(async () => {
    // Carl's training; people from both branches registered.
    const created = await as('carl').post('/api/v1/trainings', {
      topic: 'Leadership',
      format: 'offline',
      heldOn: '2026-03-15',
      place: 'Varna',
    });
    trainingId = created.json().id;
    for (const who of ['uma', 'anna', 'bob', 'ada'] as const) {
      const response = await as(who).put(`/api/v1/trainings/${trainingId}/registration`);
      if (response.statusCode !== 200) throw new Error(response.body);
    }
    const otto = await as('otto').post('/api/v1/trainings', {
      topic: 'Otto’s own',
      format: 'online',
      heldOn: '2026-03-15',
      link: 'https://meet.example.org/otto',
    });
    ottoTrainingId = otto.json().id;
  });

  const url = () => `/api/v1/trainings/${trainingId}`;
  const snapshot = async () =>
    JSON.stringify([
      await ctx.db.select().from(trainings).orderBy(trainings.id),
      await ctx.db
        .select()
        .from(trainingRegistrations)
        .orderBy(trainingRegistrations.trainingId, trainingRegistrations.memberId),
      await ctx.db.select().from(memberRollups).orderBy(memberRollups.memberId, memberRollups.period),
    ]);

  it('anonymous callers get 401 everywhere, and nothing is written', async () => {
    const before = await snapshot();
    const anonymous = api(ctx.app);
    for (const [method, path, body] of [
      ['GET', '/api/v1/trainings', undefined],
      ['POST', '/api/v1/trainings', { topic: 'x', format: 'offline', heldOn: '2026-03-20', place: 'y' }],
      ['GET', url(), undefined],
      ['PATCH', url(), { topic: 'x' }],
      ['POST', `${url()}/cancel`, undefined],
      ['PUT', `${url()}/registration`, undefined],
      ['DELETE', `${url()}/registration`, undefined],
      ['PUT', `${url()}/attendance/${m.anna.id}`, { attended: true }],
      ['GET', `${url()}/candidates?q=a`, undefined],
      ['PUT', '/api/v1/members/me/development-interest', { interested: true }],
    ] as const) {
      expectError(await anonymous.request(method, path, body), 401, 'unauthenticated');
    }
    expect(await snapshot()).toBe(before);
  });

  it('another organization’s trainings do not exist, either way', async () => {
    const before = await snapshot();
    const list = (await as('otto').get('/api/v1/trainings')).json();
    expect(list.trainings.map((t: { id: string }) => t.id)).toEqual([ottoTrainingId]);
    expect(
      (await as('anna').get('/api/v1/trainings')).json().trainings.map((t: { id: string }) => t.id),
    ).toEqual([trainingId]);
    for (const [method, path, body] of [
      ['GET', url(), undefined],
      ['PATCH', url(), { topic: 'Taken over' }],
      ['POST', `${url()}/cancel`, undefined],
      ['PUT', `${url()}/registration`, undefined],
      ['DELETE', `${url()}/registration`, undefined],
      ['PUT', `${url()}/attendance/${m.anna.id}`, { attended: true }],
      ['PUT', `${url()}/attendance/${m.otto.id}`, { attended: true }],
      ['GET', `${url()}/candidates?q=a`, undefined],
    ] as const) {
      expectError(await as('otto').request(method, path, body), 404, 'not_found');
    }
    // The other way round: Carl's organization's admin cannot reach Otto's training or record Otto.
    const ottos = `/api/v1/trainings/${ottoTrainingId}`;
    expectError(await as('root').get(ottos), 404, 'not_found');
    expectError(await as('root').put(`${ottos}/registration`), 404, 'not_found');
    expectError(
      await as('root').put(`${ottos}/attendance/${m.anna.id}`, { attended: true }),
      404,
      'not_found',
    );
    expectError(
      await as('root').put(`${url()}/attendance/${m.otto.id}`, { attended: true }),
      404,
      'not_found',
    );
    expect(
      (await as('root').get(`${url()}/candidates?q=${encodeURIComponent(m.otto.name)}`)).json().rows,
    ).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('registrations: the organizer and admins see everyone; others their own line only', async () => {
    const names = async (who: Who) =>
      (await as(who).get(url())).json().registrations.map((r: { member: { name: string } }) => r.member.name);
    const everyone = ['ada', 'anna', 'bob', 'uma'];
    expect(await names('carl')).toEqual(everyone);
    expect(await names('root')).toEqual(everyone);
    expect(await names('ada')).toEqual(everyone);
    expect(await names('uma')).toEqual(['anna', 'bob', 'uma']);
    expect(await names('anna')).toEqual(['anna', 'bob']);
    expect(await names('bob')).toEqual(['bob']);
    // The counts are the training's, for everyone.
    expect((await as('bob').get(url())).json()).toMatchObject({ registeredCount: 4, attendedCount: 0 });
    const listed = (await as('bob').get('/api/v1/trainings')).json().trainings[0];
    expect(listed).toMatchObject({ registeredCount: 4, me: { registered: true, attended: false } });
    expect(listed).not.toHaveProperty('registrations');
  });

  it('a member cannot change, cancel or record attendance for someone else’s training', async () => {
    const before = await snapshot();
    for (const who of ['uma', 'anna', 'bob'] as const) {
      expectError(await as(who).patch(url(), { topic: 'Mine now' }), 403, 'forbidden');
      expectError(await as(who).post(`${url()}/cancel`), 403, 'forbidden');
      for (const member of [m.anna, m.bob, m[who]])
        expectError(
          await as(who).put(`${url()}/attendance/${member.id}`, { attended: true }),
          403,
          'forbidden',
        );
    }
    expect(await snapshot()).toBe(before);
  });

  it('the organizer records registrants from any branch, and walk-ins only from their own line', async () => {
    // Anna registered herself: Carl (another branch) records her.
    const recorded = await as('carl').put(`${url()}/attendance/${m.anna.id}`, { attended: true });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // Root is Carl's sponsor (his upline): a walk-in he may record. Uma's downline is not his.
    expect((await as('carl').put(`${url()}/attendance/${m.root.id}`, { attended: true })).statusCode).toBe(
      200,
    );
    const before = await snapshot();
    const bobUnregistered = await as('bob').delete(`${url()}/registration`);
    expect(bobUnregistered.statusCode).toBe(200);
    const afterUnregister = await snapshot();
    expectError(
      await as('carl').put(`${url()}/attendance/${m.bob.id}`, { attended: true }),
      404,
      'not_found',
    );
    expect(await snapshot()).toBe(afterUnregister);
    expect(afterUnregister).not.toBe(before);
    const search = (await as('carl').get(`${url()}/candidates?q=bob`)).json();
    expect(search.rows).toEqual([]);
    // An admin records him.
    expect((await as('ada').put(`${url()}/attendance/${m.bob.id}`, { attended: true })).statusCode).toBe(200);
    const [row] = await ctx.db
      .select()
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.memberId, m.bob.id));
    expect(row).toMatchObject({ trainingId, recordedByMemberId: m.ada.id });
  });

  it('two trainings of one month recorded at the same time still count a member once', async () => {
    const make = async (who: Who, topic: string) =>
      (
        await as(who).post('/api/v1/trainings', {
          topic,
          format: 'offline',
          heldOn: '2026-02-10',
          place: 'Sofia',
        })
      ).json().id as string;
    const first = await make('uma', 'Parallel 1');
    const second = await make('root', 'Parallel 2');
    const [a, b] = await Promise.all([
      as('uma').put(`/api/v1/trainings/${first}/attendance/${m.bob.id}`, { attended: true }),
      as('root').put(`/api/v1/trainings/${second}/attendance/${m.bob.id}`, { attended: true }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const rows = await ctx.db.select().from(memberRollups).where(eq(memberRollups.period, '2026-02-01'));
    const byMember = Object.fromEntries(rows.map((r) => [r.memberId, [r.trained, r.structureTrained]]));
    expect(byMember).toEqual({
      [m.bob.id]: [1, 1],
      [m.anna.id]: [0, 1],
      [m.uma.id]: [0, 1],
      [m.root.id]: [0, 1],
    });
  });
});
