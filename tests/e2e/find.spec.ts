// Things where people look for them: Orders in the navigation (also in the phone's menu), one's own city
// and country at sign-up, on joining (picked in Bulgarian) and in Settings, the weekday of the weekly
// analysis in Settings, and on an empty structure page the button that makes an invitation link.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { owner, phoneOptions, pickCountry, sameOrigin, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const newcomer = {
  name: 'Ралица Радева',
  email: 'ralitsa@example.org',
  password: 'a long password 42',
  city: 'Пловдив',
};

test('the owner finds Orders in the navigation, and their city and country in Settings', async ({ page }) => {
  await signInAsOwner(page);
  const navigation = page.getByRole('navigation');
  const labels = await navigation.getByRole('link').allTextContents();
  expect(labels.slice(0, 6)).toEqual(['Today', 'Structure', 'Contacts', 'Diary', 'Orders', 'Follow-up']);
  await navigation.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();

  // Chosen at sign-up (tests/e2e/pages.ts), shown in Settings by name.
  await navigation.getByRole('link', { name: 'Settings' }).click();
  const profile = page.getByTestId('settings-profile');
  await expect(profile.getByRole('textbox', { name: 'My city' })).toHaveValue(owner.city);
  await expect(profile.getByRole('combobox', { name: 'My country' })).toHaveValue(owner.country);
});

async function joinInBulgarian(sponsor: Page, browser: Browser) {
  const invitation = await sponsor.request.post('/api/v1/invitations', {
    data: { kind: 'partner' },
    headers: sameOrigin(sponsor),
  });
  expect(invitation.status()).toBe(201);
  const context = await browser.newContext({ ...phoneOptions, locale: 'bg-BG' });
  const page = await context.newPage();
  await page.goto((await invitation.json()).path);
  await page.getByLabel('Вашето име').fill(newcomer.name);
  await page.getByRole('textbox', { name: 'Имейл', exact: true }).fill(newcomer.email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(newcomer.password);
  await page.getByLabel('Град (по желание)').fill(newcomer.city);
  // Countries are named in Bulgarian and found by part of the name, whatever the case.
  await pickCountry(page, 'Държава (по желание)', 'бълг', 'България');
  await page.getByRole('button', { name: 'Създай моя профил' }).click();
  await expect(page.getByTestId('today-greeting')).toContainText('Ралица');
  return { context, page };
}

async function openFromMenu(page: Page, label: string) {
  await page.getByRole('button', { name: 'Отвори менюто' }).click();
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
}

test('a newcomer joins in Bulgarian on a phone with city and country, and finds them in Settings', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const { context, page: phone } = await joinInBulgarian(page, browser);

  // The phone's menu holds every area, Orders among them, and fits the screen without scrolling.
  await phone.getByRole('button', { name: 'Отвори менюто' }).click();
  const navigation = phone.getByRole('navigation');
  await expect(navigation.getByRole('link', { name: 'Поръчки' })).toBeVisible();
  for (const link of await navigation.getByRole('link').all()) await expect(link).toBeInViewport();
  await expect(navigation.getByTestId('sign-out')).toBeInViewport();
  await navigation.getByRole('link', { name: 'Поръчки' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Поръчки' })).toBeVisible();

  await openFromMenu(phone, 'Настройки');
  const profile = phone.getByTestId('settings-profile');
  await expect(profile.getByRole('textbox', { name: 'Моят град' })).toHaveValue(newcomer.city);
  const country = profile.getByRole('combobox', { name: 'Моята държава' });
  await expect(country).toHaveValue('България');

  // Another country, found by its two-letter code, and saved.
  await pickCountry(phone, 'Моята държава', 'de', 'Германия');
  await profile.getByRole('button', { name: 'Запиши' }).click();
  await expect(phone.getByText('Запазено').first()).toBeVisible();
  const me = await (await phone.request.get('/api/v1/me')).json();
  expect(me.member).toMatchObject({ city: newcomer.city, country: 'DE' });

  // The weekday of the weekly analysis: the organization's until the member picks their own.
  const weekday = phone.getByRole('combobox', { name: 'Моят ден за анализ' });
  await expect(weekday).toHaveValue('Като организацията (понеделник)');
  await weekday.click();
  await phone.getByRole('option', { name: 'петък', exact: true }).click();
  await expect(weekday).toHaveValue('петък');
  await expect
    .poll(async () => (await (await phone.request.get('/api/v1/me')).json()).member.reviewWeekday)
    .toBe(5);
  await phone.reload();
  await expect(phone.getByRole('combobox', { name: 'Моят ден за анализ' })).toHaveValue('петък');
  // The organization's day is for admins only.
  await expect(phone.getByRole('combobox', { name: 'Ден за анализ на организацията' })).toHaveCount(0);

  // Nothing is cut off and nothing scrolls sideways on the phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // An empty structure: the invitation link is made right there.
  await openFromMenu(phone, 'Структура');
  const empty = phone.getByTestId('tree-empty');
  await expect(empty).toBeVisible();
  await empty.getByRole('button', { name: 'Нов линк за партньор' }).click();
  await expect(empty.getByTestId('invitation-url')).toContainText('/join/');
  await expect(empty.getByTestId('invitation-card')).toContainText('Линк за партньор');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
});

test('an admin sets the organization’s analysis day in Settings', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/settings');
  const organizationDay = page.getByRole('combobox', { name: "Organization's analysis day" });
  await expect(organizationDay).toHaveValue('Monday');
  await organizationDay.click();
  await page.getByRole('option', { name: 'Sunday', exact: true }).click();
  await expect
    .poll(async () => (await (await page.request.get('/api/v1/me')).json()).organization.reviewWeekday)
    .toBe(7);
  await expect(page.getByRole('combobox', { name: 'My analysis day' })).toHaveValue(
    'As the organization (Sunday)',
  );
  // Back to Monday, as the other specs expect.
  await organizationDay.click();
  await page.getByRole('option', { name: 'Monday', exact: true }).click();
  await expect
    .poll(async () => (await (await page.request.get('/api/v1/me')).json()).organization.reviewWeekday)
    .toBe(1);
});
