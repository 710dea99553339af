// Orders on a phone: a new member posts their first order and sees it with the month's points, then
// reverses it (the order stays, a reversal beside it, the month back at zero); their sponsor picks them
// in the member field and posts an order for them, which the member then sees with who posted it.
import { expect, type Page, test } from '@playwright/test';
import { joinOnAPhone, owner, phoneOptions, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });
test.use(phoneOptions);

const member = {
  name: 'Orlin Ordersky',
  email: `orlin-${Date.now()}@example.org`,
  password: 'sells aloe gel by the sea',
  city: 'Русе',
};

// The device's day and the server's agree at noon UTC (an order may not be dated ahead).
const now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);

async function openOrders(page: Page) {
  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('orders-totals')).toBeVisible();
}

test('a member posts an order, sees the month’s points, and reverses it; the sponsor posts one for them', async ({
  page,
  browser,
}) => {
  await page.clock.setFixedTime(now);
  await signInAsOwner(page);
  const { context: phone, page: orlin } = await joinOnAPhone(page, browser, member, now);

  // The member's first order: the form comes first on the phone, the list and the month below.
  await openOrders(orlin);
  await expect(orlin.getByTestId('orders-empty')).toBeVisible();
  await expect(orlin.getByTestId('orders-month-points')).toHaveText('0 points');
  await expect(orlin.getByLabel('Member')).toHaveValue(member.name);
  await expect(orlin.getByLabel('Date')).toHaveValue(now.toISOString().slice(0, 10));
  await orlin.getByLabel('Product').fill('Aloe Vera Gel');
  await orlin.getByLabel('Points').fill('12.5');
  await orlin.getByLabel('Amount').fill('25.90');
  await orlin.getByRole('button', { name: 'Post order' }).click();
  await expect(orlin.getByText(`Order posted for ${member.name}.`)).toBeVisible();

  const rows = orlin.getByTestId('order-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Aloe Vera Gel');
  await expect(rows.first().getByTestId('order-points')).toHaveText('12.5 pts');
  await expect(rows.first()).toContainText('€25.90');
  await expect(orlin.getByTestId('orders-month-points')).toHaveText('12.5 points');
  await expect(orlin.getByTestId('orders-totals')).toContainText('1 order');
  // The form is ready for the next order.
  await expect(orlin.getByLabel('Product')).toHaveValue('');

  // A return: the order is reversed after a question; it stays, with the reversal beside it.
  await rows.first().getByRole('button', { name: 'Reverse' }).click();
  const dialog = orlin.getByRole('dialog', { name: 'Reverse this order?' });
  await dialog.getByLabel('Reason').fill('Returned unopened');
  await dialog.getByRole('button', { name: 'Post reversal' }).click();
  await expect(orlin.getByText('Order reversed.')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(orlin.getByTestId('orders-month-points')).toHaveText('0 points');
  await expect(orlin.locator('[data-testid="order-row"][data-reversal="true"]')).toContainText(
    'Returned unopened',
  );
  await expect(
    orlin.locator('[data-testid="order-row"][data-reversal="true"] [data-testid="order-points"]'),
  ).toHaveText('-12.5 pts');
  await expect(orlin.locator('[data-testid="order-row"][data-reversed="true"]')).toContainText('Reversed');
  await expect(rows.getByRole('button', { name: 'Reverse' })).toHaveCount(0);

  // The sponsor picks the new member in the member field and posts an order for them.
  await openOrders(page);
  await expect(page.getByLabel('Member')).toHaveValue(owner.name);
  await page.getByLabel('Member').fill('Orlin');
  await page.getByRole('option', { name: member.name }).click();
  await expect(page.getByLabel('Member')).toHaveValue(member.name);
  await expect(page.getByTestId('orders-totals')).toContainText(member.name);
  await expect(page.getByTestId('orders-month-points')).toHaveText('0 points');
  await page.getByLabel('Product').fill('Herbal Tea');
  await page.getByLabel('Points').fill('3');
  await page.getByLabel('Amount').fill('6');
  await page.getByRole('button', { name: 'Post order' }).click();
  await expect(page.getByText(`Order posted for ${member.name}.`)).toBeVisible();
  await expect(page.getByTestId('orders-month-points')).toHaveText('3 points');
  await expect(page.getByTestId('order-row').filter({ hasText: 'Herbal Tea' })).toContainText(
    `posted by ${owner.name}`,
  );

  // The member sees it among their own, with who posted it.
  await orlin.reload();
  await expect(orlin.getByTestId('orders-month-points')).toHaveText('3 points');
  await expect(orlin.getByTestId('order-row').filter({ hasText: 'Herbal Tea' })).toContainText(
    `posted by ${owner.name}`,
  );
  await phone.close();
});
