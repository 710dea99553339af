// The KPI dashboard, its drill-down and the weekly analysis over HTTP, on a small team:
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)        otto: another organization
// Everyone joined on 2026-01-15. Orders and attendance are written the way postings write them
// (lockForPosting, then the rollups in the same transaction).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import {
  api,
  createMember,
  DEFAULT_PASSWORD,
  type MemberRow,
  signIn,
  useTestContext,
} from '../../../tests/support/index.ts';
import { orders, trainingRegistrations, trainings } from '../../db/schema/index.ts';
import { getMember } from '../structure/queries.ts';
import { addToRollups, deltasOn, lockForPosting, refreshTrainingFigures } from './rollups.ts';

describe('KPIs', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);

  async function post(member: MemberRow, day: string, points: number) {
    await ctx.db.transaction(async (tx) => {
      await lockForPosting(tx, member.organizationId);
      const current = (await getMember(tx, member.organizationId, member.id))!;
      await tx.insert(orders).values({
        organizationId: member.organizationId,
        id: randomUUID(),
        memberId: member.id,
        orderedOn: day,
        points: points * 100,
        amount: points * 100,
        currency: 'EUR',
        product: 'Test product',
      });
      await addToRollups(tx, member.organizationId, current.path, deltasOn(day, { points: points * 100 }));
    });
  }

  async function attend(member: MemberRow, day: string, format: 'offline' | 'online') {
    await ctx.db.transaction(async (tx) => {
      const trainingId = randomUUID();
      await tx.insert(trainings).values({
        organizationId: member.organizationId,
        id: trainingId,
        topic: 'Product knowledge',
        format,
        heldOn: day,
        organizerId: m.root.id,
      });
      await tx.insert(trainingRegistrations).values({
        organizationId: member.organizationId,
        trainingId,
        memberId: member.id,
        attendedAt: new Date(),
      });
      await lockForPosting(tx, member.organizationId);
      await refreshTrainingFigures(tx, member.organizationId, member, day);
    });
  }

  beforeAll(async () => {
    await post(m.bob, '2026-03-10', 10);
    await post(m.anna, '2026-03-12', 5.5);
    await post(m.carl, '2026-02-20', 7);
    await attend(m.bob, '2026-03-11', 'offline');
    await attend(m.bob, '2026-03-12', 'offline');
    await attend(m.anna, '2026-03-05', 'online');
  });

  const dashboard = async (who: Parameters<typeof as>[0], query: string) => {
    const response = await as(who).get(`/api/v1/kpis?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('shows my own and my structure’s numbers for 12 months, ending with this month', async () => {
    const d = await dashboard('anna', 'day=2026-03-15');
    expect(d.member).toMatchObject({ id: m.anna.id, isMe: true });
    expect(d.period).toBe('2026-03-01');
    expect(d.periodEnd).toBe('2026-03-31');
    expect(d.trend).toHaveLength(12);
    expect(d.trend[0].period).toBe('2025-04-01');
    expect(d.trend.at(-1)).toEqual({
      period: '2026-03-01',
      points: 5.5,
      structurePoints: 15.5,
      newMembers: 0,
      newFrontline: 0,
      trained: 2,
      trainedOffline: 1,
      trainedOnline: 1,
    });
    // Everyone joined in January: anna's structure gained bob, her frontline too.
    expect(d.trend.find((f: { period: string }) => f.period === '2026-01-01')).toMatchObject({
      newMembers: 1,
      newFrontline: 1,
    });
  });

  it('counts every depth for the upline, and a person once however often they trained', async () => {
    const d = await dashboard('root', 'day=2026-03-15');
    expect(d.trend.at(-1)).toMatchObject({ points: 0, structurePoints: 15.5, trained: 2, trainedOffline: 1 });
    expect(d.trend.at(-2)).toMatchObject({ period: '2026-02-01', structurePoints: 7 });
    expect(d.trend.at(-3)).toMatchObject({ period: '2026-01-01', newMembers: 5, newFrontline: 2 });
    expect(d.legs.map((l: { member: { name: string } }) => l.member.name)).toEqual(['uma', 'carl']);
    expect(d.legs[0]).toMatchObject({ structurePoints: 15.5, trained: 2 });
    expect(d.legCount).toBe(2);
  });

  it('counts by ISO week too', async () => {
    const d = await dashboard('uma', 'grain=week&day=2026-03-12');
    expect(d.period).toBe('2026-03-09');
    expect(d.periodEnd).toBe('2026-03-15');
    expect(d.trend.at(-1)).toMatchObject({ structurePoints: 15.5, trained: 1, trainedOffline: 1 });
    expect(d.trend.at(-2)).toMatchObject({ period: '2026-03-02', trained: 1, trainedOnline: 1 });
  });

  it('drills down to the members behind each number', async () => {
    const points = (await as('root').get('/api/v1/kpis/drilldown?kpi=points&day=2026-03-15')).json();
    expect(
      points.rows.map((r: { member: { name: string }; points: number; level: number }) => [
        r.member.name,
        r.points,
        r.level,
      ]),
    ).toEqual([
      ['bob', 10, 3],
      ['anna', 5.5, 2],
    ]);
    expect(points).toMatchObject({ total: 2, nextOffset: null, period: '2026-03-01' });

    const joined = (await as('root').get('/api/v1/kpis/drilldown?kpi=newMembers&day=2026-01-20')).json();
    expect(joined.total).toBe(5);
    const frontline = (
      await as('root').get('/api/v1/kpis/drilldown?kpi=newMembers&filter=frontline&day=2026-01-20')
    ).json();
    expect(frontline.rows.map((r: { member: { name: string } }) => r.member.name).sort()).toEqual([
      'carl',
      'uma',
    ]);

    const online = (
      await as('uma').get('/api/v1/kpis/drilldown?kpi=training&filter=online&day=2026-03-15')
    ).json();
    expect(online.rows).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ name: 'anna' }), trainedOnline: true }),
    ]);
  });

  it('shows a downline member’s numbers to the upline and admins, to nobody else', async () => {
    expect((await as('uma').get(`/api/v1/kpis?memberId=${m.bob.id}`)).statusCode).toBe(200);
    expect((await as('ada').get(`/api/v1/kpis?memberId=${m.bob.id}`)).statusCode).toBe(200);
    for (const [who, target] of [
      ['carl', m.anna],
      ['bob', m.anna],
      ['anna', m.uma],
      ['otto', m.anna],
    ] as const) {
      expect((await as(who).get(`/api/v1/kpis?memberId=${target.id}`)).statusCode, who).toBe(404);
      expect((await as(who).get(`/api/v1/kpis/drilldown?kpi=points&memberId=${target.id}`)).statusCode).toBe(
        404,
      );
      expect((await as(who).get(`/api/v1/reviews?memberId=${target.id}`)).statusCode).toBe(404);
      expect((await as(who).get(`/api/v1/reviews/team?memberId=${target.id}`)).statusCode).toBe(404);
    }
    for (const url of [
      '/api/v1/kpis',
      '/api/v1/kpis/drilldown?kpi=points',
      '/api/v1/reviews/current',
      '/api/v1/reviews',
    ]) {
      expect((await as('otto').get(url)).statusCode).toBe(200);
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    // Otto's own organization has none of team A's numbers.
    expect((await dashboard('otto', 'day=2026-03-15')).trend.at(-1).structurePoints).toBe(0);
  });

  it('refuses bad input, naming the field', async () => {
    const bad = await as('anna').get('/api/v1/kpis?grain=year');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('grain');
    const kpi = await as('anna').get('/api/v1/kpis/drilldown?kpi=fun');
    expect(kpi.statusCode).toBe(400);
    expect(kpi.json().error.fields[0].path).toBe('kpi');
    expect((await as('anna').get('/api/v1/kpis?day=2026-02-30')).statusCode).toBe(400);
    const filter = await as('anna').get('/api/v1/kpis/drilldown?kpi=points&filter=frontline');
    expect(filter.statusCode).toBe(400);
    expect(filter.json().error.fields[0].path).toBe('filter');
  });
});

describe('weekly analysis', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);
  // Monday 2026-03-16: the organization's default weekday (Monday) looks back at the week of 9 March.
  const monday = '2026-03-16';

  it('is due on the review weekday, with the week, the week before and the 4-week average', async () => {
    const state = (await as('anna').get(`/api/v1/reviews/current?today=${monday}`)).json();
    expect(state).toMatchObject({
      weekday: 1,
      ownWeekday: null,
      organizationWeekday: 1,
      reviewDay: monday,
      week: '2026-03-09',
      weekEnd: '2026-03-15',
      isReviewDay: true,
      due: true,
      missedLast: true,
      review: null,
    });
    expect(Object.keys(state.numbers)).toEqual(['week', 'lastWeek', 'average4']);
    expect(state.numbers.lastWeek.period).toBe('2026-03-02');
    expect(state.numbers.average4.period).toBe('2026-02-09');
  });

  it('saves the corrections with the numbers, shows history, and tells the sponsor', async () => {
    const saved = await as('anna').put(`/api/v1/reviews/2026-03-09`, {
      corrections: 'Two more 2+1 meetings; call the three from the Sofia list.',
      today: monday,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ due: false, review: { week: '2026-03-09' } });

    const history = (await as('anna').get(`/api/v1/reviews?today=${monday}`)).json();
    expect(history.weeks[0]).toMatchObject({ week: '2026-03-09', status: 'done' });
    expect(history.weeks[0].corrections).toContain('2+1');
    expect(history.weeks[1]).toMatchObject({ week: '2026-03-02', status: 'missed' });
    // Weeks before anna joined (2026-01-15) are not listed as missed.
    expect(history.weeks.every((w: { reviewDay: string }) => w.reviewDay >= '2026-01-15')).toBe(true);

    const team = (await as('uma').get(`/api/v1/reviews/team?today=${monday}`)).json();
    expect(team.rows).toEqual([
      expect.objectContaining({
        member: expect.objectContaining({ name: 'anna', level: 1 }),
        status: 'done',
      }),
    ]);
    // The sponsor sees that it was done and the numbers, not the text.
    const seen = (await as('uma').get(`/api/v1/reviews?memberId=${m.anna.id}&today=${monday}`)).json();
    expect(seen.weeks[0]).toMatchObject({ status: 'done', corrections: null });
    const downline = (await as('root').get(`/api/v1/reviews/team?scope=downline&today=${monday}`)).json();
    expect(downline.total).toBe(5);
  });

  it('refuses other weeks and empty corrections', async () => {
    const closed = await as('anna').put('/api/v1/reviews/2026-03-02', { corrections: 'Late', today: monday });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('review_closed');
    const tuesday = await as('anna').put('/api/v1/reviews/2026-03-10', { corrections: 'x', today: monday });
    expect(tuesday.statusCode).toBe(400);
    expect(tuesday.json().error.fields[0]).toMatchObject({ path: 'week', code: 'week_start' });
    const empty = await as('anna').put('/api/v1/reviews/2026-03-09', { corrections: '  ', today: monday });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('corrections');
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/v1/reviews/2026-03-09' })).statusCode).toBe(401);
  });

  it('starts a newcomer with their first whole week, and never answers 500 for an empty history', async () => {
    // Nina joined under Anna on Wednesday 11 March, after Monday 9 March, the last review day before.
    const { member: nina } = await createMember(ctx.db, {
      organizationId: m.anna.organizationId,
      sponsor: m.anna,
      name: 'nina',
      joinedOn: '2026-03-11',
      account: { email: 'nina@example.test' },
    });
    const ninaApi = api(ctx.app, await signIn(ctx.app, 'nina@example.test', DEFAULT_PASSWORD));
    const state = (await ninaApi.get(`/api/v1/reviews/current?today=${monday}`)).json();
    // Her first whole week is 16–22 March; the Monday after looks at it. Nothing is written or due yet.
    expect(state).toMatchObject({
      status: 'upcoming',
      due: false,
      missedLast: false,
      reviewDay: '2026-03-23',
      week: '2026-03-16',
      review: null,
    });
    // The week she joined in counts; the weeks before have no numbers at all (not zeros): the average is
    // hers alone.
    expect(state.numbers.lastWeek.period).toBe('2026-03-09');
    const { period: _, ...averaged } = state.numbers.average4;
    const { period: __, ...joinWeek } = state.numbers.lastWeek;
    expect(averaged).toEqual(joinWeek);
    const history = await ninaApi.get(`/api/v1/reviews?today=${monday}`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().weeks).toEqual([]);
    const early = await ninaApi.put('/api/v1/reviews/2026-03-16', { corrections: 'Early', today: monday });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('review_not_yet');
    // The week before she joined cannot be analysed either.
    expect(
      (await ninaApi.put('/api/v1/reviews/2026-03-09', { corrections: 'x', today: monday })).statusCode,
    ).toBe(409);
    const team = (await as('anna').get(`/api/v1/reviews/team?today=${monday}`)).json();
    expect(team.rows.find((r: { member: { id: string } }) => r.member.id === nina.id)).toMatchObject({
      status: 'upcoming',
      missedLast: false,
    });
    // On her first review day it is due; the history starts with it.
    ctx.clock.set('2026-03-23T10:00:00.000Z');
    try {
      const due = (await ninaApi.get('/api/v1/reviews/current?today=2026-03-23')).json();
      expect(due).toMatchObject({ status: 'due', due: true, week: '2026-03-16', missedLast: false });
      const first = (await ninaApi.get('/api/v1/reviews?today=2026-03-23')).json();
      expect(first.weeks.map((w: { week: string; status: string }) => [w.week, w.status])).toEqual([
        ['2026-03-16', 'open'],
      ]);
      const saved = await ninaApi.put('/api/v1/reviews/2026-03-16', {
        corrections: 'Two calls a day',
        today: '2026-03-23',
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ status: 'written', due: false });
    } finally {
      ctx.clock.set('2026-03-15T10:00:00.000Z');
    }
  });

  it('shows no numbers for the weeks before someone joined', async () => {
    // Olga joined on Monday 9 March: that whole week is her first, due today, Monday 16 March.
    await createMember(ctx.db, {
      organizationId: m.anna.organizationId,
      sponsor: m.anna,
      name: 'olga',
      joinedOn: '2026-03-09',
      account: { email: 'olga@example.test' },
    });
    const olga = api(ctx.app, await signIn(ctx.app, 'olga@example.test', DEFAULT_PASSWORD));
    const state = (await olga.get(`/api/v1/reviews/current?today=${monday}`)).json();
    expect(state).toMatchObject({ week: '2026-03-09', status: 'due' });
    expect(state.numbers.week.period).toBe('2026-03-09');
    expect(state.numbers.lastWeek).toBeNull();
    expect(state.numbers.average4).toBeNull();
  });

  it('tells a customer the analysis is a partner’s, not that it is written', async () => {
    await createMember(ctx.db, {
      organizationId: m.anna.organizationId,
      sponsor: m.anna,
      name: 'cora',
      kind: 'customer',
      account: { email: 'cora@example.test' },
    });
    const cora = api(ctx.app, await signIn(ctx.app, 'cora@example.test', DEFAULT_PASSWORD));
    expect((await cora.get(`/api/v1/reviews/current?today=${monday}`)).json()).toMatchObject({
      status: 'partnersOnly',
      due: false,
      missedLast: false,
    });
  });

  it('follows my own weekday, and admins set the organization’s', async () => {
    const friday = (
      await as('bob').put(`/api/v1/reviews/settings/weekday?today=${monday}`, { weekday: 5 })
    ).json();
    // On Monday, a Friday reviewer's latest review day was Friday 13 March, about that week.
    expect(friday).toMatchObject({
      weekday: 5,
      ownWeekday: 5,
      reviewDay: '2026-03-13',
      week: '2026-03-09',
      isReviewDay: false,
    });
    expect((await as('bob').put('/api/v1/reviews/settings/weekday', { weekday: 8 })).statusCode).toBe(400);
    expect(
      (await as('uma').put('/api/v1/reviews/settings/organization-weekday', { weekday: 7 })).statusCode,
    ).toBe(403);
    expect(
      (await as('root').put('/api/v1/reviews/settings/organization-weekday', { weekday: 7 })).statusCode,
    ).toBe(200);
    const sunday = (await as('anna').get(`/api/v1/reviews/current?today=${monday}`)).json();
    expect(sunday).toMatchObject({
      weekday: 7,
      organizationWeekday: 7,
      reviewDay: '2026-03-15',
      week: '2026-03-09',
    });
    // Otto's organization keeps its own default.
    expect((await as('otto').get(`/api/v1/reviews/current?today=${monday}`)).json().weekday).toBe(1);
  });
});
