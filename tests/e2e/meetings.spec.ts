// A 2+1 meeting the sponsor plans reaches the member in it. The sponsor (desktop) puts a 2+1 with a new
// member and a prospect of hers into her diary; the member (phone) finds it on Today and in the diary —
// time, place, the sponsor, "a guest", never the sponsor's notes or the prospect's name — and accepts.
// The sponsor sees the answer. Once the meeting is over, it counts for the member's week plan and ticks
// the sponsoring step of their follow-up.
//
// The server keeps real time; the browsers' clocks start at midnight of today (Europe/Sofia), so the
// meeting — 00:00 to 00:01 — is still to come on both devices, and move on to the real now afterwards.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { calendarDaysLater, joinOnAPhone, sameOrigin, signInAsOwner, TIME_ZONE } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const member = {
  name: `Lea Meeting ${stamp}`,
  email: `lea-${stamp}@example.org`,
  password: 'lea meets people',
  city: 'Пловдив',
};
const prospect = { name: `Ivo Prospect ${stamp}`, phone: '+359 887 555 222', city: 'Пловдив' };
const privateNote = 'Ivo has doubts about the price';

const realNow = new Date();
const today = calendarDaysLater(0, realNow).toISOString().slice(0, 10);

/** Midnight at the start of `day` in the browsers' time zone. */
function midnightOf(day: string): Date {
  for (const offset of ['+02:00', '+03:00']) {
    const candidate = new Date(`${day}T00:00:00${offset}`);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(candidate);
    if (hour === '00') return candidate;
  }
  throw new Error(`no midnight found for ${day}`);
}
const midnight = midnightOf(today);

/** The Monday of a day's week. */
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

let sponsor: Page;
let lea: Page;

async function desktopPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(midnight);
  return page;
}

const sponsoringStep = (page: Page) => page.locator('[data-testid="followup-step"][data-key="sponsoring"]');
const planItem = (page: Page, label: string) =>
  page.getByTestId('plan-item').filter({ hasText: label }).getByTestId('plan-item-count');

