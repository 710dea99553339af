// The pages a newcomer and their sponsor open every day (issue 15): Today, /plans, the follow-up page
// (/followup/$id, and /start for the newcomer) and the join page (/join/$token), on a 100k-member demo
// organization on PGlite (embedded, data directory on disk).
//
//   npm run bench -- pages [--runs 7] [--browser-runs 5] [--dir DIR] [--fresh] [--port 3224]
//                          [--skip browser] [--save FILE] [--baseline FILE] [--out FILE]
//
// - Data: `downline demo` (server/imports/demo.ts, 100,000 members, seed 1, Bulgarian) built once into
//   DIR (default: the system's temporary folder) and reused by later runs (`--fresh` builds it again).
//   Three people get a login: a newcomer who joined yesterday, their sponsor (a member with a frontline,
//   four newcomers in it), and a leader high in the tree (the root's frontline member with the largest
//   downline, four newcomers too). Each has a few contacts due and a few diary entries today.
// - Server time: every request a page makes for its data, through the real HTTP routes (`app.inject`
//   with the person's session cookie), the median of `--runs` after a warm-up. "Old requests" are the
//   requests the pages made before they loaded in one (Today: the five cards and the member page for the
//   phone numbers' country; join: /me and the link), timed one after the other in the same run (the
//   embedded database answers one query at a time anyway); routes that no longer exist are left out.
// - Browser: Debian's Chromium (headless, 375 × 800) against the same app on `--port`, serving the built
//   web app (`npm run build` first): from navigation start until the page's data is on screen and no
//   request has been pending for 300 ms (the time of the last answer or of the data, whichever is
//   later), the median of `--browser-runs` full page loads after one warm-up.
// - `--save FILE` writes the medians as JSON; `--baseline FILE` prints a saved run beside this one
//   (e.g. a run at the commit before).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../src/core/followup/template.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { authAccount, authUser, members } from '../src/db/schema/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { addDemoNewcomers } from '../src/server/followup/demo.ts';
import { createDemoOrganization } from '../src/server/imports/demo.ts';
import { addDemoPlans } from '../src/server/plans/demo.ts';
import { machine, median, pgliteVersion } from './measure.ts';

const SIZE = 100_000;
const SEED = 1;
const LOCALE = 'bg';
const PASSWORD = 'bench-pages-password';
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const ORIGIN = 'http://localhost';

type Who = 'newcomer' | 'sponsor' | 'leader';
interface Person {
  memberId: string;
  email: string;
  name: string;
  /** A newcomer whose follow-up this person opens (their own for the newcomer). */
  followupOf: string;
}
interface Setup {
  members: number;
  builtOn: string;
  organizationId: string;
  people: Record<Who, Person>;
  joinToken: string;
}

