// No clipped control and no page that scrolls sideways: every route of the app, public and signed in, at
// 375 px (a phone) and 1280 px (a desktop), in Bulgarian, German and English — the long words of the
// first two are what break a layout. One browser page walks them all; each page is checked once its data
// has arrived, and again with its menus, steps and dialogs open. A failure lists page, width, language
// and element.
import {
  type APIRequestContext,
  expect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { calendarDaysLater, owner } from './pages.ts';

// Each language is its own test, so one language's findings do not hide another's; a failed test
// restarts the worker, and the set-up makes its own people again under fresh addresses.

type Lang = 'bg' | 'de' | 'en';
const WIDTHS = [375, 1280] as const;

const newcomer = {
  name: 'Десислава Константинова-Петрова',
  email: `desislava-${Date.now()}@example.org`,
  password: 'checks every page twice',
  city: 'Велико Търново',
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The device's today (the browser's time zone), so the diary, the review and the plan show the data. */
const today = isoDay(calendarDaysLater(0, new Date()));
/** The Monday of this week (ISO), the week plan's start. */
function mondayOf(day: string) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return isoDay(date);
}

interface Data {
  origin: string;
  joinToken: string;
  newcomerId: string;
  contactId: string;
  trainingId: string;
}

// ---------------------------------------------------------------------------------------------------
// What a visit checks, run in the page.

interface Finding {
  problem: string;
  element: string;
}

/**
 * Runs in the browser: the page's sideways scroll, and every visible control whose text is cut off (an
 * element of it clips its content, or a line of its text lies outside its box), that is cut by a container
 * which hides its overflow, or that runs past the screen's edge. A container that scrolls sideways on its
 * own is allowed when it is marked `data-scroll-x` and shows a visible `data-scroll-hint`.
 */
function inspect(): Finding[] {
  const findings: Finding[] = [];
  const viewport = document.documentElement.clientWidth;
  const describeElement = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    const testId = el.getAttribute('data-testid');
    const cls = [...el.classList].find((c) => c.startsWith('mantine-')) ?? '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const label = el.getAttribute('aria-label');
    return `<${tag}${testId ? ` data-testid="${testId}"` : ''}${cls ? ` .${cls}` : ''}> "${text || label || ''}"`;
  };
  const shown = (el: Element) => {
    if (el.closest('[aria-hidden="true"], [inert]')) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  };
  const clips = (value: string) => value === 'hidden' || value === 'clip';
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';

  // 1. The page itself.
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    // Name the outermost elements that stick out on the right.
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (culprits.length >= 3) break;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.right <= viewport + 1) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > viewport + 1) continue;
      culprits.push(describeElement(el));
    }
    findings.push({
      problem: `page scrolls sideways (${root.scrollWidth} px wide in ${root.clientWidth})`,
      element: culprits.join(' | ') || '(unknown)',
    });
  }

  // 2. Containers that scroll sideways need a visible hint.
  for (const el of document.body.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement) || !shown(el)) continue;
    const style = getComputedStyle(el);
    if (!scrolls(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') continue;
    const marked = el.closest('[data-scroll-x]');
    const hint = marked?.querySelector('[data-scroll-hint]');
    if (!hint || !shown(hint))
      findings.push({
        problem: 'scrolls sideways inside the page without a visible hint',
        element: describeElement(el),
      });
  }

  // 3. Controls.
  const CONTROLS = [
    'button',
    '[role="button"]',
    'a.mantine-Button-root',
    '[role="tab"]',
    '[role="menuitem"]',
    '[role="option"]',
    '[role="radio"]',
    '.mantine-Badge-root',
    '.mantine-SegmentedControl-label',
    '.mantine-Chip-label',
    '.mantine-Stepper-stepLabel',
    '.mantine-Pill-root',
    'label',
    'th',
  ].join(',');
  const seen = new Set<Element>();
  for (const control of document.body.querySelectorAll(CONTROLS)) {
    if (seen.has(control) || !shown(control)) continue;
    seen.add(control);
    const box = control.getBoundingClientRect();
    // Text inside the control that is clipped by one of its own elements.
    let cut: Element | null = null;
    for (const el of [control, ...control.querySelectorAll('*')]) {
      if (!(el instanceof HTMLElement) || !shown(el)) continue;
      if (el.matches('input, textarea, select, svg, svg *')) continue;
      if (!(el.textContent ?? '').trim()) continue;
      const style = getComputedStyle(el);
      const clipsX = clips(style.overflowX) || scrolls(style.overflowX) || style.textOverflow === 'ellipsis';
      const clipsY = clips(style.overflowY) || scrolls(style.overflowY);
      if (
        (clipsX && el.scrollWidth > el.clientWidth + 1) ||
        (clipsY && el.scrollHeight > el.clientHeight + 1)
      ) {
        cut = el;
        break;
      }
    }
    if (cut) {
      findings.push({ problem: 'text cut off', element: describeElement(control) });
      continue;
    }
    // Text that runs outside the control's own box.
    const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    let outside = false;
    for (let node = walker.nextNode(); node && !outside; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement || !shown(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1) continue;
        if (
          r.left < box.left - 1 ||
          r.right > box.right + 1 ||
          r.top < box.top - 2 ||
          r.bottom > box.bottom + 2
        ) {
          outside = true;
          break;
        }
      }
    }
    if (outside) {
      findings.push({ problem: 'text runs outside its box', element: describeElement(control) });
      continue;
    }
    // Cut by a container that hides its overflow, or past the screen's edge.
    let inScroller = false;
    let left = 0;
    let right = viewport;
    for (
      let parent = control.parentElement;
      parent && parent !== document.body;
      parent = parent.parentElement
    ) {
      const style = getComputedStyle(parent);
      if (scrolls(style.overflowX)) {
        inScroller = true;
        break;
      }
      if (clips(style.overflowX)) {
        const r = parent.getBoundingClientRect();
        left = Math.max(left, r.left);
        right = Math.min(right, r.right);
      }
    }
    if (inScroller) continue;
    const hidden = box.right <= left || box.left >= right;
    if (!hidden && (box.left < left - 1 || box.right > right + 1))
      findings.push({
        problem: 'cut by its container or the screen edge',
        element: describeElement(control),
      });
  }

  // 4. Any other text shortened with an ellipsis or a line clamp (a training's topic on its card, an item
  // of the evening review), unless the element names its full text in a title (a row of fixed height).
  for (const el of document.body.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement) || el.closest(CONTROLS)) continue;
    const style = getComputedStyle(el);
    const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '';
    if (style.textOverflow !== 'ellipsis' && !clamped) continue;
    if (!shown(el) || !(el.textContent ?? '').trim() || el.closest('[title]')) continue;
    if (el.scrollWidth > el.clientWidth + 1 || (clamped && el.scrollHeight > el.clientHeight + 1))
      findings.push({ problem: 'text shortened with no way to read it', element: describeElement(el) });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Visiting.

