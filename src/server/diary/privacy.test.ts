// The diary is its owner's: nobody else reaches an entry, a day or the feed; links only to one's own
// contacts and to members of one's structure; the upline and admins see weekly counts only.
import { beforeAll, describe, expect, it } from 'vitest';
import { useContactsTeam, type Who } from '../../../tests/support/contacts-team.ts';
import { api, countRows, expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { diaryEntries, diaryEntryLinks } from '../../db/schema/index.ts';

describe('diary privacy', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);
  let entry: { id: string };
  let task: { id: string };

  beforeAll(async () => {
    entry = (
      await as('bob').post('/api/v1/diary/entries', {
        kind: 'note',
        day: '2026-03-15',
        title: 'Secret talk with Sabine',
        parts: { discussed: 'her debts' },
      })
    ).json();
    task = (
      await as('bob').post('/api/v1/diary/entries', {
        kind: 'task',
        day: '2026-03-15',
        title: 'Private task',
      })
    ).json();
    await as('bob').post('/api/v1/diary/days/2026-03-15/review', {
      tasks: [{ id: task.id, action: 'done' }],
    });
  });

  const entryRoutes = (id: string) =>
    [
      ['PATCH', `/api/v1/diary/entries/${id}`, { title: 'Taken' }],
      ['DELETE', `/api/v1/diary/entries/${id}`, undefined],
      ['POST', `/api/v1/diary/entries/${id}/move`, { to: '2026-03-16' }],
    ] as const;

  it('nobody else reaches an entry: not the sponsor, upline, admins, other branch or organization', async () => {
    const before = await countRows(ctx.db, diaryEntries);
    for (const who of ['anna', 'uma', 'root', 'carl', 'ada', 'otto'] as const) {
      for (const [method, url, body] of entryRoutes(task.id)) {
        const response = await as(who).request(method, url, body);
        expectError(response, 404, 'not_found');
      }
      for (const url of ['/api/v1/diary/days/2026-03-15', '/api/v1/diary?from=2026-03-01&to=2026-03-31']) {
        const response = await as(who).get(url);
        expect(response.statusCode).toBe(200);
        expect(response.body).not.toMatch(/Sabine|debts|Private task/);
      }
    }
    expect(await countRows(ctx.db, diaryEntries)).toBe(before);
    expect((await as('bob').get('/api/v1/diary/days/2026-03-15')).json().entries).toHaveLength(2);
  });

  it('anonymous requests are refused', async () => {
    for (const [method, url, body] of entryRoutes(entry.id))
      expectError(await api(ctx.app).request(method, url, body), 401, 'unauthenticated');
    for (const url of ['/api/v1/diary/days/2026-03-15', '/api/v1/diary/feed'])
      expectError(await api(ctx.app).get(url), 401, 'unauthenticated');
  });

  it('links only to one’s own contacts and to members of one’s structure', async () => {
    const annasContact = await addContact('anna', { name: 'Anna’s prospect' });
    const before = await countRows(ctx.db, diaryEntryLinks);
    const base = { kind: 'note', day: '2026-03-15', title: 'x' };
    let body = expectError(
      await as('bob').post('/api/v1/diary/entries', { ...base, contactIds: [annasContact.id] }),
      404,
      'not_found',
    );
    expect(fieldPaths(body)).toEqual(['contactIds.0']);
    body = expectError(
      await as('bob').post('/api/v1/diary/entries', { ...base, memberIds: [m.anna.id, m.carl.id] }),
      404,
      'not_found',
    );
    expect(fieldPaths(body)).toEqual(['memberIds.1']);
    expectError(
      await as('bob').post('/api/v1/diary/entries', { ...base, memberIds: [m.otto.id] }),
      404,
      'not_found',
    );
    expect(await countRows(ctx.db, diaryEntryLinks)).toBe(before);
    // The sponsor (upline) may be linked, e.g. to a 2+1 meeting.
    const ok = await as('bob').post('/api/v1/diary/entries', { ...base, memberIds: [m.anna.id] });
    expect(ok.json().links.members).toEqual([{ id: m.anna.id, name: 'anna', response: null }]);
  });

  it('the upline and admins see weekly counts of a member, never the entries', async () => {
    for (const who of ['bob', 'anna', 'uma', 'root', 'ada'] as Who[]) {
      const response = await as(who).get(
        `/api/v1/members/${m.bob.id}/diary-activity?weeks=2&today=2026-03-18`,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        weeks: [
          { week: '2026-03-09', events: 0, tasksDone: 1, reviews: 1 },
          { week: '2026-03-16', events: 0, tasksDone: 0, reviews: 0 },
        ],
        streak: 0,
      });
      expect(response.body).not.toMatch(/Sabine|Private/);
    }
    for (const who of ['carl', 'otto'] as const)
      expectError(await as(who).get(`/api/v1/members/${m.bob.id}/diary-activity`), 404, 'not_found');
    expectError(await as('bob').get(`/api/v1/members/${m.anna.id}/diary-activity`), 404, 'not_found');
  });

  it('the calendar feed link is its owner’s alone', async () => {
    const feed = (await as('bob').post('/api/v1/diary/feed')).json();
    for (const who of ['anna', 'root'] as const)
      expect((await as(who).get('/api/v1/diary/feed')).json()).toEqual({ path: null, createdAt: null });
    // Another member renewing their own feed leaves bob's working.
    await as('anna').post('/api/v1/diary/feed');
    expect((await ctx.app.inject({ method: 'GET', url: feed.path })).statusCode).toBe(200);
  });
});
