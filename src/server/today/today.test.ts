// Today in one request: everything the page shows, always the asking member's own — the sponsor sees
// nothing of the downline's private contacts or diary through it, nor the downline of the sponsor's, nor
// another organization of anyone's. Cards about nothing are left out, and nothing dated before the
// member joined is asked for.
//
//   root (admin) ─┬─ uma ── anna ── bob
//                 └─ carl ── ada (admin)          otto: another organization.
//   uma also sponsors nina, who joined through a link on Friday 2026-03-13.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { joinUnder } from '../../../tests/support/followup.ts';
import {
  type ApiClient,
  api,
  expectError,
  fieldPaths,
  useTestContext,
} from '../../../tests/support/index.ts';
import { members } from '../../db/schema/index.ts';

// A Monday, the organization's analysis day: the week under review is 2026-03-09 … 2026-03-15.
const MONDAY = '2026-03-16';

describe('Today', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);
  let nina: { id: string; client: ApiClient };

  beforeAll(async () => {
    ctx.clock.set('2026-03-13T09:00:00Z');
    nina = await joinUnder(ctx, as('uma'), 'Nina Newcomer');
    ctx.clock.set(`${MONDAY}T09:00:00Z`);
    await addContact('anna', { name: 'Anna’s secret prospect', nextFollowUpOn: '2026-03-14' });
    await addContact('anna', { name: 'Anna’s later prospect', nextFollowUpOn: '2026-03-20' });
    const entry = await as('anna').post('/api/v1/diary/entries', {
      kind: 'task',
      day: MONDAY,
      title: 'Anna’s private task',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const week = await as('anna').put(`/api/v1/plans/week/${MONDAY}`, {
      items: [{ activity: 'calls', target: 5 }],
    });
    expect(week.statusCode, week.body).toBe(200);
  });

  const todayOf = async (who: Who | ApiClient, day = MONDAY) => {
    const client = typeof who === 'string' ? as(who) : who;
    const response = await client.get(`/api/v1/today?today=${day}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('answers 401 to anonymous callers', async () => {
    expectError(await api(ctx.app).get(`/api/v1/today?today=${MONDAY}`), 401, 'unauthenticated');
    expectError(await api(ctx.app).get('/api/v1/today'), 401, 'unauthenticated');
  });

  it('names a wrong date, and refuses to be asked about someone else', async () => {
    const bad = expectError(await as('anna').get('/api/v1/today?today=2026-02-30'), 400, 'validation_failed');
    expect(fieldPaths(bad)).toEqual(['today']);
    for (const who of ['uma', 'root', 'otto'] as const) {
      const other = expectError(
        await as(who).get(`/api/v1/today?today=${MONDAY}&memberId=${m.anna.id}`),
        400,
        'validation_failed',
      );
      expect(other.error.fields?.map((f) => f.message)).toEqual([expect.stringContaining('memberId')]);
    }
  });

  it('shows the member everything of their own day in one answer', async () => {
    const today = await todayOf('anna');
    expect(today.today).toBe(MONDAY);
    expect(today.member).toEqual({ id: m.anna.id, joinedOn: m.anna.joinedOn, country: 'BG' });
    // Due today or earlier, most overdue first; the later one is not due.
    expect(today.due.total).toBe(1);
    expect(today.due.rows.map((r: { name: string }) => r.name)).toEqual(['Anna’s secret prospect']);
    expect(today.diary.day).toBe(MONDAY);
    expect(today.diary.entries.map((e: { title: string }) => e.title)).toEqual(['Anna’s private task']);
    expect(today.diary.canReview).toBe(true);
    expect(today.plans.member.id).toBe(m.anna.id);
    expect(today.plans.current.week.items).toHaveLength(1);
    expect(today.plans.canPlanDay).toBe(true);
    // A partner who joined long ago: the analysis of last week is due on the analysis day.
    expect(today.review).toMatchObject({ week: '2026-03-09', weekEnd: '2026-03-15' });
    expect(today.review.numbers.week.period).toBe('2026-03-09');
  });

  it('is always the asker’s own: the sponsor, the downline and another organization see none of it', async () => {
    const answers = { uma: await todayOf('uma'), bob: await todayOf('bob'), root: await todayOf('root') };
    const otto = await todayOf('otto');
    for (const [who, today] of Object.entries({ ...answers, otto })) {
      const text = JSON.stringify(today);
      expect(text, who).not.toContain('Anna’s');
      expect(today.member.id, who).toBe(m[who as Who].id);
      expect(today.plans.member.id, who).toBe(m[who as Who].id);
      // Nothing due and no follow-up to show: no card for nothing.
      expect(today.due, who).toBeNull();
    }
    expect(answers.bob.diary.entries).toEqual([]);
    expect(otto.followup).toBeNull();
    expect(answers.root.followup).toBeNull();
  });

  it('shows the sponsor the newcomer who needs them, and the newcomer their own steps', async () => {
    const uma = await todayOf('uma');
    expect(uma.followup.mine).toBeNull();
    expect(uma.followup.attention.map((r: { member: { id: string } }) => r.member.id)).toEqual([nina.id]);
    const own = await todayOf(nina.client);
    expect(own.member.id).toBe(nina.id);
    expect(own.followup.mine.total).toBeGreaterThan(0);
    expect(own.followup.attention).toEqual([]);
  });

  it('never asks a newcomer for an analysis of a week that began before they joined', async () => {
    // Nina joined on Friday of the week under review: nothing to analyse yet.
    const own = await todayOf(nina.client);
    expect(own.member.joinedOn).toBe('2026-03-13');
    expect(own.review).toBeNull();
    // A week later, her first whole week is under review.
    ctx.clock.set('2026-03-23T09:00:00Z');
    try {
      const next = await todayOf(nina.client, '2026-03-23');
      expect(next.review).toMatchObject({ week: '2026-03-16' });
    } finally {
      ctx.clock.set(`${MONDAY}T09:00:00Z`);
    }
  });

  it('offers no evening review and no day plan for a day before the member joined', async () => {
    // Bob is recorded as joining tomorrow (added ahead of time); his phone still shows today.
    await ctx.db.update(members).set({ joinedOn: '2026-03-17' }).where(eq(members.id, m.bob.id));
    try {
      const today = await todayOf('bob');
      expect(today.diary.canReview).toBe(false);
      expect(today.plans.canPlanDay).toBe(false);
      expect(today.review).toBeNull();
    } finally {
      await ctx.db.update(members).set({ joinedOn: m.bob.joinedOn }).where(eq(members.id, m.bob.id));
    }
  });
});