/** API requests in flight on the page: a page is ready when none is left. */
function trackRequests(page: Page) {
  const open = new Set<unknown>();
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => isApi(r.url()) && open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return open;
}

let inFlight: Set<unknown>;

/** Waits until the page shows its content: a heading, no loader or skeleton, no request, no animation. */
async function settle(page: Page) {
  // The page's own heading (the header's logo is a heading too, but of the second level).
  await expect(page.locator('h1').first()).toBeVisible();
  await expect.poll(() => inFlight.size, { timeout: 15_000 }).toBe(0);
  await page.waitForFunction(
    () => {
      const busy = document.querySelectorAll(
        '.mantine-Loader-root, .mantine-Skeleton-root[data-visible="true"]',
      );
      for (const el of busy) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.bottom > 0 && r.top < window.innerHeight) return false;
      }
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      return running.length === 0;
    },
    undefined,
    { timeout: 15_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect.poll(() => inFlight.size).toBe(0);
}

interface Visit {
  path: string;
  /** Opens menus, steps or dialogs after the first look; each state is checked. */
  explore?: (page: Page) => AsyncGenerator<string>;
}

/**
 * With LAYOUT_SHOTS set, every state in Bulgarian and German is saved as a picture to look at: at 375 px,
 * or at the widths in LAYOUT_SHOT_WIDTHS (e.g. "375,1280").
 */
const SHOTS = process.env.LAYOUT_SHOTS ? `.tmp/layout-shots/${process.env.LAYOUT_SHOTS}` : null;
const SHOT_WIDTHS = (process.env.LAYOUT_SHOT_WIDTHS ?? '375').split(',').map((w) => `@${w.trim()}px`);

async function check(page: Page, where: string, findings: string[]) {
  for (const f of await page.evaluate(inspect)) findings.push(`${where}: ${f.problem} — ${f.element}`);
  if (SHOTS && SHOT_WIDTHS.some((w) => where.includes(w)) && !where.includes(' en as')) {
    const name = where.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/[^\w@]+/g, '_');
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
}

async function visit(page: Page, v: Visit, label: string, findings: string[]) {
  await page.goto(v.path);
  await settle(page);
  const where = `${v.path} ${label}`;
  await check(page, where, findings);
  if (!v.explore) return;
  for await (const state of v.explore(page)) {
    await settle(page);
    await check(page, `${where} [${state}]`, findings);
  }
}

