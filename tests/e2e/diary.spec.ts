// The business diary on a phone: a new member logs a 2+1 meeting with a contact and a note with a call-back
// date, and finds both on the contact (its next follow-up and its log). Then the evening review: one task
// done, one moved to tomorrow, one more planned for tomorrow; the streak starts, tomorrow holds both
// tasks, and the sponsor sees only the counts.
import { type Browser, expect, test } from '@playwright/test';
import {
  calendarDaysLater,
  DiaryPage,
  joinOnAPhone,
  phoneOptions,
  sameOrigin,
  signInAs,
  signInAsOwner,
} from './pages.ts';

test.describe.configure({ mode: 'serial' });

const member = {
  name: 'Dora Dimitrova',
  email: `dora-${Date.now()}@example.org`,
  password: 'writes it all down daily',
  city: 'Пловдив',
};
const prospect = { name: 'Ivo Interested', phone: '+359 887 555 111', city: 'Варна' };

// The device's day decides "today" and "tomorrow": the browser clock is fixed for the whole spec.
const now = new Date();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const weekdayOf = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(date);
const tomorrow = isoDay(calendarDaysLater(1, now));

async function phonePage(browser: Browser) {
  const context = await browser.newContext(phoneOptions);
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  return { context, page };
}

test('on a phone, a 2+1 meeting and a note with a call-back date land on the contact', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const { context, page: dora } = await joinOnAPhone(page, browser, member, now);
  const created = await dora.request.post('/api/v1/contacts', { data: prospect, headers: sameOrigin(dora) });
  expect(created.status()).toBe(201);

  const diary = new DiaryPage(dora);
  await diary.openFromMenu();
  await expect(dora.getByTestId('week-strip')).toBeVisible();

  // A 2+1 meeting with the contact: title, kind, time and with whom — the short form.
  const event = await diary.capture('event');
  await event.getByLabel('Title').fill('2+1 with Ivo and my sponsor');
  await event.getByText('2+1 meeting', { exact: true }).click();
  await event.getByLabel('Starts').fill('10:00');
  await diary.pickContact(event, 'Ivo', /Ivo Interested/);
  await event.getByRole('button', { name: 'Save' }).click();
  await expect(dora.getByText('Event saved.')).toBeVisible();
  await expect(event).toBeHidden();
  const meeting = diary.event('2+1 with Ivo and my sponsor');
  await expect(meeting).toContainText('2+1 meeting');
  await expect(meeting.getByTestId('event-time')).toHaveText('10:00 AM');
  await expect(meeting.getByTestId('entry-people')).toContainText(prospect.name);

  // A note of what happened, linked to the contact, to call back in two days.
  const note = await diary.capture('note');
  await note.getByLabel('Whom I met').fill('Ivo, at the café');
  await note.getByLabel('What we discussed').fill('The starter set and the business');
  await note.getByLabel('What information they need').fill('Price list');
  await note.getByLabel('What we agreed').fill('Send prices, call on the day after tomorrow');
  await note.getByText('In 2 days', { exact: true }).click();
  await expect(note.getByTestId('call-back-hint')).toContainText('Link a contact');
  await diary.pickContact(note, 'Ivo', /Ivo Interested/);
  await expect(note.getByTestId('call-back-hint')).toContainText(weekdayOf(calendarDaysLater(2, now)));
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(dora.getByText('Note saved.')).toBeVisible();
  await expect(diary.note('The starter set')).toContainText('Call back on');

  // Everything fits the phone's width.
  const overflow = await dora.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The contact: the next follow-up in two days, and the 2+1 meeting and the note in its log.
  await meeting.getByTestId('entry-people').getByText(prospect.name).click();
  await expect(dora.getByTestId('contact-name')).toHaveText(prospect.name);
  await expect(dora.getByTestId('follow-up').first()).toHaveText('Call back in 2 days');
  const log = dora.getByTestId('interaction-log');
  await expect(log.getByTestId('interaction')).toHaveCount(2);
  await expect(log.getByTestId('interaction').filter({ hasText: '2+1 meeting' })).toHaveCount(1);
  // The log says what happened and when; the diary's own words stay in the diary.
  await expect(log).not.toContainText('The starter set and the business');
  await context.close();
});

