// The admin brings in the back-office member list (problems shown by line, valid rows imported on
// request) and moves a member with their downline under another sponsor.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { owner, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

test('an admin previews a faulty file, sees every problem by line, and imports only the valid rows', async ({
  page,
}) => {
  await signInAsOwner(page);
  await page.goto('/settings');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose CSV file' }).click();
  await (await chooser).setFiles(fixture('with-errors.csv'));

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/rows have problems/)).toBeVisible();
  const issues = preview.getByTestId('import-issues').first();
  await expect(issues).toContainText('Line 4');
  await expect(issues).toContainText('The sponsor is neither in the file nor in the structure.');
  await expect(issues).toContainText('Line 5');
  await expect(issues).toContainText('Use a date like 2024-03-15 or 15.03.2024.');

  const importButton = preview.getByRole('button', { name: 'Import now' });
  await expect(importButton).toBeDisabled();
  await preview.getByLabel('Import only the rows without problems').check();
  await importButton.click();
  await expect(page.getByText(/Imported: \d+ new/)).toBeVisible();

  await page.goto('/structure?view=table');
  await page.getByLabel('Search by name, e-mail or city').fill('Ivy Fine');
  await expect(page.getByTestId('downline-rows').getByRole('link', { name: 'Ivy Fine' })).toBeVisible();
  await page.getByLabel('Search by name, e-mail or city').fill('Carl Orphan');
  await expect(page.getByText('No one matches these filters.')).toBeVisible();
});

test('an admin moves a member with their downline under another sponsor', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/structure?view=table');
  await page.getByLabel('Search by name, e-mail or city').fill('Ivy Fine');
  await page.getByTestId('downline-rows').getByRole('link', { name: 'Ivy Fine' }).click();
  await expect(page.getByTestId('member-name')).toHaveText('Ivy Fine');
  await expect(page.getByLabel('Upline')).toContainText('Anna Top');

  await page.getByRole('button', { name: 'Move' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New sponsor (name or city)').fill(owner.name);
  await dialog.getByText(owner.name).first().click();
  await dialog.getByRole('button', { name: `Move under ${owner.name}` }).click();
  await expect(page.getByText(`Ivy Fine now belongs to ${owner.name}.`)).toBeVisible();
  await expect(page.getByLabel('Upline')).not.toContainText('Anna Top');
});