// ---------------------------------------------------------------------------------------------------
// The data the pages show: a newcomer in the owner's frontline (member page, follow-up), an open
// invitation (the join page), a contact with a logged call, a training, diary entries, an order, a plan.

async function post(api: APIRequestContext, origin: string, url: string, data: unknown, method = 'post') {
  const response = await api.fetch(url, { method, data, headers: { origin } });
  expect(response.status(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? null : await response.json();
}

async function signIn(api: APIRequestContext, origin: string, email: string, password: string) {
  await post(api, origin, '/api/v1/auth/sign-in', { email, password });
}

async function setUp(baseURL: string): Promise<Data> {
  const origin = new URL(baseURL).origin;
  const sponsor = await playwrightRequest.newContext({ baseURL });
  await signIn(sponsor, origin, owner.email, owner.password);

  // The newcomer joins through a link; another link stays open for the join page.
  const invitation = await post(sponsor, origin, '/api/v1/invitations', { kind: 'partner' });
  const phone = await playwrightRequest.newContext({ baseURL });
  await post(phone, origin, `/api/v1/join/${invitation.token}`, {
    name: newcomer.name,
    email: newcomer.email,
    password: newcomer.password,
    city: newcomer.city,
    locale: 'bg',
    today,
  });
  const newcomerId = (await (await phone.get('/api/v1/me')).json()).member.id as string;
  const open = await post(sponsor, origin, '/api/v1/invitations', {
    kind: 'partner',
    name: 'Кристина Александрова',
  });

  // The newcomer's first steps: a contact, a call, a task, a week plan.
  await post(phone, origin, '/api/v1/contacts', { name: 'Благовеста Димитрова', city: newcomer.city });
  await post(phone, origin, '/api/v1/diary/entries', {
    kind: 'task',
    day: today,
    title: 'Обади се на трима души от списъка с контакти',
    category: 'important',
  });
  await post(
    phone,
    origin,
    `/api/v1/plans/week/${mondayOf(today)}`,
    {
      items: [
        { activity: 'contacts_added', target: 10 },
        { activity: 'invitations', target: 3 },
        { activity: 'custom', title: 'Да прочета книгата за мрежовия маркетинг' },
      ],
    },
    'put',
  );

  // The sponsor's: a contact with a logged call, a training, diary entries, a touchpoint, an order.
  const contact = await post(sponsor, origin, '/api/v1/contacts', {
    name: 'Александра Христова-Василева',
    phone: '+359 888 123 456',
    city: 'Благоевград',
    tags: ['здравословен начин на живот'],
    stage: 'invited',
    nextFollowUpOn: today,
  });
  await post(sponsor, origin, `/api/v1/contacts/${contact.id}/interactions`, {
    kind: 'two_plus_one',
    outcome: 'meeting_agreed',
    note: 'Среща с ъплайна в четвъртък',
    stage: 'presented',
    today,
  });
  const training = await post(sponsor, origin, '/api/v1/trainings', {
    topic: 'Продуктово обучение за начинаещи партньори',
    format: 'offline',
    heldOn: today,
    startsAt: '18:30',
    place: 'Велико Търново, хотел „Интернационал“',
  });
  const at = (time: string) => `${today}T${time}:00Z`;
  await post(sponsor, origin, '/api/v1/diary/entries', {
    kind: 'event',
    day: today,
    title: 'Среща 2+1 с Десислава и Александра',
    eventType: 'two_plus_one',
    startsAt: at('15:00'),
    endsAt: at('16:00'),
    contactIds: [contact.id],
    memberIds: [newcomerId],
  });
  await post(sponsor, origin, '/api/v1/diary/entries', {
    kind: 'task',
    day: today,
    title: 'Изпрати презентацията на Александра',
    category: 'urgent',
  });
  await post(sponsor, origin, `/api/v1/members/${newcomerId}/touchpoints`, { kind: 'call', on: today });
  await post(sponsor, origin, '/api/v1/orders', {
    orderedOn: today,
    points: 120.5,
    amount: 245.9,
    currency: 'EUR',
    product: 'Стартов пакет „Здраве и енергия“',
  });
  await sponsor.dispose();
  await phone.dispose();
  return {
    origin,
    joinToken: open.token as string,
    newcomerId,
    contactId: contact.id as string,
    trainingId: training.id as string,
  };
}

// ---------------------------------------------------------------------------------------------------
// The routes (src/web/router.tsx), with what to open on them.

/** The evening review: each open task moved to tomorrow, then the next two steps. */
async function* reviewSteps(page: Page): AsyncGenerator<string> {
  const tasks = page.getByTestId('review-task');
  for (let i = 0; i < (await tasks.count()); i += 1)
    await tasks.nth(i).locator('label').nth(1).click({ timeout: 5_000 });
  for (let step = 2; step <= 3; step += 1) {
    const next = page.getByTestId('review-next');
    if (!(await next.isVisible())) return;
    await next.click({ timeout: 5_000 });
    yield `step ${step}`;
  }
}

/** The menu to note a call, a message or a meeting with a new member (the board and Today). */
async function* touchpointMenu(page: Page): AsyncGenerator<string> {
  const button = page.getByTestId('touchpoint-button').first();
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.getByTestId('touchpoint-menu')).toBeVisible();
  yield 'touchpoint menu';
}

function publicRoutes(data: Data): Visit[] {
  return [{ path: '/sign-in' }, { path: '/sign-up' }, { path: `/join/${data.joinToken}` }];
}

function sponsorRoutes(data: Data): Visit[] {
  return [
    { path: '/' },
    { path: '/settings' },
    { path: '/settings/onboarding' },
    { path: '/structure' },
    { path: '/structure?view=table' },
    { path: '/structure?view=invitations' },
    { path: `/structure/members/${data.newcomerId}` },
    { path: '/contacts' },
    { path: '/contacts?list=other' },
    { path: '/contacts/import' },
    { path: `/contacts/${data.contactId}` },
    { path: '/diary' },
    { path: '/diary?view=week' },
    { path: '/diary?view=month' },
    { path: '/diary?capture=event' },
    { path: '/diary/review', explore: reviewSteps },
    { path: '/followup', explore: touchpointMenu },
    { path: '/followup?scope=downline' },
    { path: `/followup/${data.newcomerId}` },
    { path: '/card' },
    { path: '/presentation' },
    { path: '/orders' },
    { path: '/trainings' },
    { path: `/trainings/${data.trainingId}` },
    { path: '/kpis' },
    { path: '/kpis?grain=week' },
    { path: '/kpis/reviews' },
    { path: '/plans' },
    { path: '/plans?level=day' },
    { path: '/plans?level=month' },
    { path: '/plans?level=three_months' },
    { path: '/plans/team' },
    { path: '/no-such-page' },
  ];
}

function newcomerRoutes(data: Data): Visit[] {
  return [
    { path: '/' },
    { path: '/start' },
    { path: `/followup/${data.newcomerId}` },
    { path: '/plans' },
    { path: '/kpis/reviews' },
    { path: '/diary/review', explore: reviewSteps },
    { path: '/trainings' },
  ];
}

// ---------------------------------------------------------------------------------------------------

let data: Data;
let page: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  data = await setUp(baseURL);
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Europe/Sofia' });
  page = await context.newPage();
  inFlight = trackRequests(page);
});