test('the evening review: one task done, one moved, one planned; the streak starts', async ({
  page,
  browser,
}) => {
  const { context, page: dora } = await phonePage(browser);
  await signInAs(dora, member.email, member.password);
  const diary = new DiaryPage(dora);
  await diary.openFromMenu();

  // Two tasks for today: an urgent one through quick capture, another in one line.
  const task = await diary.capture('task');
  await task.getByLabel('Title').fill('Send Ivo the price list');
  await task.getByText('Urgent', { exact: true }).click();
  await task.getByRole('button', { name: 'Save' }).click();
  await expect(dora.getByText('Task added.')).toBeVisible();
  await expect(diary.task('Send Ivo the price list')).toContainText('Urgent');
  await diary.quickTask('Order the samples');
  await expect(dora.getByTestId('section-task')).toContainText('2 open of 2');

  await dora.getByTestId('start-review').click();
  await expect(dora.getByRole('heading', { level: 1, name: 'Evening review' })).toBeVisible();
  const next = dora.getByTestId('review-next');
  await expect(next).toBeDisabled();
  const decide = (title: string, decision: 'Done' | 'Tomorrow' | 'Drop') =>
    dora.getByTestId('review-task').filter({ hasText: title }).getByText(decision, { exact: true }).click();
  await decide('Send Ivo the price list', 'Done');
  await decide('Order the samples', 'Tomorrow');
  await next.click();
  // What happened today: the meeting and the note.
  await expect(dora.getByText('2+1 with Ivo and my sponsor')).toBeVisible();
  await expect(dora.getByTestId('diary-note')).toContainText('The starter set');
  await dora.getByLabel('The day in a few words').fill('Good meeting with Ivo.');
  await next.click();

  // Tomorrow's plan: the moved task is there; one more task is added.
  const plan = dora.getByTestId('tomorrow-plan');
  await expect(plan).toContainText('Order the samples');
  const form = dora.getByTestId('plan-form');
  await form.getByRole('textbox', { name: 'Task' }).fill('Visit Ivo with the samples');
  await form.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(plan.getByTestId('planned-item')).toContainText('Visit Ivo with the samples');
  await dora.getByTestId('review-finish').click();

  await expect(dora.getByTestId('review-finished')).toBeVisible();
  await expect(dora.getByTestId('review-streak')).toHaveText('1');
  await expect(dora.getByTestId('review-finished')).toContainText('evening in a row');

  // Tomorrow holds the moved task and the planned one, both open.
  await dora.getByTestId('see-tomorrow').click();
  await expect(dora).toHaveURL(new RegExp(`day=${tomorrow}`));
  await expect(diary.task('Order the samples')).toHaveAttribute('data-state', 'open');
  await expect(diary.task('Visit Ivo with the samples')).toHaveAttribute('data-state', 'open');

  // Today: the first task done, the other moved on.
  await dora.getByTestId('diary-today').click();
  await expect(diary.task('Send Ivo the price list')).toHaveAttribute('data-state', 'done');
  await expect(diary.task('Order the samples')).toHaveAttribute('data-state', 'moved');
  await expect(diary.task('Order the samples')).toContainText('Moved to');
  await expect(dora.getByTestId('review-done')).toContainText('1 evening in a row');

  // The month marks the evening as reviewed.
  await dora.getByTestId('diary-views').getByText('Month', { exact: true }).click();
  await expect(dora.getByTestId('month-view')).toBeVisible();
  await expect(dora.locator('[data-testid="month-day"][data-reviewed="true"]')).toHaveCount(1);
  const me = await (await dora.request.get('/api/v1/me')).json();
  await context.close();

  // The sponsor sees counts only: the streak and the tasks done, none of the entries.
  await signInAsOwner(page);
  await page.goto(`/structure/members/${me.member.id}`);
  await expect(page.getByTestId('member-name')).toHaveText(member.name);
  const activity = page.getByTestId('member-diary-activity');
  await expect(activity.getByTestId('member-diary-streak')).toHaveText('1 evening in a row');
  await expect(activity.getByTestId('activity-tasksDone')).toContainText('1');
  await expect(activity).not.toContainText('Ivo');
});
