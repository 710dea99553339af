// Page objects for flows the specs repeat.
import { type Browser, expect, type Page } from '@playwright/test';

export const owner = {
  organizationName: 'Team Sunrise',
  name: 'Maria Petrova',
  email: 'maria@example.org',
  password: 'correct horse 42',
  city: 'Sofia',
  country: 'Bulgaria',
};

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async setUpOrganization(values = owner) {
    await this.page.getByLabel('Name of your team or company').fill(values.organizationName);
    await this.page.getByLabel('Your name').fill(values.name);
    await this.page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(values.email);
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(values.password);
    await this.page.getByLabel('City (optional)').fill(values.city);
    await pickCountry(this.page, 'Country (optional)', 'bulg', values.country);
    await this.page.getByRole('button', { name: 'Create organization' }).click();
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/sign-in');
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

export class Shell {
  constructor(private readonly page: Page) {}

  navigation() {
    return this.page.getByRole('navigation');
  }

  async chooseLanguage(label: 'English' | 'Deutsch' | 'Български') {
    await this.page.getByTestId('language-menu').click();
    await this.page.getByRole('menuitem', { name: label }).click();
  }

  async signOut() {
    await this.page.getByTestId('sign-out').click();
  }
}

/** Picks a country in a country picker (labelled `label`) by typing `search` and choosing `name`. */
export async function pickCountry(page: Page, label: string, search: string, name: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(input).toHaveValue(name);
}

/** Signs in as the owner, setting up the installation first when this spec runs on its own. */
export async function signInAsOwner(page: Page) {
  await page.goto('/sign-in');
  // On an empty installation the sign-in page sends you on to set it up.
  const heading = page.getByRole('heading', { level: 1, name: /^(Sign in|Set up Downline)$/ });
  await expect(heading).toBeVisible();
  if ((await heading.textContent()) === 'Set up Downline') {
    await new SignUpPage(page).setUpOrganization();
  } else {
    await new SignInPage(page).signIn(owner.email, owner.password);
  }
  await expect(page.getByTestId('today-greeting')).toBeVisible();
}

/** Headers for a state-changing request through `page.request`: the CSRF guard wants the app's origin. */
export function sameOrigin(page: Page) {
  return { origin: new URL(page.url()).origin };
}

/** A 375-px touch phone, for `browser.newContext`. */
export const phoneOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** The browser's time zone (playwright.config.ts): the device's day decides "today". */
export const TIME_ZONE = 'Europe/Sofia';

/**
 * The calendar day `days` after `from` in the browser's time zone, at noon UTC (afternoon there): counted
 * in days, not as 24-hour steps, which miss or overshoot a day around a clock change.
 */
export function calendarDaysLater(days: number, from: Date): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(from);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day') + days, 12));
}

export interface NewMember {
  name: string;
  email: string;
  password: string;
  city: string;
}

/**
 * The signed-in owner (`sponsor`) makes a partner invitation; the new member opens it on a phone whose
 * clock stands at `now`, creates their account and lands on Today. Returns the phone and its page.
 */
export async function joinOnAPhone(sponsor: Page, browser: Browser, member: NewMember, now: Date) {
  const invitation = await sponsor.request.post('/api/v1/invitations', {
    data: { kind: 'partner' },
    headers: sameOrigin(sponsor),
  });
  expect(invitation.status()).toBe(201);
  const link = (await invitation.json()).path as string;

  const context = await browser.newContext(phoneOptions);
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await page.goto(link);
  await page.getByLabel('Your name').fill(member.name);
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(member.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(member.password);
  await page.getByLabel('City (optional)').fill(member.city);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByTestId('today-greeting')).toContainText(member.name.split(' ')[0]!);
  return { context, page };
}

/** Signs in as someone other than the owner and waits for Today. */
export async function signInAs(page: Page, email: string, password: string) {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, password);
  await expect(page.getByTestId('today-greeting')).toBeVisible();
}

/** Sets the signed-in member's own country (it reads their contacts' national phone numbers). */
export async function setOwnCountry(page: Page, country: string | null) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const response = await page.request.patch(`/api/v1/members/${me.member.id}`, {
    data: { country },
    headers: sameOrigin(page),
  });
  expect(response.status()).toBe(200);
}

/** The contacts area on a phone: quick add through the floating button. */
export class ContactsPage {
  constructor(private readonly page: Page) {}

  async openFromMenu() {
    await this.page.getByRole('button', { name: 'Open navigation' }).click();
    await this.page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByTestId('contact-row').filter({ hasText: name });
  }

  async quickAdd(values: { name: string; phone: string; city: string }) {
    await this.page.getByTestId('add-contact-fab').click();
    const dialog = this.page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(values.name);
    await dialog.getByRole('textbox', { name: 'Phone' }).fill(values.phone);
    await dialog.getByLabel('City', { exact: true }).fill(values.city);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(this.page.getByText(`${values.name} is on your list.`)).toBeVisible();
    await expect(dialog).toBeHidden();
  }
}

/** The business diary on a phone: quick capture through the floating "+", tasks, the evening review. */
export class DiaryPage {
  constructor(private readonly page: Page) {}

  async openFromMenu() {
    await this.page.getByRole('button', { name: 'Open navigation' }).click();
    await this.page.getByRole('navigation').getByRole('link', { name: 'Diary' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  }

  /** Opens quick capture for an event, a task or a note and returns its dialog. */
  async capture(kind: 'event' | 'task' | 'note') {
    await this.page.getByTestId('capture-fab').click();
    await this.page.getByTestId(`capture-${kind}`).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add to your diary' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Picks one of my contacts in a dialog's "With whom" field by typing part of the name. */
  async pickContact(dialog: ReturnType<Page['getByRole']>, search: string, option: string | RegExp) {
    await dialog.getByLabel('With whom (my contacts)').fill(search);
    await this.page.getByRole('option', { name: option }).click();
    // A tap outside closes the list of names, so it covers nothing below.
    await dialog.getByRole('heading', { name: 'Add to your diary' }).click();
  }

  async quickTask(title: string) {
    await this.page.getByTestId('quick-task').fill(title);
    await this.page.getByTestId('quick-task').press('Enter');
    await expect(this.task(title)).toBeVisible();
    await expect(this.page.getByTestId('quick-task')).toHaveValue('');
  }

  task(title: string) {
    return this.page.getByTestId('diary-task').filter({ hasText: title });
  }

  event(title: string) {
    return this.page.getByTestId('diary-event').filter({ hasText: title });
  }

  note(text: string) {
    return this.page.getByTestId('diary-note').filter({ hasText: text });
  }
}
