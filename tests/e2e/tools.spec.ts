// A new member's own tools on a phone: the business card (saved, with its QR code and link, downloaded as a
// vCard) and the 2-minute presentation (written from a starter, practised against the timer and counted).
// Then the admin's onboarding template: a step title changed in German stays after a reload, and a step
// without a title is refused at its field.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { joinOnAPhone, phoneOptions, sameOrigin, signInAs, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const member = {
  name: 'Tina Toolova',
  email: `tina-${Date.now()}@example.org`,
  password: 'hands out cards daily',
  city: 'Бургас',
};
const phoneNumber = '+359 888 123 456';

/** The member's follow-up step `key`: done or not. */
async function stepDone(phone: Page, key: string) {
  const me = await (await phone.request.get('/api/v1/me')).json();
  const followup = await (await phone.request.get(`/api/v1/members/${me.member.id}/followup`)).json();
  return followup.steps.find((step: { key: string }) => step.key === key)?.done;
}

test('on a phone, a new member saves the business card, downloads it and gets its link', async ({
  page,
  browser,
}) => {
  await signInAsOwner(page);
  const { context, page: phone } = await joinOnAPhone(page, browser, member, new Date());
  const me = await (await phone.request.get('/api/v1/me')).json();
  const profile = await phone.request.patch(`/api/v1/members/${me.member.id}`, {
    data: { phone: phoneNumber, messengers: { whatsapp: phoneNumber } },
    headers: sameOrigin(phone),
  });
  expect(profile.status()).toBe(200);

  // The card: a preview from the profile until it is saved, which makes the link and its QR code.
  await phone.getByRole('button', { name: 'Open navigation' }).click();
  await phone.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await phone.getByTestId('settings-link-card').click();
  await expect(phone.getByRole('heading', { level: 1, name: 'My business card' })).toBeVisible();
  const preview = phone.getByTestId('card-preview');
  await expect(preview.getByTestId('card-name')).toHaveText(member.name);
  await expect(preview).toContainText(phoneNumber);
  await expect(phone.getByTestId('card-unsaved')).toContainText('made when you save');
  await expect(phone.getByTestId('card-qr')).toHaveCount(0);

  await phone.getByLabel('Headline').fill('Your guide to healthy living');
  await expect(preview).toContainText('Your guide to healthy living');
  await phone.getByTestId('card-kind').getByText('Customers', { exact: true }).click();
  await phone.getByTestId('card-save').click();
  await expect(phone.getByText('Your card is saved and your link is ready.')).toBeVisible();
  await expect(phone.getByTestId('card-qr')).toBeVisible();
  await expect(phone.getByTestId('card-link')).toHaveValue(/\/join\/[\w-]+$/);
  const link = new URL(await phone.getByTestId('card-link').inputValue());
  await expect(phone.getByTestId('card-save')).toBeDisabled();

  // The follow-up step "business card" ticked itself.
  expect(await stepDone(phone, 'business_card')).toBe(true);
  expect(await stepDone(phone, 'presentation')).toBe(false);

  // Nothing sticks out of the phone's width.
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The vCard holds the name, the headline and the shown number.
  const downloading = phone.waitForEvent('download');
  await phone.getByTestId('card-vcard').click();
  const download = await downloading;
  // Long lines are folded at 75 octets: unfolded, they read whole.
  const vcard = (await readFile(await download.path(), 'utf8')).replace(/\r?\n[ \t]/g, '');
  expect(vcard).toContain('BEGIN:VCARD');
  expect(vcard).toContain(member.name);
  expect(vcard).toContain('Your guide to healthy living');
  expect(vcard).toContain(phoneNumber);
  expect(vcard).toContain(link.pathname);

  // The link invites as a customer, under the member.
  const joinInfo = async (path: string) =>
    (await phone.request.get(`/api/v1/join/${path.split('/').at(-1)}`)).json();
  expect(await joinInfo(link.pathname)).toMatchObject({
    status: 'open',
    kind: 'customer',
    sponsor: { name: member.name },
  });

  // A new link, confirmed first: the old one stops working.
  await phone.getByTestId('card-renew').click();
  await phone
    .getByRole('dialog', { name: 'Make a new link?' })
    .getByRole('button', { name: 'Make a new link' })
    .click();
  await expect(phone.getByText('Your card has a new link.')).toBeVisible();
  await expect(phone.getByTestId('card-link')).not.toHaveValue(link.href);
  const renewed = new URL(await phone.getByTestId('card-link').inputValue());
  expect(await joinInfo(renewed.pathname)).toMatchObject({ status: 'open', kind: 'customer' });
  expect(await joinInfo(link.pathname)).toMatchObject({ status: 'revoked' });

  await context.close();
});

