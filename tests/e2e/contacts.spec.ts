// Contacts: a new member writes their list on a phone, logs a call with a follow-up, finds it due two
// days later (in the list and on Today) and shares the contact with their sponsor, who can read it but
// not change it. An Outlook export (German, semicolons, Windows-1252) comes in through the preview. A
// national number gets its WhatsApp link once the member's country is known, and "back" from a contact
// returns to the same place in a long list.
import path from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import {
  ContactsPage,
  calendarDaysLater,
  joinOnAPhone,
  owner,
  phoneOptions,
  sameOrigin,
  setOwnCountry,
  signInAs,
  signInAsOwner,
  TIME_ZONE,
} from './pages.ts';

test.describe.configure({ mode: 'serial' });

const member = {
  name: 'Lina Lazarova',
  email: `lina-${Date.now()}@example.org`,
  password: 'two lists kept apart',
  city: 'Пловдив',
};
const prospect = { name: 'Petar Prospect', phone: '+359 888 123 456', city: 'Варна' };

// The device's day decides what is due: the browser clock is fixed now, then moved two calendar days on
// (counted in days, not as 48 hours, which miss or overshoot a day around a clock change).
const now = new Date();
const twoDaysLater = calendarDaysLater(2, now);
const weekdayOf = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: TIME_ZONE }).format(date);

let contactId = '';

