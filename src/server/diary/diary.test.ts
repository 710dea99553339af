// The business diary: the day in time order, notes that write into contacts, moving tasks, the evening
// review and its streak, week and month ranges, and bad input.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { countRows, expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { diaryEntries } from '../../db/schema/index.ts';

describe('diary', () => {
  const ctx = useTestContext();
  const { as, addContact } = useContactsTeam(ctx);
  const write = async (who: 'anna' | 'bob' | 'carl', body: Record<string, unknown>) => {
    const response = await as(who).post('/api/v1/diary/entries', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; [key: string]: unknown };
  };
  const titles = (page: { entries: { title: string }[] }) => page.entries.map((e) => e.title);

  it('shows a day in time order: events by start, tasks urgent first, then notes', async () => {
    const day = '2026-03-16';
    await write('carl', { kind: 'note', day, title: 'What happened' });
    await write('carl', { kind: 'task', day, title: 'Necessary', category: 'necessary' });
    await write('carl', {
      kind: 'event',
      day,
      title: 'Evening',
      eventType: 'presentation',
      startsAt: '2026-03-16T17:00:00Z',
    });
    await write('carl', { kind: 'task', day, title: 'Urgent', category: 'urgent' });
    await write('carl', {
      kind: 'event',
      day,
      title: 'Morning',
      eventType: 'call',
      startsAt: '2026-03-16T07:00:00+02:00',
      endsAt: '2026-03-16T07:30:00+02:00',
    });
    const page = (await as('carl').get(`/api/v1/diary/days/${day}`)).json();
    expect(titles(page)).toEqual(['Morning', 'Evening', 'Urgent', 'Necessary', 'What happened']);
    expect(page.entries[0]).toMatchObject({
      startsAt: '2026-03-16T05:00:00.000Z',
      endsAt: '2026-03-16T05:30:00.000Z',
    });
    expect(page).toMatchObject({ review: null, streak: 0 });
  });

  it('a 2+1 meeting and a note with a call-back date write into the linked contact', async () => {
    const contact = await addContact('anna', { name: 'Тодор', city: 'Пловдив' });
    const meeting = await write('anna', {
      kind: 'event',
      day: '2026-03-15',
      title: '2+1 с Тодор',
      eventType: 'two_plus_one',
      startsAt: '2026-03-15T09:00:00Z',
      contactIds: [contact.id],
    });
    await write('anna', {
      kind: 'note',
      day: '2026-03-15',
      parts: { met: 'Тодор', discussed: 'Продуктите', infoNeeded: 'Каталог', agreed: 'Ще звъня' },
      callBackOn: '2026-03-18',
      contactIds: [contact.id],
      newContacts: [
        { name: 'Жена му Мила', city: 'Пловдив' },
        { name: 'Колега от София', city: 'софия' },
      ],
    });
    const page = (await as('anna').get(`/api/v1/contacts/${contact.id}`)).json();
    expect(page.contact).toMatchObject({
      nextFollowUpOn: '2026-03-18',
      lastContactOn: '2026-03-15',
      stage: 'contacted',
    });
    expect(page.interactions.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'meeting',
      'two_plus_one',
    ]);
    const mila = (await as('anna').get(`/api/v1/contacts?q=${encodeURIComponent('мила')}`)).json().rows[0];
    expect(mila).toMatchObject({ city: 'Пловдив', list: 'other' });
    const colleague = (await as('anna').get(`/api/v1/contacts?q=${encodeURIComponent('колега')}`)).json()
      .rows[0];
    expect(colleague).toMatchObject({ list: 'own' });
    const day = (await as('anna').get('/api/v1/diary/days/2026-03-15')).json();
    expect(day.entries[1]).toMatchObject({
      kind: 'note',
      title: 'Тодор',
      links: { contacts: expect.arrayContaining([{ id: contact.id, name: 'Тодор' }]) },
    });

    // Deleting the meeting takes its line out of the contact's log.
    expect((await as('anna').delete(`/api/v1/diary/entries/${meeting.id}`)).statusCode).toBe(204);
    const after = (await as('anna').get(`/api/v1/contacts/${contact.id}`)).json();
    expect(after.interactions.map((i: { kind: string }) => i.kind)).toEqual(['meeting']);
  });

  it('moves an open task to another day; it stays here as moved', async () => {
    const task = await write('carl', {
      kind: 'task',
      day: '2026-03-20',
      title: 'Call Ivo',
      category: 'important',
    });
    const moved = await as('carl').post(`/api/v1/diary/entries/${task.id}/move`, { to: '2026-03-23' });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json()).toMatchObject({ day: '2026-03-23', state: 'open', title: 'Call Ivo' });
    const before = (await as('carl').get('/api/v1/diary/days/2026-03-20')).json();
    expect(before.entries.find((e: { id: string }) => e.id === task.id)).toMatchObject({
      state: 'moved',
      movedTo: '2026-03-23',
    });
    expectError(
      await as('carl').post(`/api/v1/diary/entries/${task.id}/move`, { to: '2026-03-24' }),
      409,
      'task_closed',
    );
  });

  describe('the evening review', () => {
    it('decides every open task, plans tomorrow, and counts the streak', async () => {
      const day = '2026-03-11';
      const done = await write('bob', { kind: 'task', day, title: 'Done today', category: 'urgent' });
      const later = await write('bob', { kind: 'task', day, title: 'For tomorrow', category: 'important' });
      const dropped = await write('bob', { kind: 'task', day, title: 'Not needed', category: 'necessary' });
      const response = await as('bob').post(`/api/v1/diary/days/${day}/review`, {
        tasks: [
          { id: done.id, action: 'done' },
          { id: later.id, action: 'move' },
          { id: dropped.id, action: 'drop' },
        ],
        summary: 'A good day',
        plan: [
          { kind: 'task', title: 'Invite three people', category: 'urgent' },
          {
            kind: 'event',
            title: 'Presentation',
            eventType: 'presentation',
            startsAt: '2026-03-12T16:00:00Z',
          },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const reviewed = response.json();
      expect(reviewed).toMatchObject({ review: { summary: 'A good day' }, streak: 1 });
      expect(reviewed.entries.map((e: { title: string; state: string }) => [e.title, e.state])).toEqual([
        ['Done today', 'done'],
        ['For tomorrow', 'moved'],
        ['Not needed', 'dropped'],
      ]);
      const tomorrow = (await as('bob').get('/api/v1/diary/days/2026-03-12')).json();
      expect(titles(tomorrow)).toEqual(['Presentation', 'Invite three people', 'For tomorrow']);
      // Tomorrow is not reviewed yet: the streak still counts to today.
      expect(tomorrow.streak).toBe(1);

      await as('bob').post('/api/v1/diary/days/2026-03-12/review', {});
      expect((await as('bob').get('/api/v1/diary/days/2026-03-13')).json().streak).toBe(2);
      // A missed evening ends it.
      expect((await as('bob').get('/api/v1/diary/days/2026-03-15')).json().streak).toBe(0);
    });

    it('a task that is not open on that day refuses the whole review', async () => {
      const day = '2026-03-05';
      const open = await write('bob', { kind: 'task', day, title: 'Open', category: 'urgent' });
      const elsewhere = await write('bob', {
        kind: 'task',
        day: '2026-03-06',
        title: 'Other day',
        category: 'urgent',
      });
      const before = await countRows(ctx.db, diaryEntries);
      const body = expectError(
        await as('bob').post(`/api/v1/diary/days/${day}/review`, {
          tasks: [
            { id: open.id, action: 'done' },
            { id: elsewhere.id, action: 'drop' },
          ],
          plan: [{ kind: 'task', title: 'Would be written', category: 'urgent' }],
        }),
        400,
        'validation_failed',
      );
      expect(fieldPaths(body)).toEqual(['tasks.1.id']);
      expect(await countRows(ctx.db, diaryEntries)).toBe(before);
      const [row] = await ctx.db.select().from(diaryEntries).where(eq(diaryEntries.id, open.id));
      expect(row?.state).toBe('open');
      expect((await as('bob').get(`/api/v1/diary/days/${day}`)).json().review).toBeNull();
    });
  });

  it('a week or month view lists the entries of the range and the reviewed evenings', async () => {
    const range = (await as('bob').get('/api/v1/diary?from=2026-03-09&to=2026-03-15')).json();
    expect(range.reviewedDays).toEqual(['2026-03-11', '2026-03-12']);
    expect(range.entries.map((e: { day: string }) => e.day)).toEqual(
      [...range.entries.map((e: { day: string }) => e.day)].sort(),
    );
    const tooLong = expectError(
      await as('bob').get('/api/v1/diary?from=2026-01-01&to=2026-03-11'),
      400,
      'validation_failed',
    );
    expect(fieldPaths(tooLong)).toEqual(['to']);
    // A rule of the schema's own reaches the client as its reason code with its numbers.
    expect(tooLong.error.fields?.[0]).toMatchObject({ code: 'range_too_long', params: { maximum: 62 } });
    const backwards = expectError(
      await as('bob').get('/api/v1/diary?from=2026-03-11&to=2026-03-01'),
      400,
      'validation_failed',
    );
    expect(backwards.error.fields?.[0]).toMatchObject({ path: 'to', code: 'date_order' });
  });

  it('names the field of bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          kind: 'event',
          day: '2026-03-15',
          title: 'x',
          eventType: 'party',
          startsAt: '2026-03-15T10:00:00Z',
        },
        'eventType',
      ],
      [{ kind: 'event', day: '2026-03-15', title: 'x', eventType: 'call' }, 'startsAt'],
      [
        {
          kind: 'event',
          day: '2026-03-15',
          title: 'x',
          eventType: 'call',
          startsAt: '2026-03-15T10:00:00Z',
          endsAt: '2026-03-15T09:00:00Z',
        },
        'endsAt',
      ],
      [
        {
          kind: 'event',
          day: '2026-03-15',
          title: 'x',
          eventType: 'call',
          startsAt: '2026-03-15T10:00:00Z',
          link: 'not a link',
        },
        'link',
      ],
      [{ kind: 'task', day: '2026-03-15', title: '' }, 'title'],
      [{ kind: 'task', day: '0000-01-01', title: 'x' }, 'day'],
      [{ kind: 'note', day: '2026-03-15', callBackOn: '2026-02-30' }, 'callBackOn'],
      [{ kind: 'birthday', day: '2026-03-15', title: 'x' }, 'kind'],
    ];
    const before = await countRows(ctx.db, diaryEntries);
    for (const [body, field] of cases) {
      const error = expectError(
        await as('carl').post('/api/v1/diary/entries', body),
        400,
        'validation_failed',
      );
      expect(fieldPaths(error), JSON.stringify(body)).toContain(field);
    }
    const task = await write('carl', { kind: 'task', day: '2026-03-15', title: 'A task' });
    expect(
      fieldPaths(
        expectError(
          await as('carl').patch(`/api/v1/diary/entries/${task.id}`, { startsAt: '2026-03-15T10:00:00Z' }),
          400,
          'validation_failed',
        ),
      ),
    ).toEqual(['startsAt']);
    expect(await countRows(ctx.db, diaryEntries)).toBe(before + 1);
  });

  describe('after review', () => {
    it('a note keeps its words: a contact shared with the sponsor shows only that a meeting happened', async () => {
      const contact = await addContact('bob', { name: 'Shared prospect' });
      await as('bob').put(`/api/v1/contacts/${contact.id}/share`, { shared: true });
      await write('bob', {
        kind: 'note',
        day: '2026-03-14',
        title: 'Secret',
        parts: { discussed: 'his debts' },
        contactIds: [contact.id],
      });
      const seen = await as('anna').get(`/api/v1/contacts/${contact.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().interactions).toHaveLength(1);
      expect(seen.body).not.toMatch(/Secret|debts/);
    });

    it('a planned event writes nothing into the contact until its day; deleting a held one restores the last contact', async () => {
      const contact = await addContact('carl', { name: 'Planned' });
      await write('carl', {
        kind: 'event',
        day: '2026-04-10',
        title: 'Later',
        eventType: 'two_plus_one',
        startsAt: '2026-04-10T09:00:00Z',
        contactIds: [contact.id],
      });
      let page = (await as('carl').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.interactions).toEqual([]);
      expect(page.contact).toMatchObject({ stage: 'new', lastContactOn: null });

      const held = await write('carl', {
        kind: 'event',
        day: '2026-03-14',
        title: 'Held',
        eventType: 'meeting',
        startsAt: '2026-03-14T09:00:00Z',
        contactIds: [contact.id],
      });
      expect((await as('carl').get(`/api/v1/contacts/${contact.id}`)).json().contact.lastContactOn).toBe(
        '2026-03-14',
      );
      await as('carl').delete(`/api/v1/diary/entries/${held.id}`);
      page = (await as('carl').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.contact.lastContactOn).toBeNull();
      expect(page.interactions).toEqual([]);
    });

    it('a note moved to another day moves its log lines, or takes them back while that day is ahead', async () => {
      const contact = await addContact('carl', { name: 'Moved note' });
      const note = await write('carl', {
        kind: 'note',
        day: '2026-03-14',
        title: 'Talked',
        contactIds: [contact.id],
      });
      await as('carl').patch(`/api/v1/diary/entries/${note.id}`, { day: '2026-03-12' });
      let page = (await as('carl').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.interactions.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(['2026-03-12']);
      expect(page.contact.lastContactOn).toBe('2026-03-12');
      await as('carl').patch(`/api/v1/diary/entries/${note.id}`, { day: '2026-04-01' });
      page = (await as('carl').get(`/api/v1/contacts/${contact.id}`)).json();
      expect(page.interactions).toEqual([]);
      expect(page.contact.lastContactOn).toBeNull();
    });

    it('refuses what would leave the diary inconsistent', async () => {
      const task = await write('carl', { kind: 'task', day: '2026-03-13', title: 'Twice' });
      expect(
        fieldPaths(
          expectError(
            await as('carl').post(`/api/v1/diary/entries/${task.id}/move`, { to: '2026-03-13' }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['to']);
      // One decision per task: a repeated id is not open any more the second time.
      expect(
        fieldPaths(
          expectError(
            await as('carl').post('/api/v1/diary/days/2026-03-13/review', {
              tasks: [
                { id: task.id, action: 'move' },
                { id: task.id, action: 'move' },
              ],
            }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['tasks.1.id']);
      // Deleting a moved task's copy opens the task again where it was.
      const copy = (
        await as('carl').post(`/api/v1/diary/entries/${task.id}/move`, { to: '2026-03-14' })
      ).json();
      await as('carl').delete(`/api/v1/diary/entries/${copy.id}`);
      const day = (await as('carl').get('/api/v1/diary/days/2026-03-13')).json();
      expect(day.entries.find((e: { id: string }) => e.id === task.id)).toMatchObject({
        state: 'open',
        movedTo: null,
      });

      const event = { kind: 'event', day: '2026-03-15', title: 'x', eventType: 'call' };
      for (const [body, field] of [
        [{ ...event, startsAt: '0000-01-01T00:00:00Z' }, 'startsAt'],
        [{ ...event, startsAt: '2026-03-20T10:00:00Z' }, 'startsAt'],
        [{ ...event, startsAt: '2026-03-15T10:00:00Z', link: 'javascript:alert(1)' }, 'link'],
        [{ kind: 'note', day: '2026-03-15', parts: { met: '  ' } }, 'title'],
      ] as const)
        expect(
          fieldPaths(
            expectError(await as('carl').post('/api/v1/diary/entries', body), 400, 'validation_failed'),
          ),
        ).toEqual([field]);
      const ok = await write('carl', { ...event, startsAt: '2026-03-15T10:00:00Z' });
      expect(
        fieldPaths(
          expectError(
            await as('carl').patch(`/api/v1/diary/entries/${ok.id}`, { day: '2026-05-01' }),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['day']);
      expect(
        fieldPaths(
          expectError(
            await as('carl').post('/api/v1/diary/days/2999-12-31/review', {}),
            400,
            'validation_failed',
          ),
        ),
      ).toEqual(['day']);
    });
  });
});
