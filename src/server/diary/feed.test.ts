// The secret calendar feed: valid iCalendar that phone calendars accept, with stable ids, updates,
// cancellations, and links that can be renewed and withdrawn.

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { expectError, useTestContext } from '../../../tests/support/index.ts';

describe('diary calendar feed', () => {
  const ctx = useTestContext();
  const { m, as } = useContactsTeam(ctx);
  const write = async (who: 'anna' | 'bob' | 'carl', body: Record<string, unknown>) => {
    const response = await as(who).post('/api/v1/diary/entries', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; [key: string]: unknown };
  };
  const titles = (page: { entries: { title: string }[] }) => page.entries.map((e) => e.title);

  it('the calendar feed is valid iCalendar with stable ids, updates and cancellations', async () => {
    const made = (await as('carl').post('/api/v1/diary/feed')).json();
    expect(made.path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{46}\.ics$/);
    const event = await write('carl', {
      kind: 'event',
      day: '2026-03-17',
      title: 'Training, Sofia',
      eventType: 'training',
      startsAt: '2026-03-17T16:00:00+02:00',
      endsAt: '2026-03-17T18:00:00+02:00',
      place: 'ул. „Витоша“ 1, София',
    });
    const read = async () => {
      const response = await ctx.app.inject({ method: 'GET', url: made.path });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    let events = await read();
    let training = events.find((e) => e.uid === `${event.id}@downline`)!;
    expect(training.summary).toBe('Training, Sofia');
    expect(training.location).toBe('ул. „Витоша“ 1, София');
    expect(training.startDate.toJSDate().toISOString()).toBe('2026-03-17T14:00:00.000Z');
    expect(training.endDate.toJSDate().toISOString()).toBe('2026-03-17T16:00:00.000Z');
    const firstSequence = training.sequence;

    await as('carl').patch(`/api/v1/diary/entries/${event.id}`, {
      startsAt: '2026-03-17T15:00:00Z',
      endsAt: '2026-03-17T17:00:00Z',
    });
    training = (await read()).find((e) => e.uid === `${event.id}@downline`)!;
    expect(training.sequence).toBeGreaterThan(firstSequence);
    expect(training.startDate.toJSDate().toISOString()).toBe('2026-03-17T15:00:00.000Z');

    await as('carl').patch(`/api/v1/diary/entries/${event.id}`, { cancelled: true });
    events = await read();
    expect(
      events.find((e) => e.uid === `${event.id}@downline`)!.component.getFirstPropertyValue('status'),
    ).toBe('CANCELLED');
    // The cancelled event leaves the day.
    expect(titles((await as('carl').get('/api/v1/diary/days/2026-03-17')).json())).not.toContain(
      'Training, Sofia',
    );

    // A new link withdraws the old one; withdrawing ends the feed.
    const renewed = (await as('carl').post('/api/v1/diary/feed')).json();
    expect(renewed.path).not.toBe(made.path);
    expectError(await ctx.app.inject({ method: 'GET', url: made.path }), 404, 'not_found');
    expect((await as('carl').delete('/api/v1/diary/feed')).statusCode).toBe(204);
    expectError(await ctx.app.inject({ method: 'GET', url: renewed.path }), 404, 'not_found');
    expect((await as('carl').get('/api/v1/diary/feed')).json()).toEqual({ path: null, createdAt: null });
    expectError(await ctx.app.inject({ method: 'GET', url: '/api/v1/calendar/nonsense' }), 404, 'not_found');
  });

  it('writes the feed as calendars expect it: escaped text, one refresh interval, CRLF', async () => {
    const feed = (await as('anna').post('/api/v1/diary/feed')).json();
    await write('anna', {
      kind: 'event',
      day: '2026-03-20',
      title: 'Training, Sofia; room 2',
      eventType: 'training',
      startsAt: '2026-03-20T16:00:00Z',
    });
    const text = (await ctx.app.inject({ method: 'GET', url: feed.path })).body;
    expect(text).toContain('SUMMARY:Training\\, Sofia\\; room 2\r\n');
    expect(text.match(/REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/g)).toHaveLength(1);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 76)).toBe(true);
  });

  it('a member who left gets nothing through their feed link; back as a member, the link works again', async () => {
    const feed = (await as('bob').post('/api/v1/diary/feed')).json();
    expect((await ctx.app.inject({ method: 'GET', url: feed.path })).statusCode).toBe(200);
    const status = (value: string) => as('root').patch(`/api/v1/members/${m.bob.id}`, { status: value });
    expect((await status('left')).statusCode).toBe(200);
    expectError(await ctx.app.inject({ method: 'GET', url: feed.path }), 404, 'not_found');
    expect((await status('active')).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: feed.path })).statusCode).toBe(200);
  });
});
