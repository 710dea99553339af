// The three KPIs on a phone. A new member joins under the owner:
//   - the member posts an order: their own points and the sponsor's structure points change;
//   - the owner records the member's attendance at a training: "people in training" counts them, and the
//     drill-down names them;
//   - the newcomer's first weekly analysis waits for their first whole week; once their join date is
//     corrected to three weeks ago, on their analysis day Today asks for it; the member writes it, it
//     shows in their history, and the sponsor sees it done in the team view.
// The organization is shared with the other feature specs, so the sponsor's numbers are compared before
// and after, and people are found by unique names.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { joinOnAPhone, phoneOptions, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const member = {
  name: `Kalina Kpi ${stamp}`,
  email: `kalina-${stamp}@example.org`,
  password: 'counts her numbers weekly',
  city: 'Бургас',
};
const topic = `Numbers night ${stamp}`;

// Noon UTC is the same calendar day in Sofia: the device's day and the server's agree.
const now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
const today = now.toISOString().slice(0, 10);
const weekdayName = now.toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' });
const threeWeeksAgo = new Date(now.getTime() - 21 * 86_400_000).toISOString().slice(0, 10);

let memberPage: Page;
let ownerPage: Page;

async function ownerOnAPhone(browser: Browser) {
  const context = await browser.newContext(phoneOptions);
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await signInAsOwner(page);
  return page;
}