interface Result {
  page: string;
  who: string;
  /** Requests of the page before (the old way) and their summed server time (median of sums). */
  oldRequests?: number;
  oldMs?: number;
  requests: number;
  serverMs: number;
  browserMs?: number;
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '7' },
      'browser-runs': { type: 'string', default: '5' },
      dir: { type: 'string', default: path.join(os.tmpdir(), 'downline-bench-pages-100k') },
      fresh: { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.E2E_PORT ?? '3224' },
      skip: { type: 'string', default: '' },
      save: { type: 'string' },
      baseline: { type: 'string' },
      out: { type: 'string', default: 'bench-pages.md' },
    },
  });
  const runs = Number(values.runs);
  const browserRuns = Number(values['browser-runs']);
  const skip = new Set(values.skip.split(','));
  const dir = path.resolve(values.dir);
  const log = (line: string) => console.log(line);
  if (values.fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const version = await pgliteVersion();
  const setupFile = path.join(dir, 'setup.json');
  // A build that did not finish leaves no setup.json: start again from an empty directory.
  if (!existsSync(setupFile)) rmSync(path.join(dir, 'pglite'), { recursive: true, force: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
  const port = Number(values.port);
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    await database.migrate();
    app = await buildApp({ config: benchConfig(dir, port), database, logger: false });
  } catch (err) {
    await database.close();
    throw err;
  }
  const results: Result[] = [];
  try {
    await app.ready();
    let setup: Setup;
    if (existsSync(setupFile)) {
      setup = JSON.parse(readFileSync(setupFile, 'utf8')) as Setup;
      log(`  reusing the ${setup.members.toLocaleString('en')}-member organization in ${dir}`);
    } else {
      setup = await build(database, app, log);
      writeFileSync(setupFile, JSON.stringify(setup, null, 2));
    }
    const today = new Date().toISOString().slice(0, 10);
    const cookies = {} as Record<Who, string>;
    for (const who of ['newcomer', 'sponsor', 'leader'] as Who[]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        payload: JSON.stringify({ email: setup.people[who].email, password: PASSWORD }),
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of the ${who}: ${res.statusCode} ${res.body}`);
      cookies[who] = [res.headers['set-cookie']]
        .flat()
        .map((c) => String(c).split(';')[0])
        .join('; ');
    }

    /** Server time of one request through the routes; undefined when the route does not exist (404). */
    const time = async (url: string, cookie?: string) => {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      const ms = performance.now() - t;
      if (res.statusCode === 404 && res.json().error?.code === 'route_not_found') return undefined;
      if (res.statusCode >= 400 && !(url === '/api/v1/me' && res.statusCode === 401))
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return ms;
    };
    /** Median over the runs of the summed time of these requests (after one warm-up); existing ones only. */
    const measure = async (urls: string[], cookie?: string) => {
      const present: string[] = [];
      for (const url of urls) if ((await time(url, cookie)) !== undefined) present.push(url);
      if (!present.length) return undefined;
      const sums: number[] = [];
      for (let r = 0; r < runs; r++) {
        let sum = 0;
        for (const url of present) sum += (await time(url, cookie))!;
        sums.push(sum);
      }
      return { requests: present.length, ms: median(sums) };
    };

    const week = mondayOf(today);
    for (const who of ['newcomer', 'sponsor', 'leader'] as Who[]) {
      const person = setup.people[who];
      const cookie = cookies[who];
      const q = `today=${today}`;
      const pages: { page: string; old: string[]; now: string[] }[] = [
        {
          page: 'Today',
          old: [
            `/api/v1/reviews/current?${q}`,
            `/api/v1/followups/today?${q}`,
            '/api/v1/plans/overview',
            `/api/v1/diary/days/${today}`,
            `/api/v1/contacts/due?${q}&limit=5`,
            `/api/v1/members/${person.memberId}`,
          ],
          now: [`/api/v1/today?${q}`],
        },
        {
          page: '/plans',
          // Before: the overview, this week's page and the goal card's request (the overview now
          // carries the other two, so "before" here times today's heavier overview plus both).
          old: ['/api/v1/plans/overview', `/api/v1/plans/week/${week}`, '/api/v1/goals/current'],
          now: ['/api/v1/plans/overview'],
        },
        {
          page: who === 'newcomer' ? '/start' : '/followup/$id',
          old: [`/api/v1/members/${person.followupOf}/followup?${q}`],
          now: [`/api/v1/members/${person.followupOf}/followup?${q}`],
        },
      ];
      for (const p of pages) {
        const old = await measure(p.old, cookie);
        const now = (await measure(p.now, cookie)) ?? old;
        if (!now) continue;
        results.push({
          page: p.page,
          who,
          ...(old ? { oldRequests: old.requests, oldMs: old.ms } : {}),
          requests: now.requests,
          serverMs: now.ms,
        });
        log(`  server ${p.page} (${who}): ${ms(now.ms)}${old ? ` (old requests ${ms(old.ms)})` : ''}`);
      }
    }
    {
      const join = `/api/v1/join/${setup.joinToken}`;
      const old = await measure(['/api/v1/me', join]);
      const now = await measure([join]);
      results.push({
        page: '/join/$token',
        who: 'anonymous',
        ...(old ? { oldRequests: old.requests, oldMs: old.ms } : {}),
        requests: now!.requests,
        serverMs: now!.ms,
      });
      log(`  server /join/$token: ${ms(now!.ms)} (old requests ${ms(old!.ms)})`);
    }

    if (!skip.has('browser')) {
      await app.listen({ port, host: '127.0.0.1' });
      await browserTimes(`http://localhost:${port}`, setup, results, browserRuns, log);
    }
  } finally {
    await app.close();
  }

  const baseline = values.baseline
    ? (JSON.parse(readFileSync(values.baseline, 'utf8')) as { results: Result[]; stamp: string })
    : null;
  const stamp = `${machine([version])} · load ${os.loadavg()[0]!.toFixed(1)}`;
  const report = `Machine: ${stamp}\n\n${table(results, baseline)}\n`;
  console.log(`\n${report}`);
  writeFileSync(values.out, report);
  if (values.save) writeFileSync(values.save, JSON.stringify({ stamp, results }, null, 2));
}

/** The demo organization, three logins in it, and a few contacts and diary entries for each. */
async function build(
  database: Database,
  app: Awaited<ReturnType<typeof buildApp>>,
  log: (line: string) => void,
): Promise<Setup> {
  const { db } = database;
  const today = new Date().toISOString().slice(0, 10);
  let t = performance.now();
  const demo = await createDemoOrganization(db, { members: SIZE, locale: LOCALE, seed: SEED, today });
  const org = demo.organizationId;
  log(`  demo organization of ${SIZE.toLocaleString('en')} members: ${ms(performance.now() - t)}`);
  t = performance.now();

  // The sponsor: a partner with a small frontline, a few levels down; the leader: the root's frontline
  // member with the largest downline.
  const sponsorRow = (
    (await db.execute(sql`
      select s.id from members s
      join members c on c.organization_id = s.organization_id and c.sponsor_id = s.id
      where s.organization_id = ${org} and s.depth between 3 and 8 and s.kind = 'partner'
      group by s.id having count(*) between 4 and 10
      order by s.id limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!;
  const leaderRow = (
    (await db.execute(sql`
      select c.id from members r
      join members c on c.organization_id = r.organization_id and c.sponsor_id = r.id
      join members d on d.organization_id = c.organization_id
        and d.path collate "C" >= c.path collate "C" and d.path collate "C" < (c.path || '~') collate "C"
      where r.organization_id = ${org} and r.depth = 0
      group by c.id order by count(*) desc limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!;

  const people = {} as Record<Who, Person>;
  for (const [who, id] of [
    ['sponsor', sponsorRow.id],
    ['leader', leaderRow.id],
  ] as const) {
    const [m] = await db
      .select({ city: members.city, name: members.name })
      .from(members)
      .where(and(eq(members.organizationId, org), eq(members.id, id)));
    const newcomers = await addDemoNewcomers(db, org, { id, city: m!.city }, LOCALE, today);
    await addDemoPlans(db, org, newcomers, LOCALE, today);
    people[who] = { memberId: id, email: '', name: m!.name, followupOf: newcomers[0]!.id };
    if (who === 'sponsor')
      people.newcomer = { memberId: newcomers[0]!.id, email: '', name: '', followupOf: newcomers[0]!.id };
  }
  const passwordHash = await hash(PASSWORD, ARGON2);
  for (const who of ['newcomer', 'sponsor', 'leader'] as Who[]) {
    const person = people[who];
    const userId = randomUUID();
    const email = `${who}-${randomBytes(3).toString('hex')}@bench.example.com`;
    const [m] = await db
      .select({ name: members.name })
      .from(members)
      .where(and(eq(members.organizationId, org), eq(members.id, person.memberId)));
    await db.insert(authUser).values({ id: userId, name: m!.name, email, locale: LOCALE });
    await db.insert(authAccount).values({
      id: randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
    });
    await db
      .update(members)
      .set({ userId, email, locale: LOCALE })
      .where(and(eq(members.organizationId, org), eq(members.id, person.memberId)));
    Object.assign(person, { email, name: m!.name });
  }
  log(`  three logins and eight newcomers: ${ms(performance.now() - t)}`);

  // A little of a working day for each of them, through the real routes.
  let joinToken = '';
  for (const who of ['newcomer', 'sponsor', 'leader'] as Who[]) {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: people[who].email, password: PASSWORD }),
    });
    const cookie = [signIn.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const post = async (url: string, body: unknown) => {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    for (let i = 0; i < 30; i++)
      await post('/api/v1/contacts', {
        name: `Контакт ${i + 1}`,
        city: i % 2 ? 'София' : 'Пловдив',
        nextFollowUpOn: addDays(today, -(i % 10)),
      });
    for (let i = 0; i < 4; i++)
      await post('/api/v1/diary/entries', { kind: 'task', day: today, title: `Задача ${i + 1}` });
    await post('/api/v1/diary/entries', {
      kind: 'event',
      day: today,
      title: 'Среща',
      eventType: 'meeting',
      startsAt: `${today}T15:00:00Z`,
    });
    if (who === 'sponsor') joinToken = (await post('/api/v1/invitations', { kind: 'partner' })).token;
  }
  // What autovacuum does after a bulk insert anyway.
  await db.execute(sql`vacuum analyze`);
  return { members: SIZE, builtOn: today, organizationId: org, people, joinToken };
}

/** The server's configuration as `downline serve` reads it, on the bench's data directory. */
function benchConfig(dir: string, port: number) {
  return {
    ...loadConfig({ ...process.env, DOWNLINE_DATA_DIR: dir, PORT: String(port || 3000), HOST: '127.0.0.1' }),
    logLevel: 'warn' as const,
    signInRateLimit: { max: 10_000, windowMs: 60_000 },
  };
}

function mondayOf(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/** Full page loads in Chromium: navigation start until the data is shown and nothing is pending. */
async function browserTimes(
  base: string,
  setup: Setup,
  results: Result[],
  runs: number,
  log: (line: string) => void,
) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const load = async (
      context: import('@playwright/test').BrowserContext,
      url: string,
      ready: string,
    ): Promise<number> => {
      const page = await context.newPage();
      let pending = 0;
      let lastAnswer = 0;
      const done = () => {
        pending--;
        lastAnswer = performance.now();
      };
      page.on('request', () => pending++);
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      const start = performance.now();
      await page.goto(base + url, { waitUntil: 'commit' });
      await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
      const shown = performance.now();
      // Quiet for 300 ms: nothing pending, nothing new.
      for (;;) {
        const before = lastAnswer;
        await page.waitForTimeout(300);
        if (pending <= 0 && lastAnswer === before) break;
      }
      await page.close();
      return Math.max(shown, lastAnswer) - start;
    };
    const measurePage = async (
      context: import('@playwright/test').BrowserContext,
      page: string,
      who: string,
      url: string,
      ready: string,
    ) => {
      await load(context, url, ready);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await load(context, url, ready));
      const m = median(times);
      const row = results.find((x) => x.page === page && x.who === who);
      if (row) row.browserMs = m;
      log(`  browser ${page} (${who}): ${ms(m)} (${times.map((x) => x.toFixed(0)).join(', ')})`);
    };

    for (const who of ['newcomer', 'sponsor', 'leader'] as Who[]) {
      const person = setup.people[who];
      const context = await browser.newContext({
        baseURL: base,
        viewport: { width: 375, height: 800 },
        locale: 'bg-BG',
        timezoneId: 'Europe/Sofia',
      });
      const res = await context.request.post('/api/v1/auth/sign-in', {
        data: { email: person.email, password: PASSWORD },
        headers: { origin: base },
      });
      if (!res.ok()) throw new Error(`browser sign-in of the ${who}: ${res.status()}`);
      await measurePage(
        context,
        'Today',
        who,
        '/',
        '[data-testid="today-cards"], [data-testid="today-follow-ups"] >> nth=0',
      );
      await measurePage(context, '/plans', who, '/plans', '[data-testid="plans-period"]');
      if (who === 'newcomer')
        await measurePage(context, '/start', who, '/start', '[data-testid="start-steps"]');
      else
        await measurePage(
          context,
          '/followup/$id',
          who,
          `/followup/${person.followupOf}`,
          '[data-testid="followup-name"]',
        );
      await context.close();
    }
    const anonymous = await browser.newContext({ baseURL: base, viewport: { width: 375, height: 800 } });
    await measurePage(
      anonymous,
      '/join/$token',
      'anonymous',
      `/join/${setup.joinToken}`,
      'form button[type="submit"]',
    );
    await anonymous.close();
  } finally {
    await browser.close();
  }
}

function ms(value: number | undefined) {
  if (value === undefined) return '—';
  return value >= 1000
    ? `${(value / 1000).toFixed(2)} s`
    : value >= 10
      ? `${value.toFixed(0)} ms`
      : `${value.toFixed(1)} ms`;
}

function table(results: Result[], baseline: { results: Result[]; stamp: string } | null) {
  const lines = [
    baseline ? `Baseline: ${baseline.stamp}\n` : '',
    `| page | who | requests before → now | server before (sum) | server now | ${baseline ? 'browser before | ' : ''}browser now |`,
    `|---|---|---:|---:|---:|${baseline ? '---:|' : ''}---:|`,
  ];
  for (const r of results) {
    const b = baseline?.results.find((x) => x.page === r.page && x.who === r.who);
    const before = b?.oldMs ?? r.oldMs;
    const beforeCount = b?.oldRequests ?? r.oldRequests ?? r.requests;
    lines.push(
      `| ${r.page} | ${r.who} | ${beforeCount} → ${r.requests} | ${ms(before)} | ${ms(r.serverMs)} | ` +
        `${baseline ? `${ms(b?.browserMs)} | ` : ''}${ms(r.browserMs)} |`,
    );
  }
  return lines.join('\n');
}