test.beforeAll(async ({ browser }) => {
  // The meeting (00:00–00:01 in Sofia) must be over on the server, whose clock is real: in the first
  // two minutes after Sofia's midnight, wait until it is.
  const wait = midnight.getTime() + 2 * 60_000 - Date.now();
  if (wait > 0) {
    test.setTimeout(wait + 120_000);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  sponsor = await desktopPage(browser);
  await signInAsOwner(sponsor);
  ({ page: lea } = await joinOnAPhone(sponsor, browser, member, midnight));
  // Lea's week: one 2+1 meeting.
  const plan = await lea.request.put(`/api/v1/plans/week/${mondayOf(today)}`, {
    data: { items: [{ activity: 'two_plus_one', target: 1 }] },
    headers: sameOrigin(lea),
  });
  expect(plan.status(), await plan.text()).toBe(200);
  const contact = await sponsor.request.post('/api/v1/contacts', {
    data: prospect,
    headers: sameOrigin(sponsor),
  });
  expect(contact.status()).toBe(201);
});

test('the sponsor plans a 2+1 with the new member and a prospect of hers', async () => {
  const page = sponsor;
  await page.goto('/diary');
  await page.getByTestId('capture-open').click();
  await page.getByTestId('capture-event').click();
  const dialog = page.getByRole('dialog', { name: 'Add to your diary' });
  await dialog.getByLabel('Title').fill(`2+1 with ${prospect.name}`);
  await dialog.getByText('2+1 meeting', { exact: true }).click();
  await dialog.getByLabel('Starts').fill('00:00');
  await dialog.getByLabel('With whom (my contacts)').fill('Ivo Prospect');
  await page.getByRole('option', { name: new RegExp(prospect.name) }).click();
  // A tap outside closes the list of names, so it covers nothing below.
  await dialog.getByRole('heading', { name: 'Add to your diary' }).click();
  await dialog.getByRole('button', { name: 'More details' }).click();
  await dialog.getByLabel('Ends').fill('00:01');
  await dialog.getByLabel('Place', { exact: true }).fill('Café Central');
  await dialog.getByLabel('Members of my team').fill('Lea Meeting');
  await page.getByRole('option', { name: new RegExp(member.name) }).click();
  await dialog.getByRole('heading', { name: 'Add to your diary' }).click();
  await dialog.getByLabel('Details').fill(privateNote);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Event saved.')).toBeVisible();
  const event = page.getByTestId('diary-event').filter({ hasText: prospect.name });
  await expect(event.getByTestId('entry-people')).toContainText(member.name);
  await expect(event.locator('[data-response="pending"]')).toHaveText(member.name);
});

test('the member finds the invitation on Today and in the diary, without the sponsor’s notes', async () => {
  const page = lea;
  await page.goto('/');
  const card = page.getByTestId('today-meetings');
  await expect(card).toContainText('1 invitation waits for your answer');
  const meeting = card.getByTestId('diary-meeting');
  await expect(meeting.getByTestId('meeting-title')).toHaveText('2+1 meeting with Maria Petrova');
  await expect(meeting.getByTestId('meeting-time')).toContainText('12:00 AM – 12:01 AM');
  await expect(meeting).toContainText('Café Central');
  await expect(meeting.getByTestId('meeting-people')).toContainText('a guest');
  await expect(meeting.getByTestId('meeting-people')).toContainText('You');
  await expect(meeting.getByTestId('meeting-question')).toHaveText('Will you come?');
  for (const secret of [prospect.name, privateNote, 'Ivo']) await expect(card).not.toContainText(secret);

  await page.goto('/diary');
  const inDiary = page.getByTestId('diary-meeting');
  await expect(inDiary).toHaveAttribute('data-response', 'pending');
  await expect(page.getByTestId('section-event')).not.toContainText(prospect.name);

  // Not held yet as far as Lea is concerned: nothing counts.
  await page.goto('/start');
  await expect(sponsoringStep(page)).toHaveAttribute('data-done', 'false');
  await page.goto('/plans');
  await expect(planItem(page, '2+1 meetings')).toHaveText('0 / 1');
});

test('the member accepts on Today; the sponsor sees the answer', async () => {
  await lea.goto('/');
  const meeting = lea.getByTestId('today-meetings').getByTestId('diary-meeting');
  await meeting.getByTestId('meeting-accept').click();
  await expect(lea.getByText('You accepted the invitation.')).toBeVisible();
  // (On Today an answered invitation stays only while the server's clock has it still to come.)
  await lea.goto('/diary');
  const inDiary = lea.getByTestId('diary-meeting');
  await expect(inDiary).toHaveAttribute('data-response', 'accepted');
  await expect(inDiary.getByTestId('meeting-response')).toHaveText('You are coming');
  await expect(inDiary.getByTestId('meeting-decline')).toBeVisible();

  await sponsor.goto('/diary');
  const event = sponsor.getByTestId('diary-event').filter({ hasText: prospect.name });
  await expect(event.locator('[data-response="accepted"]')).toHaveText(member.name);
});

test('once the meeting is over, it counts for the member’s plan and follow-up', async () => {
  await lea.clock.setFixedTime(new Date());
  await lea.goto('/start');
  await expect(sponsoringStep(lea)).toHaveAttribute('data-done', 'true');
  await lea.goto('/plans');
  await expect(planItem(lea, '2+1 meetings')).toHaveText('1 / 1');
  // And the sponsor sees the step done on the member's follow-up.
  const me = await (await lea.request.get('/api/v1/me')).json();
  await sponsor.goto(`/followup/${me.member.id}`);
  await expect(sponsoringStep(sponsor)).toHaveAttribute('data-done', 'true');
});

test('the meeting reads in Bulgarian and German on the phone, nothing cut off', async () => {
  for (const [locale, title, answer] of [
    ['bg', 'Среща 2+1 с Maria Petrova', 'Ще дойдете'],
    ['de', '2+1-Treffen mit Maria Petrova', 'Du hast zugesagt'],
  ] as const) {
    const changed = await lea.request.patch('/api/v1/me', { data: { locale }, headers: sameOrigin(lea) });
    expect(changed.status()).toBe(200);
    for (const view of ['day', 'week'] as const) {
      await lea.goto(view === 'day' ? '/diary' : '/diary?view=week');
      const meeting = lea.getByTestId(view === 'day' ? 'diary-meeting' : 'meeting-line');
      await expect(meeting).toContainText(title);
      if (view === 'day') await expect(meeting.getByTestId('meeting-response')).toHaveText(answer);
      // No sideways scrolling, and no control whose text is cut off.
      const clipped = await lea.evaluate(() => {
        const wide = document.documentElement.scrollWidth > window.innerWidth;
        const cut = [
          ...document.querySelectorAll('[data-testid="diary-meeting"] button, .mantine-Badge-label'),
        ]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-testid="meeting-line"]'))
          .map((el) => el.textContent);
        return { wide, cut };
      });
      expect(clipped).toEqual({ wide: false, cut: [] });
      await lea.screenshot({ path: `.tmp/e2e-results/meeting-${locale}-${view}.png`, fullPage: true });
    }
  }
});