test('a member adds a contact on the phone, logs a call and finds the follow-up due two days later', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const { context: phone, page: lina } = await joinOnAPhone(page, browser, member, now);

  const contacts = new ContactsPage(lina);
  await contacts.openFromMenu();
  await expect(lina.getByTestId('contacts-empty')).toContainText('Write your two lists');
  await contacts.quickAdd(prospect);
  // Varna is not Lina's city: the contact is on list 2, under its city.
  await lina.getByText('Other cities', { exact: true }).click();
  await expect(lina.getByTestId('city-group').filter({ hasText: prospect.city })).toBeVisible();
  await contacts.row(prospect.name).getByTestId('contact-row-name').click();

  await expect(lina.getByTestId('contact-name')).toHaveText(prospect.name);
  contactId = lina.url().split('/').pop()!;
  await expect(lina.getByTestId('reach').getByRole('link', { name: 'Call' })).toHaveAttribute(
    'href',
    'tel:+359888123456',
  );
  const log = lina.getByTestId('log-interaction');
  await log.getByText('+2 days').click();
  await expect(log.getByTestId('log-next-hint')).toContainText(weekdayOf(twoDaysLater));
  await log.getByLabel('Note').fill('Curious about the products, call again in two days.');
  await log.getByRole('button', { name: 'Save' }).click();
  await expect(lina.getByText(/^Logged\. Call back on/)).toBeVisible();
  await expect(lina.getByTestId('interaction-log')).toContainText('Curious about the products');
  await expect(lina.getByTestId('stage-picker').getByRole('button', { name: 'Contacted' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(lina.getByTestId('follow-up').first()).toHaveText('Call back in 2 days');

  // Two days later the follow-up is due: in the contacts list and on Today.
  await lina.clock.setFixedTime(twoDaysLater);
  await lina.goto('/contacts');
  await expect(lina.getByTestId('due-banner')).toContainText('1 call-back is due');
  await lina.getByTestId('due-banner').getByRole('button', { name: 'Show' }).click();
  await expect(lina.getByTestId('due-heading')).toBeVisible();
  await expect(lina.getByRole('button', { name: 'Remove filter: Call-backs due' })).toBeVisible();
  await expect(contacts.row(prospect.name)).toBeVisible();
  await expect(contacts.row(prospect.name).getByTestId('follow-up')).toHaveText('today');

  await lina.goto('/');
  const today = lina.getByTestId('today-follow-ups');
  await expect(today.getByTestId('today-follow-ups-count')).toHaveText('1');
  await today.getByText(prospect.name).click();

  // Shared with the sponsor to prepare a 2+1.
  await expect(lina.getByTestId('contact-name')).toHaveText(prospect.name);
  const share = lina.getByRole('switch', { name: `Share with ${owner.name}` });
  await expect(share).toBeEnabled();
  await share.check({ force: true });
  await expect(lina.getByText(`${owner.name} can now read this contact.`)).toBeVisible();
  await phone.close();
});

test('the sponsor reads the shared contact, without any way to change it', async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  const shared = page.getByTestId('shared-with-me');
  await expect(shared).toContainText('Shared with me (1)');
  await expect(shared).toContainText(`from ${member.name}`);
  await shared.getByText(prospect.name).click();

  await expect(page.getByTestId('contact-name')).toHaveText(prospect.name);
  await expect(page.getByTestId('read-only-note')).toContainText(
    `${member.name} shared this contact with you`,
  );
  await expect(page.getByTestId('interaction-log')).toContainText('Curious about the products');
  await expect(page.getByTestId('log-interaction')).toHaveCount(0);
  await expect(page.getByTestId('stage-picker')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove entry' })).toHaveCount(0);
  await expect(page.getByTestId('invite-contact')).toHaveCount(0);
  await expect(page.getByTestId('share-with-sponsor')).toHaveCount(0);

  const patch = await page.request.patch(`/api/v1/contacts/${contactId}`, {
    data: { name: 'Changed by the sponsor' },
    headers: sameOrigin(page),
  });
  expect(patch.status()).toBe(403);
  expect((await patch.json()).error.code).toBe('forbidden');
});

test('the member stops sharing, and the contact is private again', async ({ page, browser }) => {
  const context = await browser.newContext();
  const lina = await context.newPage();
  await signInAs(lina, member.email, member.password);
  await lina.goto(`/contacts/${contactId}`);
  const share = lina.getByRole('switch', { name: `Share with ${owner.name}` });
  await expect(share).toBeChecked();
  await share.uncheck({ force: true });
  await expect(lina.getByText('This contact is private again.')).toBeVisible();
  await context.close();

  await signInAsOwner(page);
  expect((await page.request.get(`/api/v1/contacts/${contactId}`)).status()).toBe(404);
  await page.goto(`/contacts/${contactId}`);
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('an Outlook export in German is previewed, then imported', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/contacts/import');
  const choose = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(file);
  };
  // An empty file is refused by the request's own check, and said so in words.
  await choose({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('import-file-error')).toContainText('The file is empty.');
  await choose(path.resolve('tests/fixtures/contacts/outlook-de.csv'));

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-detected')).toContainText('Outlook');
  await expect(preview.getByTestId('import-detected')).toContainText('WINDOWS-1252');
  await expect(preview.getByTestId('import-mapping')).toContainText('Vorname');
  await expect(preview.getByTestId('import-sample')).toContainText('Jördis Müller-Lüdenscheidt');
  await preview.getByTestId('import-confirm').click();

  const result = page.getByTestId('import-result');
  await expect(result.getByTestId('import-created')).toHaveText('2');
  await result.getByRole('link', { name: 'To my contacts' }).click();
  await page.getByRole('searchbox', { name: 'Search name, phone, city, tag…' }).fill('Größer');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText('Björn Größer');
  await expect(page.getByTestId('contact-row')).toContainText('Straßburg');
});

/** A phone, signed in as the member. */
async function linaOnAPhone(browser: Browser) {
  const phone = await browser.newContext(phoneOptions);
  const lina = await phone.newPage();
  await signInAs(lina, member.email, member.password);
  return { phone, lina };
}

test('a national number gets WhatsApp and Viber links once the member has a country', async ({ browser }) => {
  const { phone, lina } = await linaOnAPhone(browser);
  await setOwnCountry(lina, null);
  const created = await lina.request.post('/api/v1/contacts', {
    data: {
      name: 'Nadia National',
      phone: '0888 123 456',
      city: member.city,
      messengers: { whatsapp: '0888 123 456', viber: '0888 123 456' },
    },
    headers: sameOrigin(lina),
  });
  expect(created.status()).toBe(201);
  const nadia = (await created.json()).id as string;

  // Without a country "0888 …" cannot be told apart: a call (as written), no messenger, and a hint.
  await lina.goto(`/contacts/${nadia}`);
  const reach = lina.getByTestId('reach');
  await expect(reach.getByRole('link', { name: 'Call' })).toHaveAttribute('href', 'tel:0888123456');
  await expect(reach.getByRole('link', { name: 'WhatsApp' })).toHaveCount(0);
  await expect(reach.getByRole('link', { name: 'Viber' })).toHaveCount(0);
  await expect(lina.getByTestId('country-hint')).toContainText('Set your country in your profile');

  // With Bulgaria in the profile it reads as +359 888 123 456.
  await setOwnCountry(lina, 'BG');
  await lina.reload();
  await expect(reach.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute(
    'href',
    'https://wa.me/359888123456',
  );
  await expect(reach.getByRole('link', { name: 'Viber' })).toHaveAttribute(
    'href',
    'viber://chat?number=%2B359888123456',
  );
  await expect(lina.getByTestId('country-hint')).toHaveCount(0);

  // The list reads it in the member's own country too.
  await lina.goto('/contacts');
  await expect(new ContactsPage(lina).row('Nadia National').getByTestId('reach-whatsapp')).toHaveAttribute(
    'href',
    'https://wa.me/359888123456',
  );
  await phone.close();
});

test('back from a contact returns to the same place in a long list', async ({ browser }) => {
  const { phone, lina } = await linaOnAPhone(browser);
  const names = Array.from({ length: 300 }, (_, i) => `Scroll ${String(i + 1).padStart(3, '0')}`);
  const csv = ['name,city', ...names.map((name) => `${name},${member.city}`)].join('\n');
  const imported = await lina.request.post('/api/v1/contacts/import', {
    data: { fileName: 'many.csv', data: Buffer.from(csv).toString('base64'), mode: 'import' },
    headers: sameOrigin(lina),
  });
  expect(imported.status()).toBe(200);
  expect((await imported.json()).imported.created).toBe(names.length);

  await lina.goto('/contacts');
  await expect(lina.getByTestId('contacts-total')).toContainText(/\d{3} contacts/);
  // Far down: rows are drawn (and their pages loaded) as they come into view.
  await lina.evaluate(() => window.scrollTo(0, 12_000));
  const target = new ContactsPage(lina).row('Scroll 170');
  await expect(target).toBeInViewport();
  // Where the page is when the row is tapped (the tap may scroll it a little to reach the row).
  await lina.evaluate(() =>
    window.addEventListener('click', () => sessionStorage.setItem('tappedAt', String(window.scrollY)), {
      capture: true,
      once: true,
    }),
  );
  await target.getByTestId('contact-row-name').click();
  await expect(lina.getByTestId('contact-name')).toHaveText('Scroll 170');
  const tappedAt = Number(await lina.evaluate(() => sessionStorage.getItem('tappedAt')));
  expect(tappedAt).toBeGreaterThan(10_000);
  // A change makes the list stale: back on it, only the first page (the count) and the one in view reload.
  await lina.getByTestId('stage-picker').getByRole('button', { name: 'Invited' }).click();
  await expect(lina.getByTestId('stage-picker').getByRole('button', { name: 'Invited' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const pagesLoaded: string[] = [];
  lina.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/contacts') pagesLoaded.push(url.searchParams.get('offset') ?? '');
  });

  await lina.goBack();
  await expect(target).toBeInViewport();
  await expect(target).toContainText('Invited');
  await expect.poll(() => lina.evaluate(() => window.scrollY)).toBe(tappedAt);
  // Which pages, not how often: on a loaded machine the stale list may be asked for twice (the change's
  // own refresh can land after the way back), but never for pages out of view.
  expect([...new Set(pagesLoaded)].sort()).toEqual(['0', '100']);
  await phone.close();
});