test.afterAll(async () => {
  await page?.context().close();
});

async function walk(visits: Visit[], who: Who, lang: Lang, findings: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 768 ? 812 : 900 });
    for (const v of visits) await visit(page, v, `@${width}px ${lang} as ${who}`, findings);
  }
}

type Who = 'nobody' | 'sponsor' | 'newcomer';

/** Signs in (or out) through the API on the page's own cookies and sets the language. */
async function become(who: Who, lang: Lang) {
  const api = page.context().request;
  await api.post('/api/v1/auth/sign-out', { data: {}, headers: { origin: data.origin } });
  if (who === 'sponsor') await signIn(api, data.origin, owner.email, owner.password);
  if (who === 'newcomer') await signIn(api, data.origin, newcomer.email, newcomer.password);
  if (who !== 'nobody') await post(api, data.origin, '/api/v1/me', { locale: lang }, 'patch');
  await page.goto('/no-such-page');
  await page.evaluate((l) => localStorage.setItem('downline.locale', l), lang);
}

for (const lang of ['bg', 'de', 'en'] as const) {
  test(`no clipped control and no sideways scroll on any page, in ${lang}, at 375 and 1280 px`, async () => {
    test.setTimeout(480_000);
    const findings: string[] = [];
    await become('nobody', lang);
    await walk(publicRoutes(data), 'nobody', lang, findings);
    await become('sponsor', lang);
    await walk(sponsorRoutes(data), 'sponsor', lang, findings);
    await become('newcomer', lang);
    await walk(newcomerRoutes(data), 'newcomer', lang, findings);
    expect(findings.length, `clipped or sideways:\n${findings.join('\n')}`).toBe(0);
  });
}
