// Who reads and writes plans and goals: anonymous callers get 401 before anything is read; the member
// writes their own (no endpoint writes someone else's); their upline and admins read them; the rest of
// the organization — the downline, another branch — and other organizations find nothing (404). What
// the upline reads are counts and the member's own words about plans, never the diary or contacts behind
// them. Nothing refused is written.
//
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)          otto: another organization.
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { api, expectError, useTestContext } from '../../../tests/support/index.ts';
import { annualGoals, planItems, plans } from '../../db/schema/index.ts';

describe('plan privacy', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);
  let customId: string;

  beforeAll(async () => {
    ctx.clock.set('2026-03-16T09:00:00Z');
    await addContact('anna', { name: 'Secret Prospect', city: 'София' });
    const entry = await as('anna').post('/api/v1/diary/entries', {
      kind: 'event',
      day: '2026-03-16',
      title: 'Private call with the neighbour',
      eventType: 'call',
      startsAt: '2026-03-16T08:00:00Z',
    });
    if (entry.statusCode !== 201) throw new Error(entry.body);
    const week = await as('anna').put('/api/v1/plans/week/2026-03-16', {
      items: [
        { activity: 'contacts_added', target: 5 },
        { activity: 'calls', target: 5 },
        { activity: 'custom', title: 'Plan the launch party' },
      ],
    });
    if (week.statusCode !== 200) throw new Error(week.body);
    customId = week.json().plan.items[2].id;
    const goal = await as('anna').put('/api/v1/goals/2026', { statement: 'Reach the first rank' });
    if (goal.statusCode !== 200) throw new Error(goal.body);
  });

  const snapshot = async () =>
    JSON.stringify([
      await ctx.db.select().from(plans).orderBy(plans.id),
      await ctx.db.select().from(planItems).orderBy(planItems.id),
      await ctx.db.select().from(annualGoals).orderBy(annualGoals.memberId),
    ]);

  const reads = () => [
    `/api/v1/plans/overview?memberId=${m.anna.id}`,
    `/api/v1/plans/week/2026-03-16?memberId=${m.anna.id}`,
    `/api/v1/plans/team?memberId=${m.anna.id}`,
    `/api/v1/goals/2026?memberId=${m.anna.id}`,
    `/api/v1/goals/current?memberId=${m.anna.id}`,
  ];

  it('anonymous callers get 401 everywhere, and nothing is written', async () => {
    const before = await snapshot();
    const anonymous = api(ctx.app);
    for (const [method, path, body] of [
      ['GET', '/api/v1/plans/overview', undefined],
      ['GET', '/api/v1/plans/team', undefined],
      ['GET', '/api/v1/plans/week/2026-03-16', undefined],
      ['PUT', '/api/v1/plans/week/2026-03-16', { items: [{ activity: 'calls', target: 1 }] }],
      ['DELETE', '/api/v1/plans/week/2026-03-16', undefined],
      ['POST', `/api/v1/plans/items/${customId}/tick`, { done: true }],
      ['GET', '/api/v1/goals/2026', undefined],
      ['GET', '/api/v1/goals/current', undefined],
      ['PUT', '/api/v1/goals/2026', { statement: 'Taken over' }],
    ] as const) {
      expectError(await anonymous.request(method, path, body), 401, 'unauthenticated');
    }
    expect(await snapshot()).toBe(before);
  });

  it('the sponsor, the upline and admins read the plans, the progress and the habit', async () => {
    for (const who of ['uma', 'root', 'ada'] as const) {
      for (const path of reads()) {
        const response = await as(who).get(path);
        expect(response.statusCode, `${who} ${path}: ${response.body}`).toBe(200);
        // Counts and plans, never the diary or the contacts behind them.
        expect(response.body).not.toContain('Secret Prospect');
        expect(response.body).not.toContain('Private call');
      }
      const page = (await as(who).get(`/api/v1/plans/week/2026-03-16?memberId=${m.anna.id}`)).json();
      expect(page.canEdit).toBe(false);
      expect(page.plan.items.map((i: { actual: number | null }) => i.actual)).toEqual([1, 1, null]);
    }
  });

  it('the downline, another branch and other organizations find nothing', async () => {
    const cases: [Who, string][] = [
      ['bob', m.anna.id],
      ['carl', m.anna.id],
      ['otto', m.anna.id],
      ['anna', m.otto.id],
      ['anna', m.uma.id],
    ];
    for (const [who, memberId] of cases) {
      for (const path of reads()) {
        const url = path.replace(m.anna.id, memberId);
        expectError(await as(who).get(url), 404, 'not_found');
      }
    }
  });

  it('nobody writes someone else’s plan: a tick is 403 in view, 404 outside it; writes are always one’s own', async () => {
    const before = await snapshot();
    expectError(
      await as('uma').post(`/api/v1/plans/items/${customId}/tick`, { done: true }),
      403,
      'forbidden',
    );
    expectError(
      await as('root').post(`/api/v1/plans/items/${customId}/tick`, { done: true }),
      403,
      'forbidden',
    );
    for (const who of ['bob', 'carl', 'otto'] as const) {
      expectError(
        await as(who).post(`/api/v1/plans/items/${customId}/tick`, { done: true }),
        404,
        'not_found',
      );
    }
    // A memberId on a write is not part of the API: the write fails validation or lands on the writer.
    const strict = await as('uma').put(`/api/v1/goals/2026`, { statement: 'Theirs', memberId: m.anna.id });
    expectError(strict, 400, 'validation_failed');
    expect(await snapshot()).toBe(before);

    // Deleting is also one's own: uma has no plan of that week, anna's stays.
    expectError(await as('uma').delete('/api/v1/plans/week/2026-03-16'), 404, 'not_found');
    expect(await snapshot()).toBe(before);
  });

  it('the team view lists only the leader’s own line', async () => {
    const team = (await as('carl').get('/api/v1/plans/team?scope=downline')).json();
    expect(team.rows.map((r: { member: { id: string } }) => r.member.id)).toEqual([m.ada.id]);
    const otto = (await as('otto').get('/api/v1/plans/team?scope=downline')).json();
    expect(otto.total).toBe(0);
  });
});
