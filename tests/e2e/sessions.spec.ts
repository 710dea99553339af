// Sessions: an admin signs a member out on every device from the member's page; the member signs in
// again and changes their password on a phone, which keeps this device signed in; marked as left, they
// are out at once.
import { expect, test } from '@playwright/test';
import { joinOnAPhone, SignInPage, sameOrigin, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const member = {
  name: 'Petya Ivanova',
  email: `petya-${Date.now()}@example.org`,
  password: 'has a long pass phrase',
  city: 'Plovdiv',
};

test('an admin signs a member out everywhere; the member signs in again and changes the password', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const phone = await joinOnAPhone(page, browser, member, new Date());
  const me = await phone.page.request.get('/api/v1/me');
  const memberId = (await me.json()).member.id as string;

  await page.goto(`/structure/members/${memberId}`);
  await expect(page.getByTestId('member-name')).toHaveText(member.name);
  await page.getByTestId('member-sign-out').click();
  await expect(page.getByRole('dialog')).toContainText('signs in again with their password');
  await page.getByTestId('member-sign-out-confirm').click();
  await expect(page.getByText(`${member.name} was signed out on one device.`)).toBeVisible();

  // The phone's session is over: the next page load asks to sign in.
  await phone.page.goto('/settings');
  await expect(phone.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await new SignInPage(phone.page).signIn(member.email, member.password);
  await expect(phone.page.getByTestId('today-greeting')).toBeVisible();

  await phone.page.goto('/settings');
  await phone.page.getByLabel('Current password').fill('not my password');
  await phone.page.getByLabel('New password').fill('a brand new long password');
  await phone.page.getByTestId('password-submit').click();
  await expect(phone.page.getByText('This is not your current password.')).toBeVisible();
  await phone.page.getByLabel('Current password').fill(member.password);
  await phone.page.getByTestId('password-submit').click();
  await expect(
    phone.page.getByText('Your password is changed. Your other devices are signed out.'),
  ).toBeVisible();
  // This device stays signed in.
  await phone.page.reload();
  await expect(phone.page.getByLabel('Current password')).toBeVisible();
  expect((await phone.page.request.get('/api/v1/me')).status()).toBe(200);
  // Nothing sticks out sideways on the phone.
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Marked as left, the member's session opens nothing, and signing in says why.
  const left = await page.request.patch(`/api/v1/members/${memberId}`, {
    data: { status: 'left' },
    headers: sameOrigin(page),
  });
  expect(left.status()).toBe(200);
  await phone.page.goto('/settings');
  await expect(phone.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await new SignInPage(phone.page).signIn(member.email, 'a brand new long password');
  await expect(phone.page.getByTestId('form-error')).toContainText('Your membership in this team has ended');
  await phone.context.close();
});
