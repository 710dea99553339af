// Trainings on a phone: the leader plans an offline training for today; a new member registers for it and
// says they are interested in development; the leader ticks them off the attendance checklist (the mark
// shows beside their name), adds a walk-in found by name, and the member sees they attended. Then the
// leader plans an online training, the member registers, and the leader cancels it after a confirm: the
// member sees it cancelled, with no way to register.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { joinOnAPhone, phoneOptions, sameOrigin, signInAsOwner } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const member = {
  name: 'Teodora Trainee',
  email: `teodora-${stamp}@example.org`,
  password: 'goes to every training',
  city: 'Русе',
};
const walkIn = `Walter Walk-in ${stamp}`;
const offlineTopic = `Product basics ${stamp}`;
const onlineTopic = `Social selling ${stamp}`;

// The device's day decides what is upcoming and when attendance can be recorded: noon UTC is the same
// calendar day in Sofia, so the training "today" is today on both phones.
const now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
const today = now.toISOString().slice(0, 10);

async function leaderOnAPhone(browser: Browser) {
  const context = await browser.newContext(phoneOptions);
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await signInAsOwner(page);
  return { context, page };
}

async function createTraining(
  page: Page,
  values: { topic: string; format: 'offline' | 'online'; place?: string; link?: string },
) {
  await page.goto('/trainings');
  await expect(page.getByRole('heading', { level: 1, name: 'Trainings' })).toBeVisible();
  await page.getByRole('button', { name: 'New training' }).click();
  const dialog = page.getByRole('dialog', { name: 'New training' });
  await dialog.getByLabel('Topic').fill(values.topic);
  await dialog.getByLabel('Date').fill(today);
  await dialog.getByLabel('Format').selectOption(values.format);
  if (values.place) await dialog.getByLabel('Place').fill(values.place);
  if (values.link) await dialog.getByLabel('Link').fill(values.link);
  await dialog.getByRole('button', { name: 'Create training' }).click();
  await expect(page.getByText(`“${values.topic}” is planned.`)).toBeVisible();
  await expect(page.getByTestId('training-title')).toHaveText(values.topic);
}

test('the leader plans a training, a member registers, the leader records attendance', async ({
  page,
  browser,
}) => {
  const leader = await leaderOnAPhone(browser);
  // The member joins through the owner's invitation (on the default page, signed in as the owner).
  await page.clock.setFixedTime(now);
  await signInAsOwner(page);
  const { context: phone, page: teodora } = await joinOnAPhone(page, browser, member, now);
  // Someone added by hand, without an account: they come without registering.
  const me = await (await page.request.get('/api/v1/me')).json();
  const added = await page.request.post('/api/v1/members', {
    data: { sponsorId: me.member.id, name: walkIn },
    headers: sameOrigin(page),
  });
  expect(added.status()).toBe(201);

  await createTraining(leader.page, { topic: offlineTopic, format: 'offline', place: 'Ruse, Hotel Dunav' });
  const detailUrl = leader.page.url();
  await expect(leader.page.getByTestId('training-place')).toHaveText('Ruse, Hotel Dunav');
  await expect(leader.page.getByTestId('attendance')).toContainText('Nobody registered');

  // The member registers from the list with one tap, and says they want to develop.
  await teodora.goto('/trainings');
  const card = teodora.getByTestId('training-row').filter({ hasText: offlineTopic });
  await card.getByRole('button', { name: `Register for ${offlineTopic}` }).click();
  await expect(teodora.getByText(`You are registered for “${offlineTopic}”.`)).toBeVisible();
  await expect(card.getByTestId('training-state')).toHaveText('You are registered');
  await teodora.getByRole('switch', { name: /I’m interested in development/ }).click();
  await expect(teodora.getByText('Your upline sees that you are interested in development.')).toBeVisible();
  await expect(teodora.getByRole('switch', { name: /I’m interested in development/ })).toBeChecked();

  // The leader ticks her off the checklist; the mark shows beside her name.
  await leader.page.goto(detailUrl);
  const attendance = leader.page.getByTestId('attendance');
  const row = attendance.getByTestId('attendance-row').filter({ hasText: member.name });
  await expect(row.getByTestId('interest-badge')).toHaveText('Wants to develop');
  const box = attendance.getByRole('checkbox', { name: member.name });
  await expect(box).not.toBeChecked();
  await box.click();
  await expect(leader.page.getByText(`${member.name} attended.`)).toBeVisible();
  await expect(box).toBeChecked();
  await expect(attendance).toContainText('1 of 1 attended');

  // A walk-in, found by name.
  await attendance.getByLabel('Add someone who came without registering').fill('Walter');
  await attendance.getByRole('button', { name: `Record that ${walkIn} attended` }).click();
  await expect(leader.page.getByText(`${walkIn} attended.`)).toBeVisible();
  await expect(attendance.getByRole('checkbox', { name: walkIn })).toBeChecked();
  await expect(attendance).toContainText('2 of 2 attended');

  // The member sees it.
  await teodora.goto('/trainings');
  await expect(card.getByTestId('training-state')).toHaveText('You attended');
  await expect(card.getByRole('button', { name: `Unregister from ${offlineTopic}` })).toHaveCount(0);

  await phone.close();
  await leader.context.close();
});

test('the leader cancels a training after a confirm; the member sees it cancelled', async ({ browser }) => {
  const leader = await leaderOnAPhone(browser);
  await createTraining(leader.page, {
    topic: onlineTopic,
    format: 'online',
    link: 'https://meet.example.org/social-selling',
  });
  const detailUrl = leader.page.url();
  await expect(leader.page.getByTestId('training-link')).toHaveText('meet.example.org');

  const context = await browser.newContext(phoneOptions);
  const teodora = await context.newPage();
  await teodora.clock.setFixedTime(now);
  await teodora.goto('/sign-in');
  await teodora.getByRole('textbox', { name: 'E-mail', exact: true }).fill(member.email);
  await teodora.getByRole('textbox', { name: 'Password', exact: true }).fill(member.password);
  await teodora.getByRole('button', { name: 'Sign in' }).click();
  await expect(teodora.getByTestId('today-greeting')).toBeVisible();
  await teodora.goto(detailUrl);
  await teodora.getByRole('button', { name: `Register for ${onlineTopic}` }).click();
  await expect(teodora.getByTestId('training-state')).toHaveText('You are registered');

  // Cancelling asks first; "Cancel" in the dialog leaves it as it is.
  await leader.page.reload();
  await leader.page.getByRole('button', { name: 'Cancel training' }).click();
  const confirm = leader.page.getByRole('dialog', { name: 'Cancel this training?' });
  await expect(confirm).toContainText('nobody can register any more');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(leader.page.getByTestId('training-cancelled')).toHaveCount(0);
  await leader.page.getByRole('button', { name: 'Cancel training' }).click();
  await confirm.getByTestId('confirm-cancel-training').click();
  await expect(leader.page.getByText(`“${onlineTopic}” is cancelled.`)).toBeVisible();
  await expect(leader.page.getByTestId('training-cancelled')).toHaveText('This training is cancelled.');
  await expect(leader.page.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // The member: cancelled, and no way to register or unregister any more.
  await teodora.goto('/trainings');
  const card = teodora.getByTestId('training-row').filter({ hasText: onlineTopic });
  await expect(card.getByTestId('training-state')).toHaveText('Cancelled');
  await expect(card.getByRole('button', { name: /Register for|Unregister from/ })).toHaveCount(0);

  await context.close();
  await leader.context.close();
});
