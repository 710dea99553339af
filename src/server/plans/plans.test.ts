// The planning cascade over HTTP, as the member who plans: the annual goal with the intake answer as a
// suggestion, a 3-month plan and the weekly split it proposes, progress counted from real activity (in
// the member's time zone, deleted activity no longer counting), the day plan written by the evening
// review, next week's plan from the weekly analysis, the habit, and bad input.
//
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)          otto: another organization.
// The clock starts on Sunday 2026-03-15; each test sets the moment it needs.
import { describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { openFollowup } from '../followup/queries.ts';

type Item = {
  id: string;
  activity: string;
  target: number | null;
  actual: number | null;
  pace: string;
  done: boolean;
};
const item = (plan: { items: Item[] }, activity: string) => plan.items.find((i) => i.activity === activity)!;

describe('plans', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);

  const ok = async (response: { statusCode: number; body: string; json(): unknown }, status = 200) => {
    expect(response.statusCode, response.body).toBe(status);
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
    return (status === 204 ? null : response.json()) as any;
  };

  it('the annual goal suggests the income from the first conversation and is written by the member', async () => {
    ctx.clock.set('2026-03-15T10:00:00Z');
    await openFollowup(ctx.db, m.anna.organizationId, m.anna);
    await ok(
      await as('uma').put(`/api/v1/members/${m.anna.id}/followup/intake`, {
        answers: { income: '1500 € a month by December' },
      }),
    );
    const empty = await ok(await as('anna').get('/api/v1/goals/2026'));
    expect(empty).toMatchObject({
      goal: null,
      incomeSuggestion: '1500 € a month by December',
      canEdit: true,
    });

    const saved = await ok(
      await as('anna').put('/api/v1/goals/2026', {
        statement: 'Build a team of 20 active partners',
        income: '1500 € a month',
        reason: 'Time for my children',
      }),
    );
    expect(saved.goal).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31',
      statement: 'Build a team of 20 active partners',
      reason: 'Time for my children',
    });
    // The sponsor reads it and cannot write it.
    expect(await ok(await as('uma').get(`/api/v1/goals/2026?memberId=${m.anna.id}`))).toMatchObject({
      goal: { statement: 'Build a team of 20 active partners' },
      canEdit: false,
    });
    expectError(await as('anna').put('/api/v1/goals/2025', { statement: 'Too late' }), 409, 'plan_closed');
    const blank = expectError(
      await as('anna').put('/api/v1/goals/2026', { statement: ' ' }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(blank)).toEqual(['statement']);
  });

  it('a goal runs for twelve months from any month, and one member’s goals never overlap', async () => {
    // Bob joined in January; in December he sets a goal for the next twelve months.
    ctx.clock.set('2026-12-07T10:00:00Z');
    try {
      const none = await ok(await as('bob').get('/api/v1/goals/current'));
      expect(none).toMatchObject({ start: '2026-12-01', end: '2027-11-30', goal: null, canEdit: true });
      const saved = await ok(await as('bob').put('/api/v1/goals/2026-12', { statement: 'My first rank' }));
      expect(saved).toMatchObject({
        start: '2026-12-01',
        end: '2027-11-30',
        goal: { start: '2026-12-01', end: '2027-11-30', statement: 'My first rank' },
      });
      expect(await ok(await as('bob').get('/api/v1/goals/current'))).toMatchObject({
        goal: { statement: 'My first rank' },
      });
      // His sponsor reads the goal running today.
      expect(await ok(await as('anna').get(`/api/v1/goals/current?memberId=${m.bob.id}`))).toMatchObject({
        goal: { statement: 'My first rank' },
        canEdit: false,
      });
      // A goal from January 2027, or for the calendar year 2026, would share months with it.
      expectError(await as('bob').put('/api/v1/goals/2027-01', { statement: 'x' }), 409, 'goal_overlap');
      expectError(await as('bob').put('/api/v1/goals/2026', { statement: 'x' }), 409, 'goal_overlap');
      // The one after it may be written ahead.
      await ok(await as('bob').put('/api/v1/goals/2027-12', { statement: 'The next rank' }));
      // A start that is no month is a 400 naming it.
      const bad = expectError(
        await as('bob').put('/api/v1/goals/2027-13', { statement: 'x' }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(bad)).toEqual(['start']);
      expectError(await as('bob').get('/api/v1/goals/2027-02-15'), 400, 'validation_failed');
    } finally {
      ctx.clock.set('2026-03-15T10:00:00Z');
    }
  });

  it('a 3-month plan proposes its weekly split, and the proposal is accepted as the week plan', async () => {
    ctx.clock.set('2026-03-15T10:00:00Z');
    const quarter = await ok(
      await as('anna').put('/api/v1/plans/three_months/2026-03-01', {
        items: [
          { activity: 'contacts_added', target: 77 },
          { activity: 'presentations', target: 11 },
          { activity: 'custom', title: 'Read the starter book' },
        ],
      }),
    );
    expect(quarter).toMatchObject({ start: '2026-03-01', end: '2026-05-31', canEdit: true, proposal: [] });
    expect(quarter.plan.items.map((i: Item) => i.activity)).toEqual([
      'contacts_added',
      'presentations',
      'custom',
    ]);

    // The week of 16 March: nothing done yet, 77 days left from it → 77 × 7 / 77 = 7; 11 × 7 / 77 = 1.
    const week = await ok(await as('anna').get('/api/v1/plans/week/2026-03-16'));
    expect(week.plan).toBeNull();
    expect(week.parents).toEqual([{ level: 'three_months', start: '2026-03-01', end: '2026-05-31' }]);
    expect(week.proposal).toEqual([
      { activity: 'contacts_added', target: 7 },
      { activity: 'presentations', target: 1 },
    ]);
    const accepted = await ok(
      await as('anna').put('/api/v1/plans/week/2026-03-16', { items: week.proposal }),
    );
    expect(accepted.plan.items.map((i: Item) => [i.activity, i.target])).toEqual([
      ['contacts_added', 7],
      ['presentations', 1],
    ]);
    expect(accepted.plan.madeInAdvance).toBe(true);
  });

  it('progress comes from what the member did; deleted activity stops counting; future events do not count yet', async () => {
    ctx.clock.set('2026-03-16T09:00:00Z');
    const contacts = [];
    for (const name of ['Maria Petrova', 'Georgi Ivanov', 'Elena Dimitrova'])
      contacts.push(await addContact('anna', { name, city: 'София' }));
    await ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'event',
        day: '2026-03-16',
        title: 'Presentation at the café',
        eventType: 'presentation',
        startsAt: '2026-03-16T07:00:00Z',
      }),
      201,
    );
    await ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'event',
        day: '2026-03-18',
        title: 'Presentation next Wednesday',
        eventType: 'presentation',
        startsAt: '2026-03-18T17:00:00Z',
      }),
      201,
    );
    // A call logged on a contact, and an invitation (the contact moved to "invited").
    await ok(
      await as('anna').post(`/api/v1/contacts/${contacts[0]!.id}/interactions`, {
        kind: 'call',
        occurredOn: '2026-03-16',
      }),
      201,
    );
    await ok(
      await as('anna').post(`/api/v1/contacts/${contacts[1]!.id}/interactions`, {
        kind: 'message',
        occurredOn: '2026-03-16',
        stage: 'invited',
      }),
      201,
    );
    await ok(
      await as('anna').put('/api/v1/plans/week/2026-03-16', {
        items: [
          { activity: 'contacts_added', target: 7 },
          { activity: 'presentations', target: 1 },
          { activity: 'calls', target: 5 },
          { activity: 'invitations', target: 3 },
        ],
      }),
    );
    let week = (await ok(await as('anna').get('/api/v1/plans/week/2026-03-16'))).plan;
    expect(item(week, 'contacts_added')).toMatchObject({ actual: 3, target: 7, pace: 'ahead' });
    expect(item(week, 'presentations')).toMatchObject({ actual: 1, pace: 'done' });
    expect(item(week, 'calls')).toMatchObject({ actual: 1 });
    expect(item(week, 'invitations')).toMatchObject({ actual: 1 });
    // Moving a contact to "invited" by hand (the stage picker) is an invitation too.
    await ok(await as('anna').patch(`/api/v1/contacts/${contacts[0]!.id}`, { stage: 'invited' }));
    week = (await ok(await as('anna').get('/api/v1/plans/week/2026-03-16'))).plan;
    expect(item(week, 'invitations')).toMatchObject({ actual: 2 });
    expect(week.status).toBe('running');

    // A deleted contact no longer counts.
    await ok(await as('anna').delete(`/api/v1/contacts/${contacts[2]!.id}`), 204);
    week = (await ok(await as('anna').get('/api/v1/plans/week/2026-03-16'))).plan;
    expect(item(week, 'contacts_added').actual).toBe(2);

    // On Wednesday evening the second presentation has taken place; by Thursday 3 contacts a day were due.
    ctx.clock.set('2026-03-19T09:00:00Z');
    week = (await ok(await as('anna').get('/api/v1/plans/week/2026-03-16'))).plan;
    expect(item(week, 'presentations').actual).toBe(2);
    expect(item(week, 'contacts_added')).toMatchObject({ actual: 2, expected: 3, pace: 'behind' });
  });

  it('days are the member’s own: a contact added after midnight in Sofia counts on Sofia’s day', async () => {
    ctx.clock.set('2026-03-22T22:30:00Z'); // Monday 23 March, 00:30 in Sofia; still Sunday in UTC
    await ok(
      await as('bob').put('/api/v1/plans/week/2026-03-23', {
        items: [{ activity: 'contacts_added', target: 10 }],
      }),
    );
    // In UTC it is still Sunday 22 March, so the contact belongs to the week before.
    await addContact('bob', { name: 'Late night contact', city: 'Berlin' });
    let page = await ok(await as('bob').get('/api/v1/plans/week/2026-03-23'));
    expect(item(page.plan, 'contacts_added').actual).toBe(0);

    const zone = await ok(await as('bob').patch('/api/v1/me', { timeZone: 'europe/sofia' }));
    expect(zone.member.timeZone).toBe('Europe/Sofia');
    page = await ok(await as('bob').get('/api/v1/plans/week/2026-03-23'));
    expect(page.today).toBe('2026-03-23');
    expect(item(page.plan, 'contacts_added').actual).toBe(1);

    // Names only: PostgreSQL would read an offset's sign the other way round.
    for (const timeZone of ['Mars/Olympus', '+05:30']) {
      const bad = expectError(await as('bob').patch('/api/v1/me', { timeZone }), 400, 'validation_failed');
      expect(fieldPaths(bad)).toEqual(['timeZone']);
    }
  });

  it('the evening review writes tomorrow’s day plan, in advance; the habit counts it', async () => {
    ctx.clock.set('2026-03-19T19:00:00Z');
    const proposal = await ok(await as('anna').get('/api/v1/plans/day/2026-03-20'));
    // From the week plan: what is left over the days left (Friday to Sunday), rounded up.
    expect(proposal.parents[0]).toMatchObject({ level: 'week', start: '2026-03-16' });
    expect(proposal.proposal.length).toBeGreaterThan(0);
    await ok(
      await as('anna').post('/api/v1/diary/days/2026-03-19/review', {
        dayPlan: {
          items: [
            { activity: 'calls', target: 3 },
            { activity: 'custom', title: 'Send the catalog to Maria' },
          ],
        },
      }),
    );
    const tomorrow = (await ok(await as('anna').get('/api/v1/plans/day/2026-03-20'))).plan;
    expect(tomorrow).toMatchObject({ madeInAdvance: true, status: 'upcoming' });
    let overview = await ok(await as('anna').get('/api/v1/plans/overview'));
    expect(overview.habit).toMatchObject({ tomorrowPlanned: true, todayPlanned: false, streak: 0 });
    expect(overview.current.tomorrow.id).toBe(tomorrow.id);
    expect(item(overview.current.week, 'presentations').actual).toBe(2);

    // The next morning it is today's plan, and the streak has begun; the evening review counted too.
    ctx.clock.set('2026-03-20T08:00:00Z');
    overview = await ok(await as('anna').get('/api/v1/plans/overview'));
    expect(overview.current.day.id).toBe(tomorrow.id);
    expect(overview.habit).toMatchObject({
      todayPlanned: true,
      streak: 1,
      daysInAdvance: 1,
      weeksPlanned: 1,
    });
    expect(overview.goal.statement).toBe('Build a team of 20 active partners');
    expect(overview.current.three_months.start).toBe('2026-03-01');
    // What the plans page opens on comes with it, the same as its own requests answer.
    expect(overview.week).toEqual(await ok(await as('anna').get('/api/v1/plans/week/2026-03-16')));
    expect(overview.goalPage).toEqual(await ok(await as('anna').get('/api/v1/goals/current')));

    // A custom item is ticked by hand and keeps its tick when the plan is rewritten.
    const custom = item(overview.current.day, 'custom');
    const ticked = await ok(await as('anna').post(`/api/v1/plans/items/${custom.id}/tick`, { done: true }));
    expect(item(ticked, 'custom')).toMatchObject({ done: true, pace: 'done' });
    const rewritten = await ok(
      await as('anna').put('/api/v1/plans/day/2026-03-20', {
        items: [
          { activity: 'calls', target: 4 },
          { id: custom.id, activity: 'custom', title: 'Send the catalog to Maria' },
        ],
      }),
    );
    expect(item(rewritten.plan, 'custom')).toMatchObject({ id: custom.id, done: true });
    // Rewriting today's plan keeps the moment it was first written: still made in advance.
    expect(rewritten.plan.madeInAdvance).toBe(true);
    const measured = item(rewritten.plan, 'calls');
    expectError(
      await as('anna').post(`/api/v1/plans/items/${measured.id}/tick`, { done: true }),
      400,
      'bad_request',
    );
    // A day plan that is over stays as it was, ticks included.
    ctx.clock.set('2026-03-22T08:00:00Z');
    expectError(
      await as('anna').post(`/api/v1/plans/items/${custom.id}/tick`, { done: false }),
      409,
      'plan_closed',
    );
    // The evening review names a bad day plan's field under `dayPlan`, and writes nothing.
    const duplicate = expectError(
      await as('anna').post('/api/v1/diary/days/2026-03-22/review', {
        dayPlan: {
          items: [
            { activity: 'calls', target: 3 },
            { activity: 'calls', target: 4 },
          ],
        },
      }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(duplicate)).toEqual(['dayPlan.items.1.activity']);
    expect((await ok(await as('anna').get('/api/v1/plans/day/2026-03-23'))).plan).toBeNull();
  });

  it('the weekly analysis shows the week’s plan and writes next week’s', async () => {
    ctx.clock.set('2026-03-23T09:00:00Z'); // Monday: the week of 16 March is reviewed
    const current = await ok(await as('anna').get('/api/v1/reviews/current'));
    expect(current.week).toBe('2026-03-16');
    expect(current.plan.week.start).toBe('2026-03-16');
    expect(item(current.plan.week, 'presentations')).toMatchObject({ actual: 2, pace: 'done' });
    expect(current.plan.next).toMatchObject({ start: '2026-03-23', end: '2026-03-29', plan: null });
    expect(current.plan.next.proposal.map((p: { activity: string }) => p.activity)).toEqual([
      'contacts_added',
      'presentations',
    ]);
    const saved = await ok(
      await as('anna').put('/api/v1/reviews/2026-03-16', {
        corrections: 'More calls in the mornings',
        nextWeekPlan: { items: [...current.plan.next.proposal, { activity: 'calls', target: 10 }] },
      }),
    );
    expect(saved.review.corrections).toBe('More calls in the mornings');
    expect(saved.plan.next.plan.items.map((i: Item) => [i.activity, i.target])).toEqual([
      ...current.plan.next.proposal.map((p: { activity: string; target: number }) => [p.activity, p.target]),
      ['calls', 10],
    ]);
    // A bad plan writes neither the plan nor the review.
    const bad = expectError(
      await as('anna').put('/api/v1/reviews/2026-03-16', {
        corrections: 'Changed my mind',
        nextWeekPlan: { items: [{ activity: 'calls', target: 0 }] },
      }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(bad)).toEqual(['nextWeekPlan.items.0.target']);
    const after = await ok(await as('anna').get('/api/v1/reviews/current'));
    expect(after.review.corrections).toBe('More calls in the mornings');
  });

  it('the sponsor sees who in the team plans', async () => {
    ctx.clock.set('2026-03-20T08:00:00Z');
    const team = await ok(await as('uma').get('/api/v1/plans/team'));
    expect(team.total).toBe(1);
    expect(team.rows[0]).toMatchObject({
      member: { id: m.anna.id, level: 1 },
      today: '2026-03-20',
      week: { items: 4 },
      habit: { todayPlanned: true, streak: 1 },
    });
    const downline = await ok(await as('uma').get('/api/v1/plans/team?scope=downline'));
    expect(downline.rows.map((r: { member: { id: string } }) => r.member.id)).toEqual([m.anna.id, m.bob.id]);
    expect(downline.rows[1].week).toBeNull();
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    ctx.clock.set('2026-03-20T08:00:00Z');
    const paths = async (url: string, body: unknown) =>
      fieldPaths(expectError(await as('carl').put(url, body), 400, 'validation_failed'));
    expect(
      await paths('/api/v1/plans/week/2026-03-17', { items: [{ activity: 'calls', target: 1 }] }),
    ).toEqual(['start']);
    expect(
      await paths('/api/v1/plans/month/2026-04-02', { items: [{ activity: 'calls', target: 1 }] }),
    ).toEqual(['start']);
    expect(
      await paths('/api/v1/plans/year/2026-01-01', { items: [{ activity: 'calls', target: 1 }] }),
    ).toEqual(['level']);
    expect(await paths('/api/v1/plans/week/2026-03-23', { items: [] })).toEqual(['items']);
    expect(
      await paths('/api/v1/plans/week/2999-12-30', { items: [{ activity: 'calls', target: 1 }] }),
    ).toEqual(['start']);
    expect(
      await paths('/api/v1/plans/week/2026-03-23', {
        items: [
          { activity: 'calls', target: 2 },
          { activity: 'calls', target: 3 },
        ],
      }),
    ).toEqual(['items.1.activity']);
    expect(
      await paths('/api/v1/plans/week/2026-03-23', { items: [{ activity: 'calls', target: 10_001 }] }),
    ).toEqual(['items.0.target']);
    expect(
      await paths('/api/v1/plans/week/2026-03-23', { items: [{ activity: 'custom', title: ' ' }] }),
    ).toEqual(['items.0.title']);
    expect(
      await paths('/api/v1/plans/week/2026-03-23', { items: [{ activity: 'dancing', target: 1 }] }),
    ).toEqual(['items.0.activity']);
    expectError(
      await as('carl').put('/api/v1/plans/week/2026-03-09', { items: [{ activity: 'calls', target: 1 }] }),
      409,
      'plan_closed',
    );
    await ok(
      await as('carl').put('/api/v1/plans/three_months/2026-03-01', {
        items: [{ activity: 'calls', target: 30 }],
      }),
    );
    expectError(
      await as('carl').put('/api/v1/plans/three_months/2026-05-01', {
        items: [{ activity: 'calls', target: 30 }],
      }),
      409,
      'plan_overlap',
    );
    await ok(
      await as('carl').put('/api/v1/plans/three_months/2026-06-01', {
        items: [{ activity: 'calls', target: 30 }],
      }),
    );
    const overview = await ok(await as('carl').get('/api/v1/plans/overview'));
    expect(overview.current.week).toBeNull();
    // Deleting: a plan that is over stays; a running one goes.
    expectError(await as('carl').delete('/api/v1/plans/week/2026-03-09'), 404, 'not_found');
    await ok(await as('carl').delete('/api/v1/plans/three_months/2026-06-01'), 204);
    expectError(await as('carl').get('/api/v1/plans/overview?memberId=not-a-uuid'), 400, 'validation_failed');
  });
});
