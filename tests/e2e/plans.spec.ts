// Goals and plans on a phone. A new member joins under the owner:
//   - writes a 3-month plan, opens this week, accepts the weekly split it proposes;
//   - adds three contacts and logs a presentation in the diary → the week's progress counts them;
//   - does the evening review → it writes tomorrow's day plan, planned in advance;
//   - the sponsor opens the member's plans read-only and sees them.
// The browser runs in Europe/Sofia (playwright.config.ts) and tells the server so; the server counts
// the member's days there.
import { expect, type Page, test } from '@playwright/test';
import {
  ContactsPage,
  calendarDaysLater,
  DiaryPage,
  joinOnAPhone,
  phoneOptions,
  signInAsOwner,
} from './pages.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const member = {
  name: `Petra Plan ${stamp}`,
  email: `petra-${stamp}@example.org`,
  password: 'her weeks laid out ahead',
  city: 'Пловдив',
};
const now = new Date();
const tomorrow = calendarDaysLater(1, now).toISOString().slice(0, 10);

let memberPage: Page;
let ownerPage: Page;

const item = (page: Page, label: string) => page.getByTestId('plan-item').filter({ hasText: label });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext(phoneOptions);
  ownerPage = await context.newPage();
  await ownerPage.clock.setFixedTime(now);
  await signInAsOwner(ownerPage);
  ({ page: memberPage } = await joinOnAPhone(ownerPage, browser, member, now));
});

test('a 3-month plan proposes the weekly split, and the week counts new contacts and a presentation', async () => {
  const page = memberPage;
  await page.goto('/plans?level=three_months');
  await expect(page.getByTestId('plans-title')).toHaveText('Plans');
  await page.getByTestId('plan-make').click();
  const editor = page.getByTestId('plan-editor');
  await editor.getByTestId('plan-item-add').click();
  await editor.getByRole('textbox', { name: 'Target' }).first().fill('91');
  await editor.getByTestId('plan-item-add').click();
  await editor.getByRole('combobox', { name: 'Activity' }).nth(1).click();
  await page.getByRole('option', { name: 'Presentations' }).click();
  await editor.getByRole('textbox', { name: 'Target' }).nth(1).fill('13');
  await editor.getByTestId('plan-save').click();
  await expect(page.getByText('Plan saved.')).toBeVisible();
  await expect(item(page, 'Contacts added').getByTestId('plan-item-count')).toHaveText('0 / 91');

  // This week: nothing planned yet, the 3-month plan's share is proposed; accepted as it is.
  await page.getByTestId('plans-level').getByText('Week', { exact: true }).click();
  const proposal = page.getByTestId('plan-proposal');
  await expect(proposal).toContainText('Contacts added');
  await expect(proposal).toContainText('Presentations');
  await page.getByTestId('plan-make').click();
  await expect(editor.getByTestId('plan-item-row')).toHaveCount(2);
  await editor.getByTestId('plan-save').click();
  // (The first "Plan saved." may still be showing: the browser's clock stands still.)
  await expect(editor).toBeHidden();
  const card = page.getByTestId('plan-card');
  await expect(card).toHaveAttribute('data-level', 'week');
  await expect(item(page, 'Contacts added').getByTestId('plan-item-count')).toHaveText(/^0 \/ \d+$/);

  // Three contacts on the lists and a presentation that has taken place.
  const contacts = new ContactsPage(page);
  await contacts.openFromMenu();
  for (const [i, name] of ['Dimitar Prospect', 'Yana Prospect', 'Boris Prospect'].entries())
    await contacts.quickAdd({ name: `${name} ${stamp}`, phone: `+359 888 100 20${i}`, city: 'Пловдив' });
  const diary = new DiaryPage(page);
  await diary.openFromMenu();
  const event = await diary.capture('event');
  await event.getByLabel('Title').fill('Presentation at the library');
  await event.getByText('Presentation', { exact: true }).click();
  await event.getByLabel('Starts').fill('00:00');
  await event.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Event saved.')).toBeVisible();

  await page.goto('/plans');
  await expect(item(page, 'Contacts added').getByTestId('plan-item-count')).toHaveText(/^3 \/ \d+$/);
  await expect(item(page, 'Presentations').getByTestId('plan-item-count')).toHaveText(/^1 \/ \d+$/);
  // Today's card shows the week too.
  await page.goto('/');
  await expect(page.getByTestId('today-plan')).toBeVisible();
});

test('the evening review writes tomorrow’s day plan, planned in advance', async () => {
  const page = memberPage;
  const diary = new DiaryPage(page);
  await diary.openFromMenu();
  await page.getByTestId('start-review').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evening review' })).toBeVisible();
  await page.getByTestId('review-next').click();
  await page.getByTestId('review-next').click();
  // Tomorrow's day plan starts from its share of the week.
  const dayPlan = page.getByTestId('review-day-plan');
  await expect(dayPlan.getByTestId('plan-item-row').first()).toBeVisible();
  await dayPlan.getByTestId('plan-item-add').click();
  await dayPlan.getByRole('combobox', { name: 'Activity' }).last().click();
  await page.getByRole('option', { name: 'Own action (ticked by hand)' }).click();
  await dayPlan.getByRole('textbox', { name: 'Action' }).fill('Bring samples to Yana');
  await page.getByTestId('review-finish').click();
  await expect(page.getByTestId('review-finished')).toBeVisible();

  await page.goto(`/plans?level=day&start=${tomorrow}`);
  await expect(page.getByTestId('plan-in-advance')).toHaveText('Planned in advance');
  await expect(item(page, 'Bring samples to Yana')).toBeVisible();
  await page.goto('/plans');
  await expect(page.getByTestId('habit-tomorrow')).toHaveAttribute('data-planned', 'true');
});

test('the sponsor reads the member’s plans and habit, without changing them', async () => {
  const me = await (await memberPage.request.get('/api/v1/me')).json();
  await ownerPage.goto(`/plans?memberId=${me.member.id}`);
  await expect(ownerPage.getByTestId('plans-title')).toContainText(member.name);
  await expect(item(ownerPage, 'Contacts added').getByTestId('plan-item-count')).toHaveText(/^3 \/ \d+$/);
  await expect(ownerPage.getByTestId('habit-tomorrow')).toHaveAttribute('data-planned', 'true');
  await expect(ownerPage.getByTestId('plan-edit')).toHaveCount(0);
  await ownerPage.goto('/plans/team');
  await expect(ownerPage.getByTestId('team-plan-row').filter({ hasText: member.name })).toBeVisible();
});