test('on a phone, the member writes the 2-minute presentation from a starter and practises it', async ({
  browser,
}) => {
  // A phone whose timers the test drives (the practice countdown).
  const context = await browser.newContext(phoneOptions);
  const phone = await context.newPage();
  await phone.clock.install();
  await signInAs(phone, member.email, member.password);

  // Linked from the settings: from the first starter, saved, then practised against the clock.
  await phone.goto('/settings');
  await phone.getByTestId('settings-link-presentation').click();
  await expect(phone.getByRole('heading', { level: 1, name: 'My 2-minute presentation' })).toBeVisible();
  await expect(phone.getByTestId('practice-count')).toHaveText('Not practised yet.');
  const starter = phone.getByTestId('starter').first();
  await expect(starter).toContainText('My story');
  await starter.getByTestId('starter-use').click();
  const text = phone.getByTestId('presentation-text');
  await expect(text).toHaveValue(/^Who I am and what I did before\./);
  await text.press('End');
  await text.pressSequentially(' I am Tina.');
  await expect(phone.getByTestId('presentation-spoken')).toContainText(/^About \d+ sec when spoken$/);
  await phone.getByTestId('presentation-save').click();
  await expect(phone.getByText('Saved', { exact: true })).toBeVisible();
  await expect(phone.getByTestId('presentation-save')).toBeDisabled();
  expect(await stepDone(phone, 'presentation')).toBe(true);

  await phone.getByTestId('practice-open').click();
  const practice = phone.getByRole('dialog', { name: 'Practise: two minutes' });
  await expect(practice.getByTestId('practice-text')).toContainText('I am Tina.');
  const timer = practice.getByTestId('practice-timer');
  await expect(timer).toHaveText('2:00');
  // From here on, time moves only when the test says so.
  await phone.clock.pauseAt(Date.now() + 1_000);
  await practice.getByTestId('practice-start').click();
  await phone.clock.runFor(60_000);
  await expect(timer).toHaveText('1:00');
  await practice.getByTestId('practice-pause').click();
  await phone.clock.runFor(30_000);
  await expect(timer).toHaveText('1:00');
  await practice.getByTestId('practice-start').click();
  await phone.clock.runFor(65_000);
  await expect(timer).toHaveText('0:00');
  await expect(practice.getByTestId('time-up')).toHaveText('Time is up');
  await expect(practice.getByTestId('practice-overtime')).toHaveText('+0:05');
  await practice.getByTestId('practice-finish').click();
  await phone.clock.resume();
  await expect(phone.getByText('Practice run counted: 2:05 min.')).toBeVisible();
  await expect(timer).toHaveText('2:00');
  await practice.getByRole('button', { name: 'Close practice' }).click();
  await expect(practice).toBeHidden();
  await expect(phone.getByTestId('practice-count')).toContainText('Practised once · last run 2:05 min');

  // The template editor is for admins only.
  await phone.goto('/settings');
  await expect(phone.getByTestId('settings-link-card')).toBeVisible();
  await expect(phone.getByTestId('settings-link-onboarding')).toHaveCount(0);
  await phone.goto('/settings/onboarding');
  await expect(phone.getByTestId('template-forbidden')).toContainText('For administrators only');
  await context.close();
});

test('an admin changes a step title in German; a step without a title is refused at the field', async ({
  page,
}) => {
  await signInAsOwner(page);
  try {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('settings-link-onboarding').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Onboarding template' })).toBeVisible();
    await expect(page.getByTestId('template-note')).toContainText('keep the steps they started with');

    const language = page.getByTestId('template-language');
    const firstTitle = page.getByTestId('template-step').first().getByTestId('step-title');
    await expect(firstTitle).toHaveValue('Have the intake conversation');
    await language.getByText('Deutsch').click();
    await expect(firstTitle).toHaveValue('Das Kennenlerngespräch führen');
    await firstTitle.fill('Das Kennenlerngespräch in Ruhe führen');
    await page.getByTestId('template-save').click();
    await expect(page.getByText('The template is saved.')).toBeVisible();
    await expect(page.getByTestId('template-state')).toHaveText("Your organization's version");

    await page.reload();
    await expect(firstTitle).toHaveValue('Have the intake conversation');
    await language.getByText('Deutsch').click();
    await expect(firstTitle).toHaveValue('Das Kennenlerngespräch in Ruhe führen');

    // A new step with only the member's side written: the server refuses it, the form says where.
    await page.getByRole('button', { name: 'Add a step' }).click();
    const added = page.getByTestId('template-step').last();
    await added.getByTestId('step-member-title').fill('Ruf deinen Sponsor an');
    await page.getByTestId('template-save').click();
    await expect(added).toContainText('Write it in at least one language.');
    await expect(added.getByTestId('step-title')).toHaveAttribute('aria-invalid', 'true');
    await expect(added.getByTestId('step-member-title')).not.toHaveAttribute('aria-invalid', 'true');
    // Writing the title clears the objection.
    await added.getByTestId('step-title').fill('Den Sponsor anrufen lassen');
    await expect(added).not.toContainText('Write it in at least one language.');

    // Back to the default, confirmed first.
    await page.getByTestId('template-reset').click();
    await page.getByTestId('template-reset-confirm').click();
    await expect(page.getByText("The template is back to Downline's default.")).toBeVisible();
    await expect(page.getByTestId('template-state')).toHaveText("Downline's default");
    await expect(firstTitle).toHaveValue('Das Kennenlerngespräch führen');
  } finally {
    // Other specs expect the default template.
    await page.request.delete('/api/v1/organization/onboarding', { headers: sameOrigin(page) });
  }
});
