// Passwords: the join form says why a password is refused (too short, too common, the person's own
// name), and an account whose password no longer passes is asked for a new one at sign-in, on a phone.
import { expect, test } from '@playwright/test';
import { phoneOptions, SignInPage, sameOrigin, signInAsOwner } from './pages.ts';

const member = {
  name: 'Svetla Stoeva',
  email: `svetla-${Date.now()}@example.org`,
  password: 'amber river lantern',
};

test('the join form gives the reason; a password that no longer passes is changed at sign-in', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const invitation = await page.request.post('/api/v1/invitations', {
    data: { kind: 'partner' },
    headers: sameOrigin(page),
  });
  expect(invitation.status()).toBe(201);
  const link = (await invitation.json()).path as string;

  const context = await browser.newContext(phoneOptions);
  const phone = await context.newPage();
  await phone.goto(link);
  await phone.getByLabel('Your name').fill(member.name);
  await phone.getByRole('textbox', { name: 'E-mail', exact: true }).fill(member.email);
  const password = phone.getByRole('textbox', { name: 'Password', exact: true });
  const submit = phone.getByRole('button', { name: 'Create my account' });

  await password.fill('password');
  await submit.click();
  await expect(phone.getByText('Too short: a password needs at least 10 characters.')).toBeVisible();
  await password.fill('Password123');
  await submit.click();
  await expect(phone.getByText('This password is too common or too easy to guess')).toBeVisible();
  await password.fill('svetla by the sea');
  await submit.click();
  await expect(phone.getByText('Do not put your name or e-mail address in your password')).toBeVisible();
  await password.fill(member.password);
  await submit.click();
  await expect(phone.getByTestId('today-greeting')).toBeVisible();

  // Renamed to a name the password contains, the password no longer passes: the next sign-in asks for a
  // new one, and nothing else opens until it is changed.
  const renamed = await phone.request.patch('/api/v1/me', {
    data: { name: 'Amber Stoeva' },
    headers: sameOrigin(phone),
  });
  expect(renamed.status()).toBe(200);
  await phone.request.post('/api/v1/auth/sign-out', { data: {}, headers: sameOrigin(phone) });
  const signIn = new SignInPage(phone);
  await signIn.open();
  await signIn.signIn(member.email, member.password);
  await expect(phone.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(phone.getByTestId('password-change-required')).toContainText('contains your name');
  await phone.goto('/contacts');
  await expect(phone).toHaveURL(/\/change-password$/);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await phone.getByLabel('Current password').fill(member.password);
  await phone.getByLabel('New password').fill('amber lantern');
  await phone.getByTestId('password-submit').click();
  await expect(phone.getByText('Do not put your name or e-mail address in your password')).toBeVisible();
  await phone.getByLabel('New password').fill('seven quiet owls at dawn');
  await phone.getByTestId('password-submit').click();
  await expect(phone.getByTestId('today-greeting')).toBeVisible();
  await phone.goto('/contacts');
  await expect(phone).toHaveURL(/\/contacts/);
  await context.close();
});