/** A KPI's big number on the KPI page, as a number (grouping and decimals in English). */
async function kpiValue(page: Page, kpi: 'points' | 'newMembers' | 'training') {
  const text = (await page.getByTestId(`kpi-${kpi}-value`).textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

test.beforeAll(async ({ browser }) => {
  ownerPage = await ownerOnAPhone(browser);
  ({ page: memberPage } = await joinOnAPhone(ownerPage, browser, member, now));
});

test('an order changes the member’s own points and the sponsor’s structure points', async () => {
  await ownerPage.goto('/kpis');
  await expect(ownerPage.getByTestId('kpis-title')).toHaveText('KPIs');
  const before = await kpiValue(ownerPage, 'points');

  await memberPage.goto('/kpis');
  await expect(memberPage.getByTestId('kpi-points-value')).toHaveText('0');
  await memberPage.getByRole('main').getByRole('link', { name: 'Orders' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await memberPage.getByLabel('Product').fill('Sea buckthorn juice');
  await memberPage.getByLabel('Points').fill('42.5');
  await memberPage.getByLabel('Amount').fill('61.20');
  await memberPage.getByRole('button', { name: 'Post order' }).click();
  await expect(memberPage.getByText(`Order posted for ${member.name}.`)).toBeVisible();

  // Her own points and her structure's (just her), at once.
  await memberPage.goto('/kpis');
  await expect(memberPage.getByTestId('kpi-points-value')).toHaveText('42.5');
  await expect(memberPage.getByTestId('kpi-points-detail')).toHaveText('Own: 42.5');

  // The sponsor's structure points grew by the order; his own stayed as they were.
  await ownerPage.goto('/kpis');
  await expect.poll(() => kpiValue(ownerPage, 'points')).toBeCloseTo(before + 42.5, 2);
  await ownerPage.getByRole('button', { name: 'Who? Points turnover' }).click();
  await expect(
    ownerPage.getByRole('dialog').getByTestId('drill-row').filter({ hasText: member.name }),
  ).toContainText('42.5');
  await ownerPage.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});

test('a training attendance counts as a person in training, and the drill-down names them', async () => {
  await ownerPage.goto('/kpis');
  await expect(ownerPage.getByTestId('kpis-title')).toHaveText('KPIs');
  const before = await kpiValue(ownerPage, 'training');

  // The owner plans a training for today; the member registers; the owner ticks her off.
  await ownerPage.goto('/trainings');
  await ownerPage.getByRole('button', { name: 'New training' }).click();
  const dialog = ownerPage.getByRole('dialog', { name: 'New training' });
  await dialog.getByLabel('Topic').fill(topic);
  await dialog.getByLabel('Date').fill(today);
  await dialog.getByLabel('Format').selectOption('offline');
  await dialog.getByLabel('Place').fill('Burgas, Sea Garden hall');
  await dialog.getByRole('button', { name: 'Create training' }).click();
  await expect(ownerPage.getByTestId('training-title')).toHaveText(topic);
  const trainingUrl = ownerPage.url();

  await memberPage.goto('/trainings');
  await memberPage
    .getByTestId('training-row')
    .filter({ hasText: topic })
    .getByRole('button', { name: `Register for ${topic}` })
    .click();
  await expect(memberPage.getByText(`You are registered for “${topic}”.`)).toBeVisible();

  await ownerPage.goto(trainingUrl);
  const box = ownerPage.getByTestId('attendance').getByRole('checkbox', { name: member.name });
  await box.click();
  await expect(ownerPage.getByText(`${member.name} attended.`)).toBeVisible();

  // The member's own structure is just her: one person in training, offline.
  await memberPage.goto('/kpis');
  await expect(memberPage.getByTestId('kpi-training-value')).toHaveText('1');
  await expect(memberPage.getByTestId('kpi-training-detail')).toHaveText('Offline 1 · online 0');

  // The sponsor's count went up by one, and the drill-down names her.
  await ownerPage.goto('/kpis');
  await expect.poll(() => kpiValue(ownerPage, 'training')).toBe(before + 1);
  await ownerPage.getByRole('button', { name: 'Who? People in training' }).click();
  const drill = ownerPage.getByRole('dialog');
  await drill
    .locator('label')
    .filter({ hasText: /^Offline$/ })
    .click();
  await expect(drill.getByTestId('drill-row').filter({ hasText: member.name })).toBeVisible();
  await drill.getByRole('button', { name: 'Close' }).click();
});

test('a newcomer’s first analysis waits for their first whole week; once due Today asks for it, it is saved, in history and on the team view', async () => {
  test.setTimeout(90_000);
  // Her analysis day becomes today's weekday. She joined today: her first analysis looks at her first
  // whole week, so nothing is asked of her yet — no form, no question on Today.
  await memberPage.goto('/kpis/reviews');
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Weekly analysis' })).toBeVisible();
  await memberPage.getByRole('combobox', { name: 'My analysis day' }).click();
  await memberPage.getByRole('option', { name: weekdayName, exact: true }).click();
  await expect(memberPage.getByTestId('review-upcoming')).toContainText(
    'Your first weekly analysis is due on',
  );
  await expect(memberPage.getByLabel('Corrections for next week')).toHaveCount(0);
  await expect(memberPage.getByTestId('review-done')).toHaveCount(0);
  await memberPage.goto('/');
  await expect(memberPage.getByTestId('today-greeting')).toBeVisible();
  await expect(memberPage.getByTestId('today-review')).toHaveCount(0);

  // Her sponsor corrects her join date to the back office's, three weeks ago: now the analysis is due.
  const me = await memberPage.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
  await ownerPage.goto(`/structure/members/${me.member.id}`);
  await ownerPage.getByRole('button', { name: 'Edit' }).click();
  const profile = ownerPage.getByRole('dialog', { name: 'Edit profile' });
  await profile.getByLabel('Joined on').fill(threeWeeksAgo);
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile).toHaveCount(0);
  await memberPage.goto('/kpis/reviews');
  await expect(memberPage.getByTestId('review-due')).toHaveText('Today is your analysis day.');

  // Today asks for it.
  await memberPage.goto('/');
  const card = memberPage.getByTestId('today-review');
  await expect(card).toContainText('Weekly analysis');
  await card.getByRole('link', { name: 'Do the analysis' }).click();

  await expect(memberPage.getByTestId('review-numbers')).toBeVisible();
  await memberPage
    .getByLabel('Corrections for next week')
    .fill('Call five people from the other-cities list; bring two guests to the next training.');
  await memberPage.getByRole('button', { name: 'Save the analysis' }).click();
  await expect(memberPage.getByText('Weekly analysis saved.')).toBeVisible();
  await expect(memberPage.getByTestId('review-done')).toBeVisible();
  const latest = memberPage.getByTestId('review-history-week').first();
  await expect(latest).toHaveAttribute('data-status', 'done');
  await expect(latest).toContainText('bring two guests');

  // Today does not ask any more.
  await memberPage.goto('/');
  await expect(memberPage.getByTestId('today-greeting')).toBeVisible();
  await expect(memberPage.getByTestId('today-review')).toHaveCount(0);

  // The sponsor sees it done in the frontline, without the text.
  await ownerPage.goto('/kpis/reviews');
  const row = ownerPage.getByTestId('team-review-row').filter({ hasText: member.name });
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(row).not.toContainText('bring two guests');
});
