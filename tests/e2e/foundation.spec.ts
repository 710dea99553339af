// The first person sets up Downline; then signing in and out, languages and the phone layout.
import { expect, test } from '@playwright/test';
import { owner, Shell, SignInPage, SignUpPage } from './pages.ts';

test.describe.configure({ mode: 'serial' });

test('the first sign-up on an empty installation creates the organization', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole('heading', { name: 'Set up Downline' })).toBeVisible();

  // The form names what is missing before anything is sent.
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();

  await new SignUpPage(page).setUpOrganization();
  await expect(page.getByTestId('today-greeting')).toContainText('Maria');
  await expect(page.getByTestId('organization-name')).toHaveText(owner.organizationName);
  await expect(page.getByText(`Admin of ${owner.organizationName}`)).toBeVisible();
});

test('after that, sign-up is by invitation only', async ({ page }) => {
  await page.goto('/sign-up');
  await expect(page.getByTestId('invitation-required')).toContainText('invitation link');
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('sign out, a wrong password is refused, sign in again', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(owner.email, owner.password);
  await expect(page.getByTestId('today-greeting')).toBeVisible();

  await new Shell(page).signOut();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInPage.signIn(owner.email, 'not the password');
  await expect(page.getByTestId('form-error')).toHaveText('The e-mail address or the password is not right.');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInPage.signIn(owner.email, owner.password);
  await expect(page.getByTestId('today-greeting')).toContainText('Maria');
});

test('switching to Bulgarian and German translates the shell and is kept for the account', async ({
  page,
  browser,
}) => {
  const shell = new Shell(page);
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(owner.email, owner.password);
  await expect(shell.navigation().getByRole('link', { name: 'Structure' })).toBeVisible();

  await shell.chooseLanguage('Български');
  for (const label of ['Днес', 'Структура', 'Контакти', 'Дневник', 'Планове', 'Показатели', 'Обучения']) {
    await expect(shell.navigation().getByRole('link', { name: label })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
  // Dates follow the language: the Bulgarian month name and the "г." of the year.
  await expect(page.getByTestId('today-date')).toHaveText(
    /(януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември) \d{4} г\./,
  );

  // Stored on the account: another browser with English preferences opens in Bulgarian after sign-in.
  const other = await browser.newContext({ locale: 'en-US' });
  const otherPage = await other.newPage();
  const otherSignIn = new SignInPage(otherPage);
  await otherSignIn.open();
  await otherSignIn.signIn(owner.email, owner.password);
  await expect(new Shell(otherPage).navigation().getByRole('link', { name: 'Структура' })).toBeVisible();
  await other.close();

  await shell.chooseLanguage('Deutsch');
  for (const label of ['Heute', 'Struktur', 'Kontakte', 'Tagebuch', 'Pläne', 'Kennzahlen', 'Schulungen']) {
    await expect(shell.navigation().getByRole('link', { name: label })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByTestId('format-example')).toContainText('12.345,67');

  await page.reload();
  await expect(shell.navigation().getByRole('link', { name: 'Struktur' })).toBeVisible();
  await shell.chooseLanguage('English');
  await expect(shell.navigation().getByRole('link', { name: 'Structure' })).toBeVisible();
});

test('the layout works on a 375-px phone', async ({ browser }) => {
  const phone = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(owner.email, owner.password);
  await expect(page.getByTestId('today-greeting')).toBeVisible();

  const menu = page.getByRole('button', { name: 'Open navigation' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Plans' })).not.toBeInViewport();
  await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByTestId('plans-title')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Plans' })).not.toBeInViewport();

  for (const url of ['/', '/contacts', '/settings']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${url}`).toBeLessThanOrEqual(0);
  }
  await phone.close();
});

test('an unknown page shows a clear not-found state', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(owner.email, owner.password);
  await expect(page.getByTestId('today-greeting')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByTestId('not-found')).toContainText('Page not found');
});
