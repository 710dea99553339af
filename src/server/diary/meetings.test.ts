// Meetings one is invited to: a member linked to an event of someone else's diary finds it in their own
// diary and on Today, accepts or declines it, and an accepted 2+1 or presentation counts for their plans
// and follow-up once it has ended. What the invited see (never the owner's words, contacts only as
// guests), and who cannot see or answer it.
//
//   root (admin) ─┬─ uma ── anna (sponsor) ── bob, nina (joins on the day)
//                 └─ carl ── ada (admin)          otto: another organization.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { type Joined, joinUnder } from '../../../tests/support/followup.ts';
import { api, expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { diaryEntryLinks } from '../../db/schema/index.ts';

type Response = { statusCode: number; body: string; json(): unknown };
// biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
type Json = any;

describe('meetings one is invited to', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);
  const ok = (response: Response, status = 200): Json => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  let meeting: { id: string };
  let prospect: { id: string };

  beforeAll(async () => {
    ctx.clock.set('2026-03-16T08:00:00Z');
    prospect = await addContact('anna', { name: 'Тодор Тайнов', city: 'София' });
    // Anna's 2+1 with her prospect, her new partner bob and her own sponsor uma.
    meeting = ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'event',
        eventType: 'two_plus_one',
        day: '2026-03-16',
        title: '2+1 с Тодор — secret title',
        details: 'He has debts; push the starter set',
        startsAt: '2026-03-16T10:00:00Z',
        endsAt: '2026-03-16T11:00:00Z',
        place: 'Café Central',
        link: 'https://meet.example.test/abc',
        contactIds: [prospect.id],
        memberIds: [m.bob.id, m.uma.id],
      }),
      201,
    );
  });

  const secret = /secret title|debts|starter set|Тодор/;

  it('reaches the invited in their diary (day, range, meetings) and on Today, without the owner’s words', async () => {
    for (const who of ['bob', 'uma'] as const) {
      const day = ok(await as(who).get('/api/v1/diary/days/2026-03-16'));
      expect(day.entries).toEqual([]);
      expect(day.meetings).toHaveLength(1);
      expect(day.meetings[0]).toEqual({
        id: meeting.id,
        day: '2026-03-16',
        eventType: 'two_plus_one',
        startsAt: '2026-03-16T10:00:00.000Z',
        endsAt: '2026-03-16T11:00:00.000Z',
        place: 'Café Central',
        link: 'https://meet.example.test/abc',
        cancelled: false,
        owner: { id: m.anna.id, name: 'anna' },
        members: expect.arrayContaining([
          { id: m.bob.id, name: 'bob', response: 'pending', me: who === 'bob' },
          { id: m.uma.id, name: 'uma', response: 'pending', me: who === 'uma' },
        ]),
        guests: 1,
        response: 'pending',
        respondedAt: null,
      });
      const range = ok(await as(who).get('/api/v1/diary?from=2026-03-16&to=2026-03-22'));
      expect(range.meetings.map((x: { id: string }) => x.id)).toEqual([meeting.id]);
      const meetings = ok(await as(who).get('/api/v1/diary/meetings?from=2026-03-01&to=2026-03-31'));
      expect(meetings.meetings.map((x: { id: string }) => x.id)).toEqual([meeting.id]);
      const today = ok(await as(who).get('/api/v1/diary/invitations'));
      expect(today.meetings.map((x: { id: string }) => x.id)).toEqual([meeting.id]);
      for (const response of [day, range, meetings, today].map((b) => JSON.stringify(b)))
        expect(response).not.toMatch(secret);
    }
    // Outside the days asked for, it is not there.
    expect(ok(await as('bob').get('/api/v1/diary/days/2026-03-17')).meetings).toEqual([]);
  });

  it('the owner keeps it in their own diary, with every answer and the contact named', async () => {
    const day = ok(await as('anna').get('/api/v1/diary/days/2026-03-16'));
    expect(day.meetings).toEqual([]);
    const entry = day.entries.find((e: { id: string }) => e.id === meeting.id);
    expect(entry.title).toContain('secret title');
    expect(entry.links.contacts).toEqual([{ id: prospect.id, name: 'Тодор Тайнов' }]);
    expect(entry.links.members).toEqual(
      expect.arrayContaining([
        { id: m.bob.id, name: 'bob', response: 'pending' },
        { id: m.uma.id, name: 'uma', response: 'pending' },
      ]),
    );
    expect(ok(await as('anna').get('/api/v1/diary/invitations')).meetings).toEqual([]);
  });

  it('nobody else sees it: not the admins, the other branch, another organization', async () => {
    for (const who of ['root', 'carl', 'ada', 'otto'] as Who[]) {
      for (const url of [
        '/api/v1/diary/days/2026-03-16',
        '/api/v1/diary?from=2026-03-16&to=2026-03-22',
        '/api/v1/diary/meetings?from=2026-03-16&to=2026-03-22',
        '/api/v1/diary/invitations',
      ]) {
        const response = await as(who).get(url);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.body).not.toContain(meeting.id);
        expect(response.body).not.toMatch(secret);
      }
    }
  });

  it('the invited member accepts or declines; the owner sees the answer', async () => {
    const accepted = ok(
      await as('bob').put(`/api/v1/diary/invitations/${meeting.id}`, { response: 'accepted' }),
    );
    expect(accepted).toMatchObject({
      id: meeting.id,
      response: 'accepted',
      respondedAt: ctx.clock.now().toISOString(),
    });
    expect(JSON.stringify(accepted)).not.toMatch(secret);
    ok(await as('uma').put(`/api/v1/diary/invitations/${meeting.id}`, { response: 'declined' }));
    const entry = ok(await as('anna').get('/api/v1/diary/days/2026-03-16')).entries[0];
    expect(entry.links.members).toEqual(
      expect.arrayContaining([
        { id: m.bob.id, name: 'bob', response: 'accepted' },
        { id: m.uma.id, name: 'uma', response: 'declined' },
      ]),
    );
    const seenByUma = ok(await as('uma').get('/api/v1/diary/days/2026-03-16')).meetings[0];
    expect(seenByUma.members).toEqual(
      expect.arrayContaining([
        { id: m.bob.id, name: 'bob', response: 'accepted', me: false },
        { id: m.uma.id, name: 'uma', response: 'declined', me: true },
      ]),
    );
  });

  it('refuses anonymous requests, someone else’s invitation and bad answers, and writes nothing', async () => {
    const url = `/api/v1/diary/invitations/${meeting.id}`;
    const answers = async () =>
      (
        await ctx.db
          .select({ member: diaryEntryLinks.memberId, response: diaryEntryLinks.response })
          .from(diaryEntryLinks)
          .where(
            and(
              eq(diaryEntryLinks.organizationId, m.anna.organizationId),
              eq(diaryEntryLinks.entryId, meeting.id),
            ),
          )
      ).sort((a, b) => String(a.member).localeCompare(String(b.member)));
    const before = await answers();
    const anonymous = api(ctx.app);
    expectError(await anonymous.put(url, { response: 'accepted' }), 401, 'unauthenticated');
    expectError(await anonymous.get('/api/v1/diary/invitations'), 401, 'unauthenticated');
    expectError(
      await anonymous.get('/api/v1/diary/meetings?from=2026-03-16&to=2026-03-16'),
      401,
      'unauthenticated',
    );
    // The owner, the admins, the other branch, another organization: not found (nor probed).
    for (const who of ['anna', 'root', 'carl', 'ada', 'otto'] as Who[])
      expectError(await as(who).put(url, { response: 'declined' }), 404, 'not_found');
    // An entry that is not an invitation of bob's, and one that does not exist.
    const own = ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'task',
        day: '2026-03-16',
        title: 'Call Тодор',
      }),
      201,
    );
    expectError(
      await as('bob').put(`/api/v1/diary/invitations/${own.id}`, { response: 'accepted' }),
      404,
      'not_found',
    );
    expectError(
      await as('bob').put('/api/v1/diary/invitations/7a0b5c1e-7d39-4a3a-9d8e-0e2f4b6c8a10', {
        response: 'accepted',
      }),
      404,
      'not_found',
    );
    let body = expectError(await as('bob').put(url, { response: 'pending' }), 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(['response']);
    body = expectError(await as('bob').put(url, {}), 400, 'validation_failed');
    expect(fieldPaths(body)).toEqual(['response']);
    body = expectError(
      await as('bob').put('/api/v1/diary/invitations/nope', { response: 'accepted' }),
      400,
      'validation_failed',
    );
    expect(fieldPaths(body)).toEqual(['id']);
    expectError(await as('bob').get('/api/v1/diary/meetings?from=2026-03-16'), 400, 'validation_failed');
    expect(await answers()).toEqual(before);
  });

  it('a meeting moved to another time asks again; a cancelled one cannot be answered', async () => {
    const moved = ok(
      await as('anna').patch(`/api/v1/diary/entries/${meeting.id}`, {
        startsAt: '2026-03-16T12:00:00Z',
        endsAt: '2026-03-16T13:00:00Z',
      }),
    );
    expect(moved.links.members.map((x: { response: string }) => x.response)).toEqual(['pending', 'pending']);
    // A change of place alone keeps the answers.
    ok(await as('bob').put(`/api/v1/diary/invitations/${meeting.id}`, { response: 'accepted' }));
    ok(await as('anna').patch(`/api/v1/diary/entries/${meeting.id}`, { place: 'Café Europa' }));
    expect(ok(await as('bob').get('/api/v1/diary/days/2026-03-16')).meetings[0]).toMatchObject({
      place: 'Café Europa',
      response: 'accepted',
    });

    ok(await as('anna').patch(`/api/v1/diary/entries/${meeting.id}`, { cancelled: true }));
    const body = expectError(
      await as('bob').put(`/api/v1/diary/invitations/${meeting.id}`, { response: 'declined' }),
      409,
      'meeting_cancelled',
    );
    expect(body.error.message).toMatch(/cancelled/);
    // The invited still see it, marked cancelled, so they do not go.
    const seen = ok(await as('bob').get('/api/v1/diary/days/2026-03-16')).meetings[0];
    expect(seen).toMatchObject({ cancelled: true, response: 'accepted' });
    ok(await as('anna').patch(`/api/v1/diary/entries/${meeting.id}`, { cancelled: false }));
  });

  it('tasks and notes linked to a member are no invitations, nor is an event one links oneself to', async () => {
    const note = ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'note',
        day: '2026-03-20',
        title: 'Talked about bob',
        memberIds: [m.bob.id],
      }),
      201,
    );
    expect(note.links.members).toEqual([{ id: m.bob.id, name: 'bob', response: null }]);
    const self = ok(
      await as('anna').post('/api/v1/diary/entries', {
        kind: 'event',
        eventType: 'meeting',
        day: '2026-03-20',
        title: 'Me, myself',
        startsAt: '2026-03-20T10:00:00Z',
        memberIds: [m.anna.id],
      }),
      201,
    );
    expect(self.links.members).toEqual([{ id: m.anna.id, name: 'anna', response: null }]);
    expect(ok(await as('bob').get('/api/v1/diary/days/2026-03-20')).meetings).toEqual([]);
    expect(ok(await as('anna').get('/api/v1/diary/days/2026-03-20')).meetings).toEqual([]);
  });

  describe('counting once held', () => {
    let nina: Joined;
    const at = (time: string) => `2026-03-16T${time}:00Z`;
    const schedule = async (eventType: string, startsAt: string, endsAt: string | null) =>
      ok(
        await as('anna').post('/api/v1/diary/entries', {
          kind: 'event',
          eventType,
          day: '2026-03-16',
          title: `${eventType} with Nina`,
          startsAt,
          endsAt,
          memberIds: [nina.id],
        }),
        201,
      ) as { id: string };
    const answer = async (id: string, response: 'accepted' | 'declined') =>
      ok(await nina.client.put(`/api/v1/diary/invitations/${id}`, { response }));
    const sponsoring = async () =>
      ok(await nina.client.get(`/api/v1/members/${nina.id}/followup`)).steps.find(
        (s: { key: string }) => s.key === 'sponsoring',
      ).done as boolean;
    const counted = async () => {
      const plan = ok(await nina.client.get('/api/v1/plans/week/2026-03-16')).plan;
      const actual = (activity: string) =>
        plan.items.find((i: { activity: string }) => i.activity === activity).actual as number;
      return { twoPlusOne: actual('two_plus_one'), presentations: actual('presentations') };
    };

    beforeAll(async () => {
      ctx.clock.set('2026-03-16T07:00:00Z');
      nina = await joinUnder(ctx, as('anna'), 'Nina Novak');
      ok(
        await nina.client.put('/api/v1/plans/week/2026-03-16', {
          items: [
            { activity: 'two_plus_one', target: 3 },
            { activity: 'presentations', target: 2 },
          ],
        }),
      );
    });

    it('an accepted 2+1 counts for the plan and the follow-up step once it has ended, not before', async () => {
      const twoPlusOne = await schedule('two_plus_one', at('09:00'), at('10:00'));
      const presentation = await schedule('presentation', at('09:00'), null);
      const declined = await schedule('two_plus_one', at('08:00'), at('08:30'));
      const cancelled = await schedule('two_plus_one', at('08:00'), null);
      await answer(declined.id, 'declined');
      await answer(cancelled.id, 'accepted');
      ok(await as('anna').patch(`/api/v1/diary/entries/${cancelled.id}`, { cancelled: true }));

      // Pending, all of them over: nothing counts until accepted.
      ctx.clock.set(at('11:00'));
      expect(await counted()).toEqual({ twoPlusOne: 0, presentations: 0 });
      expect(await sponsoring()).toBe(false);

      // Accepted, but not over yet: the 2+1 runs until ten, the presentation (no end) starts at nine.
      ctx.clock.set(at('09:30'));
      await answer(twoPlusOne.id, 'accepted');
      await answer(presentation.id, 'accepted');
      expect(await counted()).toEqual({ twoPlusOne: 0, presentations: 1 });
      expect(await sponsoring()).toBe(false);

      ctx.clock.set(at('10:00'));
      expect(await counted()).toEqual({ twoPlusOne: 1, presentations: 1 });
      expect(await sponsoring()).toBe(true);
    });

    it('a declined meeting stops counting for the plan', async () => {
      const later = await schedule('presentation', at('12:00'), at('12:30'));
      await answer(later.id, 'accepted');
      ctx.clock.set(at('13:00'));
      expect((await counted()).presentations).toBe(2);
      await answer(later.id, 'declined');
      expect((await counted()).presentations).toBe(1);
    });
  });
});
