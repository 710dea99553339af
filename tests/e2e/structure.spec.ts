// The structure: an invitation link brings a new person in under the sponsor; the sponsor finds them in
// the table and the tree; the new member cannot open a page outside their own downline.
import { expect, test } from '@playwright/test';
import { owner, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const newcomer = {
  name: 'Nina Nikolova',
  email: `nina-${Date.now()}@example.org`,
  password: 'a long pass phrase here',
  city: 'Варна',
};
let link = '';

test('the sponsor makes a partner link and shares it', async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Structure' }).click();
  await page.getByText('Invitations', { exact: true }).click();
  await page.getByRole('button', { name: 'New partner link' }).click();
  const url = page.getByTestId('invitation-url').first();
  await expect(url).toContainText('/join/');
  link = (await url.textContent())!.trim();
  await expect(page.getByRole('button', { name: 'Copy link' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'QR code' }).first().click();
  await expect(page.getByTestId('invitation-qr')).toBeVisible();
});

test('a new person signs up through the link and lands under the sponsor', async ({ browser }) => {
  const phone = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Join ${owner.organizationName}` })).toBeVisible();
  await expect(page.getByText(`${owner.name} invites you`)).toBeVisible();
  await page.getByLabel('Your name').fill(newcomer.name);
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(newcomer.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(newcomer.password);
  await page.getByLabel('City (optional)').fill(newcomer.city);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByTestId('today-greeting')).toContainText('Nina');

  await phone.close();
});

test('the sponsor sees the new member in the table and on their page', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/structure?view=table');
  await page.getByLabel('Search by name, e-mail or city').fill('Nina');
  const row = page.getByTestId('downline-rows').getByRole('link', { name: newcomer.name });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('downline-total')).toHaveText('1 member');
  await row.click();
  await expect(page.getByTestId('member-name')).toHaveText(newcomer.name);
  await expect(page.getByText('Варна')).toBeVisible();
  await expect(page.getByLabel('Upline').getByRole('link', { name: owner.name })).toBeVisible();
});

test('search finds the new member in the tree', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/structure');
  await expect(page.getByTestId('structure-tree')).toBeVisible();
  await page.getByRole('textbox', { name: 'Search your structure by name or city' }).fill('Nikolova');
  await page.getByTestId('tree-search-result').filter({ hasText: newcomer.name }).click();
  const node = page.locator('[data-testid="tree-node"]').filter({ hasText: newcomer.name });
  await expect(node).toBeVisible();
  await expect(node.getByTestId('tree-node-name')).toBeFocused();
});

test('a member cannot open a member page outside their downline', async ({ page, browser }) => {
  await signInAsOwner(page);
  const ownerId = await page.evaluate(
    async () => (await fetch('/api/v1/me').then((r) => r.json())).member.id as string,
  );
  const context = await browser.newContext();
  const nina = await context.newPage();
  await nina.goto('/sign-in');
  await nina.getByRole('textbox', { name: 'E-mail', exact: true }).fill(newcomer.email);
  await nina.getByRole('textbox', { name: 'Password', exact: true }).fill(newcomer.password);
  await nina.getByRole('button', { name: 'Sign in' }).click();
  await expect(nina.getByTestId('today-greeting')).toBeVisible();
  await nina.goto(`/structure/members/${ownerId}`);
  await expect(nina.getByTestId('not-found')).toBeVisible();
  const response = await nina.request.get(`/api/v1/members/${ownerId}`);
  expect(response.status()).toBe(404);
  await context.close();
});

test('a withdrawn link shows a clear page', async ({ page, browser }) => {
  await signInAsOwner(page);
  await page.goto('/structure?view=invitations');
  await page.getByRole('button', { name: 'New customer link' }).click();
  const card = page.getByTestId('invitation-card').filter({ hasText: 'Customer link' }).first();
  const url = (await card.getByTestId('invitation-url').textContent())!.trim();
  await card.getByRole('button', { name: 'Withdraw' }).click();
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(url);
  await expect(stranger.getByRole('heading', { name: 'This link was withdrawn' })).toBeVisible();
  await expect(stranger.getByTestId('join-closed')).toContainText(owner.name);
});
