// Today on a phone, for a newcomer who just joined and for their sponsor: the page asks the server once
// for its data and shows every card from that answer — no card that appears empty and fills in later,
// none about nothing, and no "coming soon".
import { expect, type Page, test } from '@playwright/test';
import { joinOnAPhone, phoneOptions, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const member = {
  name: `Tina Today ${stamp}`,
  email: `tina-${stamp}@example.org`,
  password: 'starts the day early',
  city: 'Варна',
};

/** Opens Today afresh and returns the API paths it asked for (the session check aside). */
async function openToday(page: Page) {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/v1/me') asked.push(url.pathname);
  });
  await page.goto('/');
  await expect(page.getByTestId('today-cards')).toBeVisible();
  await page.waitForLoadState('networkidle');
  return asked;
}

test('Today loads in one request and shows its cards at once', async ({ browser }) => {
  const now = new Date();
  const context = await browser.newContext(phoneOptions);
  const sponsor = await context.newPage();
  await signInAsOwner(sponsor);
  const { page: newcomer } = await joinOnAPhone(sponsor, browser, member, now);

  // The newcomer: their getting-started steps, the plans and the diary; nothing due, so no call-backs card.
  expect(await openToday(newcomer)).toEqual(['/api/v1/today']);
  const cards = newcomer.getByTestId('today-cards');
  await expect(cards.getByTestId('today-followup-mine')).toBeVisible();
  await expect(cards.getByTestId('today-plan')).toBeVisible();
  await expect(cards.getByTestId('today-diary')).toBeVisible();
  await expect(cards.getByTestId('today-follow-ups')).toHaveCount(0);
  await expect(newcomer.getByText(/soon|coming/i)).toHaveCount(0);

  // The sponsor's Today, the same way (the newcomer is not overdue yet: no follow-up card about nothing).
  expect(await openToday(sponsor)).toEqual(['/api/v1/today']);
  await expect(sponsor.getByTestId('today-plan')).toBeVisible();
  await expect(sponsor.getByTestId('today-diary')).toBeVisible();
  await context.close();
});
