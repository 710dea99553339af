// Following up a new member: opened on joining from the template of the day, due dates and the contact
// flag against an injected clock and the device's day, intake answers, ticks, steps that tick
// themselves, and the board.
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { type Joined, joinUnder } from '../../../tests/support/followup.ts';
import { expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';

interface Step {
  key: string;
  dueOn: string;
  done: boolean;
  overdue: boolean;
  doneBy: { name: string } | null;
}

const stepOf = (body: { steps: Step[] }, key: string) => body.steps.find((s) => s.key === key)!;

describe('following up a new member', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);
  let nina: Joined;

  beforeAll(async () => {
    ctx.clock.set('2026-03-15T10:00:00Z');
    nina = await joinUnder(ctx, as('anna'), 'Nina Petrova');
  });

  it('joining opens the follow-up with due dates counted from the join day', async () => {
    const response = await as('anna').get(`/api/v1/members/${nina.id}/followup?today=2026-03-15`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.member).toMatchObject({
      name: 'Nina Petrova',
      joinedOn: '2026-03-15',
      sponsor: { id: m.anna.id },
    });
    expect(body.steps.map((s: Step) => [s.key, s.dueOn])).toEqual([
      ['intake', '2026-03-16'],
      ['marketing_plan', '2026-03-17'],
      ['goal', '2026-03-17'],
      ['lists', '2026-03-17'],
      ['diary', '2026-03-17'],
      ['business_plan', '2026-03-21'],
      ['business_card', '2026-03-21'],
      ['presentation', '2026-03-21'],
      ['sponsoring', '2026-03-28'],
    ]);
    expect(body.steps.every((s: Step) => !s.done && !s.overdue)).toBe(true);
    expect(body.intake.questions).toHaveLength(5);
    expect(body.intake.questions[0].text.bg).toBe('Какво ви привлече в компанията?');
    expect(body).toMatchObject({ isSelf: false, can: { tick: true, editIntake: true, logTouchpoint: true } });
  });

  it('the first actions are overdue on the third day after joining, on the board and on Today', async () => {
    const onDay = async (today: string) =>
      (await as('anna').get(`/api/v1/followups?today=${today}`))
        .json()
        .rows.find((r: { member: { id: string } }) => r.member.id === nina.id);
    expect((await onDay('2026-03-16')).overdue).toBe(0);
    // A step due today is not overdue yet, but the newcomer is on the sponsor's Today for it.
    const first = (await as('anna').get('/api/v1/followups/today?today=2026-03-16')).json();
    const nina16 = first.attention.find(
      (r: { member: { name: string } }) => r.member.name === 'Nina Petrova',
    );
    expect(nina16.overdue).toBe(0);
    expect(nina16.steps.some((s: Step) => !s.done && s.dueOn === '2026-03-16')).toBe(true);
    expect((await onDay('2026-03-17')).overdue).toBe(1);
    const late = await onDay('2026-03-18');
    expect(late.overdue).toBe(5);
    expect(late.steps.filter((s: Step) => s.overdue).map((s: Step) => s.key)).toEqual([
      'intake',
      'marketing_plan',
      'goal',
      'lists',
      'diary',
    ]);
    const today = (await as('anna').get('/api/v1/followups/today?today=2026-03-18')).json();
    expect(today.attention.map((r: { member: { name: string } }) => r.member.name)).toContain('Nina Petrova');
    // Without a date from the device, the server's own day counts.
    ctx.clock.set('2026-03-18T09:00:00Z');
    expect((await as('anna').get('/api/v1/followups')).json().today).toBe('2026-03-18');
    ctx.clock.set('2026-03-15T10:00:00Z');
  });

  it('a member without a touchpoint for the interval is flagged; a touchpoint clears it', async () => {
    const view = async (today: string) =>
      (await as('anna').get(`/api/v1/members/${nina.id}/followup?today=${today}`)).json();
    expect(await view('2026-03-21')).toMatchObject({ daysWithoutContact: 6, flagged: false });
    expect(await view('2026-03-22')).toMatchObject({ daysWithoutContact: 7, flagged: true });
    const logged = await as('anna').post(`/api/v1/members/${nina.id}/touchpoints`, {
      kind: 'call',
      on: '2026-03-15',
      note: 'She wants to start with the products',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ kind: 'call', on: '2026-03-15', mine: true, by: { name: 'anna' } });
    const after = await view('2026-03-22');
    expect(after).toMatchObject({ lastTouchpointOn: '2026-03-15', daysWithoutContact: 7, flagged: true });
    const todayList = (await as('anna').get('/api/v1/followups/today?today=2026-03-22')).json();
    expect(todayList.attention.find((r: { member: { id: string } }) => r.member.id === nina.id).flagged).toBe(
      true,
    );
    ctx.clock.set('2026-03-20T10:00:00Z');
    await as('anna').post(`/api/v1/members/${nina.id}/touchpoints`, { kind: 'meeting', on: '2026-03-20' });
    expect(await view('2026-03-22')).toMatchObject({
      lastTouchpointOn: '2026-03-20',
      daysWithoutContact: 2,
      flagged: false,
    });
    ctx.clock.set('2026-03-15T10:00:00Z');
  });

  it('a touchpoint cannot be logged ahead of time', async () => {
    const response = await as('anna').post(`/api/v1/members/${nina.id}/touchpoints`, {
      kind: 'call',
      on: '2026-03-20',
    });
    expect(fieldPaths(expectError(response, 400, 'validation_failed'))).toEqual(['on']);
  });

  it('the sponsor records the intake; the new member and the upline read it; the step ticks itself', async () => {
    const saved = await as('anna').put(`/api/v1/members/${nina.id}/followup/intake`, {
      answers: { attraction: 'The products helped my mother', income: '500 € a month by summer', time: '' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.intake.updatedBy).toEqual({ id: m.anna.id, name: 'anna' });
    expect(stepOf(body, 'intake')).toMatchObject({ done: true, doneBy: null });
    for (const reader of [nina.client, as('uma'), as('root')]) {
      const view = (await reader.get(`/api/v1/members/${nina.id}/followup`)).json();
      expect(view.intake.questions.map((q: { answer: string }) => q.answer)).toEqual([
        'The products helped my mother',
        '',
        '500 € a month by summer',
        '',
        '',
      ]);
    }
    // The new member may answer too.
    const own = await nina.client.put(`/api/v1/members/${nina.id}/followup/intake`, {
      answers: { attraction: 'The products helped my mother', experience: 'Never before' },
    });
    expect(own.json().intake.questions[4].answer).toBe('Never before');
  });

  it('intake answers for unknown questions or too long are refused, naming the field', async () => {
    const unknown = await as('anna').put(`/api/v1/members/${nina.id}/followup/intake`, {
      answers: { salary: 'x' },
    });
    expect(fieldPaths(expectError(unknown, 400, 'validation_failed'))).toEqual(['answers.salary']);
    const long = await as('anna').put(`/api/v1/members/${nina.id}/followup/intake`, {
      answers: { income: 'x'.repeat(2001) },
    });
    expect(fieldPaths(expectError(long, 400, 'validation_failed'))).toEqual(['answers.income']);
  });

  it('both sides tick the manual steps of one record', async () => {
    const ticked = await nina.client.put(`/api/v1/members/${nina.id}/followup/steps/marketing_plan`, {
      done: true,
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(stepOf(ticked.json(), 'marketing_plan')).toMatchObject({
      done: true,
      doneBy: { name: 'Nina Petrova' },
    });
    const sponsorView = (await as('anna').get(`/api/v1/members/${nina.id}/followup`)).json();
    expect(stepOf(sponsorView, 'marketing_plan').done).toBe(true);
    const reopened = await as('anna').put(`/api/v1/members/${nina.id}/followup/steps/marketing_plan`, {
      done: false,
    });
    expect(stepOf(reopened.json(), 'marketing_plan')).toMatchObject({ done: false, doneBy: null });
    expectError(
      await as('anna').put(`/api/v1/members/${nina.id}/followup/steps/no_such_step`, { done: true }),
      404,
      'not_found',
    );
  });

  it('the lists, diary, card, presentation and 2+1 steps complete themselves', async () => {
    const client = nina.client;
    const open = async () => (await client.get(`/api/v1/members/${nina.id}/followup`)).json();
    await client.post('/api/v1/contacts', { name: 'Maria', city: 'София' });
    expect(stepOf(await open(), 'lists').done).toBe(false);
    const contact = (await client.post('/api/v1/contacts', { name: 'Georg', city: 'Plovdiv' })).json();
    expect(stepOf(await open(), 'lists')).toMatchObject({ done: true, doneBy: null });

    await client.post('/api/v1/diary/entries', { kind: 'task', day: '2026-03-15', title: 'Call Maria' });
    expect(stepOf(await open(), 'diary').done).toBe(true);

    await client.put('/api/v1/me/card', {
      headline: 'Healthy living',
      showPhone: true,
      showEmail: false,
      showMessengers: true,
      kind: 'partner',
    });
    await client.put('/api/v1/me/presentation', { text: 'I am Nina, a nurse from Sofia.' });
    const tools = await open();
    expect(stepOf(tools, 'business_card').done).toBe(true);
    expect(stepOf(tools, 'presentation').done).toBe(true);

    expect(stepOf(tools, 'sponsoring').done).toBe(false);
    await client.post(`/api/v1/contacts/${contact.id}/interactions`, {
      kind: 'two_plus_one',
      occurredOn: '2026-03-15',
    });
    const sponsoring = stepOf(await open(), 'sponsoring');
    expect(sponsoring).toMatchObject({ done: true, doneBy: null });
  });

  it('a 2+1 in the sponsor’s diary the new member accepted ticks the sponsoring step too', async () => {
    const olga = await joinUnder(ctx, as('anna'), 'Olga');
    const entry = await as('anna').post('/api/v1/diary/entries', {
      kind: 'event',
      eventType: 'two_plus_one',
      day: '2026-03-15',
      startsAt: '2026-03-15T09:00:00+02:00',
      title: '2+1 with Olga and her neighbour',
      memberIds: [olga.id],
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const sponsoring = async () =>
      stepOf((await as('anna').get(`/api/v1/members/${olga.id}/followup`)).json(), 'sponsoring').done;
    // An invitation Olga has not answered is not a meeting she took part in.
    expect(await sponsoring()).toBe(false);
    const answered = await olga.client.put(`/api/v1/diary/invitations/${entry.json().id}`, {
      response: 'accepted',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await sponsoring()).toBe(true);
    const view = (await as('anna').get(`/api/v1/members/${olga.id}/followup`)).json();
    expect(stepOf(view, 'diary').done).toBe(false);
  });

  it('the goal and the 3-month plan tick their steps, with the time they were written', async () => {
    const vera = await joinUnder(ctx, as('anna'), 'Vera');
    const steps = async (today: string) =>
      (await as('anna').get(`/api/v1/members/${vera.id}/followup?today=${today}`)).json();
    // Monday 16 March, a day before the goal step is due, Vera writes her goal.
    ctx.clock.set('2026-03-16T08:00:00Z');
    const goal = await vera.client.put('/api/v1/goals/2026', { statement: 'A second income by autumn' });
    expect(goal.statusCode, goal.body).toBe(200);
    // Friday 20 March, with the business plan due on the 21st, her first 3-month plan.
    ctx.clock.set('2026-03-20T18:30:00Z');
    const plan = await vera.client.put('/api/v1/plans/three_months/2026-04-01', {
      items: [{ activity: 'presentations', target: 12 }],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    // Nobody looks until a week later: the steps still carry the days the evidence was written.
    ctx.clock.set('2026-03-27T09:00:00Z');
    try {
      const later = await steps('2026-03-27');
      expect(stepOf(later, 'goal')).toMatchObject({ done: true, doneBy: null, overdue: false });
      expect((stepOf(later, 'goal') as Step & { doneAt: string }).doneAt).toBe('2026-03-16T08:00:00.000Z');
      expect((stepOf(later, 'business_plan') as Step & { doneAt: string }).doneAt).toBe(
        '2026-03-20T18:30:00.000Z',
      );
      // What she did is never overdue on her sponsor's Today; what she did not do is.
      const today = (await as('anna').get('/api/v1/followups/today?today=2026-03-27')).json();
      const row = today.attention.find((r: { member: { id: string } }) => r.member.id === vera.id);
      const overdue = row.steps.filter((s: Step) => s.overdue).map((s: Step) => s.key);
      expect(overdue).not.toContain('goal');
      expect(overdue).not.toContain('business_plan');
      expect(overdue).toContain('marketing_plan');
    } finally {
      ctx.clock.set('2026-03-15T10:00:00Z');
    }
  });

  it('a contact list step carries the time both lists first had someone', async () => {
    const wim = await joinUnder(ctx, as('anna'), 'Wim');
    ctx.clock.set('2026-03-15T11:00:00Z');
    await wim.client.post('/api/v1/contacts', { name: 'Dora', city: 'София' });
    ctx.clock.set('2026-03-15T12:00:00Z');
    await wim.client.post('/api/v1/contacts', { name: 'Emil', city: 'Varna' });
    ctx.clock.set('2026-03-19T12:00:00Z');
    try {
      const view = (await as('anna').get(`/api/v1/members/${wim.id}/followup?today=2026-03-19`)).json();
      expect(view.steps.find((s: { key: string }) => s.key === 'lists')).toMatchObject({
        done: true,
        doneAt: '2026-03-15T12:00:00.000Z',
        overdue: false,
      });
    } finally {
      ctx.clock.set('2026-03-15T10:00:00Z');
    }
  });

  it('the join day is the joining phone’s own date while it is within a day of the server’s', async () => {
    // 23:30 UTC on the 15th is already the 16th in Sofia.
    ctx.clock.set('2026-03-15T23:30:00Z');
    const sofia = await joinUnder(ctx, as('carl'), 'Late Lora', { today: '2026-03-16' });
    const wrong = await joinUnder(ctx, as('carl'), 'Wrong Clock', { today: '2026-03-19' });
    ctx.clock.set('2026-03-15T10:00:00Z');
    const joined = async (id: string) =>
      (await as('carl').get(`/api/v1/members/${id}/followup`)).json().member.joinedOn;
    expect(await joined(sofia.id)).toBe('2026-03-16');
    expect(await joined(wrong.id)).toBe('2026-03-15');
  });

  it('a 2+1 counts once held and accepted: not while planned, not when cancelled', async () => {
    const pia = await joinUnder(ctx, as('anna'), 'Pia');
    const sponsoring = async () =>
      stepOf((await as('anna').get(`/api/v1/members/${pia.id}/followup`)).json(), 'sponsoring').done;
    const plan = (day: string, startsAt: string) =>
      as('anna').post('/api/v1/diary/entries', {
        kind: 'event',
        eventType: 'two_plus_one',
        day,
        startsAt,
        title: '2+1 with Pia',
        memberIds: [pia.id],
      });
    const later = await plan('2026-04-20', '2026-04-20T16:00:00+03:00');
    expect(later.statusCode, later.body).toBe(201);
    expect(await sponsoring()).toBe(false);
    const today = (await plan('2026-03-15', '2026-03-15T09:00:00+02:00')).json();
    await pia.client.put(`/api/v1/diary/invitations/${today.id}`, { response: 'accepted' });
    await as('anna').patch(`/api/v1/diary/entries/${today.id}`, { cancelled: true });
    expect(await sponsoring()).toBe(false);
    await as('anna').patch(`/api/v1/diary/entries/${today.id}`, { cancelled: false });
    expect(await sponsoring()).toBe(true);
  });

  it('an online presentation logged with a contact counts as sponsoring online', async () => {
    const rita = await joinUnder(ctx, as('anna'), 'Rita');
    const contact = (await rita.client.post('/api/v1/contacts', { name: 'Vera' })).json();
    await rita.client.post(`/api/v1/contacts/${contact.id}/interactions`, {
      kind: 'online_presentation',
      occurredOn: '2026-03-15',
    });
    const view = (await rita.client.get(`/api/v1/members/${rita.id}/followup`)).json();
    expect(stepOf(view, 'sponsoring').done).toBe(true);
  });

  it('a step opened again by hand stays open, even while the app would tick it', async () => {
    const url = `/api/v1/members/${nina.id}/followup/steps/lists`;
    const reopened = (await as('anna').put(url, { done: false })).json();
    expect(stepOf(reopened, 'lists')).toMatchObject({ done: false, doneBy: null });
    expect(stepOf((await nina.client.get(`/api/v1/members/${nina.id}/followup`)).json(), 'lists').done).toBe(
      false,
    );
    const ticked = (await nina.client.put(url, { done: true })).json();
    expect(stepOf(ticked, 'lists')).toMatchObject({ done: true, doneBy: { name: 'Nina Petrova' } });
  });

  it('a member added by hand gets a follow-up from their join date', async () => {
    const added = await as('uma').post('/api/v1/members', {
      sponsorId: m.uma.id,
      name: 'Hans',
      joinedOn: '2026-03-10',
    });
    expect(added.statusCode, added.body).toBe(201);
    const view = (await as('uma').get(`/api/v1/members/${added.json().id}/followup?today=2026-03-15`)).json();
    expect(stepOf(view, 'intake')).toMatchObject({ dueOn: '2026-03-11', overdue: true });
    expect(stepOf(view, 'sponsoring')).toMatchObject({ dueOn: '2026-03-23', overdue: false });
    expect(view).toMatchObject({ daysWithoutContact: 5, flagged: false });
    // Someone who joined long ago (or whose date lies ahead) is entered, not new: no follow-up.
    for (const joinedOn of ['2015-03-10', '2026-12-24']) {
      const old = await as('uma').post('/api/v1/members', {
        sponsorId: m.uma.id,
        name: `Old ${joinedOn}`,
        joinedOn,
      });
      expect(old.statusCode, old.body).toBe(201);
      expectError(await as('uma').get(`/api/v1/members/${old.json().id}/followup`), 404, 'not_found');
    }
  });

  it('the board: my frontline by default, the whole downline on request, the last 90 days only', async () => {
    const names = async (who: 'uma' | 'anna', query: string) =>
      (await as(who).get(`/api/v1/followups?${query}`))
        .json()
        .rows.map((r: { member: { name: string }; level: number }) => `${r.member.name}@${r.level}`);
    expect(await names('uma', 'today=2026-03-15')).toEqual(['Hans@1']);
    expect((await names('uma', 'scope=downline&today=2026-03-15')).sort()).toEqual([
      'Hans@1',
      'Nina Petrova@2',
      'Olga@2',
      'Pia@2',
      'Rita@2',
      'Vera@2',
      'Wim@2',
    ]);
    expect((await names('anna', 'today=2026-06-12')).sort()).toEqual([
      'Nina Petrova@1',
      'Olga@1',
      'Pia@1',
      'Rita@1',
      'Vera@1',
      'Wim@1',
    ]);
    expect(await names('anna', 'today=2026-06-13')).toEqual([]);
    const row = (await as('anna').get('/api/v1/followups?today=2026-03-18')).json().rows[0];
    expect(row).toMatchObject({ total: 9, intakeAnswered: expect.any(Boolean) });
  });

  it('the new member sees their own open steps on Today, and no touchpoints on their page', async () => {
    const today = (await nina.client.get('/api/v1/followups/today?today=2026-03-16')).json();
    expect(today.mine.total).toBe(9);
    expect(today.mine.done).toBe(6);
    expect(today.attention).toEqual([]);
    const own = (await nina.client.get(`/api/v1/members/${nina.id}/followup`)).json();
    expect(own).toMatchObject({ isSelf: true, touchpoints: [], can: { logTouchpoint: false, tick: true } });
    // The member with no follow-up (the owner) has nothing of their own on Today.
    expect((await as('root').get('/api/v1/followups/today')).json().mine).toBeNull();
  });

  it('bad board and follow-up queries get 400', async () => {
    expectError(await as('anna').get('/api/v1/followups?scope=all'), 400, 'validation_failed');
    expectError(await as('anna').get('/api/v1/followups?today=2026-02-30'), 400, 'validation_failed');
    expectError(await as('anna').get('/api/v1/members/not-a-uuid/followup'), 400, 'validation_failed');
    expectError(
      await as('anna').put(`/api/v1/members/${nina.id}/followup/steps/goal`, { done: 'yes' }),
      400,
      'validation_failed',
    );
  });
});
