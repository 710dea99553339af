// Search over one member's contacts, as the contacts list serves it: the owner lookup, the count and the
// first page of 50 (contactService(...).list, and the bare listContacts query under it) over 10,000
// contacts of one member in a table of several members' contacts, on a throwaway PostgreSQL and on
// PGlite (embedded). Beside it, the same searches done the naive way: the raw columns concatenated and
// lower-cased at query time instead of the stored, folded search_text.
//
//   npm run bench -- contacts [--contacts 10000] [--members 5] [--runs 30] [--skip postgres|pglite]
//                             [--out FILE]
//
// PostgreSQL runs with the tests' settings (fsync off, default memory settings, bench/postgres-settings.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { cityKey, RELATIONSHIPS, STAGES, type Stage } from '../src/core/contacts/fields.ts';
import { random } from '../src/core/structure/demo.ts';
import { ascii, LOCALES } from '../src/core/structure/demo-people.ts';
import { type Database, type Db, openDatabase } from '../src/db/client.ts';
import { contacts, members } from '../src/db/schema/index.ts';
import type { Actor } from '../src/server/auth/actor.ts';
import type { Auth } from '../src/server/auth/auth.ts';
import type { Config } from '../src/server/config.ts';
import {
  type ContactFilter,
  contactColumns,
  type ListOptions,
  listContacts,
  listExpression,
  type ResolvedFilter,
  tagSpellings,
} from '../src/server/contacts/lists.ts';
import { insertContacts, type NewContact, ownerScope } from '../src/server/contacts/queries.ts';
import { listContactsQuery } from '../src/server/contacts/schemas.ts';
import { contactService, derivedColumns } from '../src/server/contacts/service.ts';
import { systemClock } from '../src/server/http/types.ts';
import { createOrganizationWithOwner } from '../src/server/organizations/service.ts';
import { placeMembers } from '../src/server/structure/tree.ts';
import { machine, median, pgliteVersion, timed } from './measure.ts';
import { describeSettings, startBenchPostgres } from './postgres-settings.ts';

const SEED = 1;
const TODAY = '2026-12-01';
/** Rows per insert; the members' batches alternate, so one member's rows spread over the whole table. */
const BATCH = 500;
const WARM_UP = 3;

/** The members owning contacts, in order: the owner first; the searches run as the second (or the only). */
const OWNERS: { name: string; city: string; country: string }[] = [
  { name: 'Owner', city: 'Пловдив', country: 'BG' },
  { name: 'Мария Георгиева', city: 'София', country: 'BG' },
  { name: 'Петър Стоянов', city: 'Варна', country: 'BG' },
  { name: 'Sabine Weber', city: 'Berlin', country: 'DE' },
  { name: 'Markus Bauer', city: 'München', country: 'DE' },
];

// ---- Generated people ------------------------------------------------------------------------------

const TAGS = {
  bg: ['бизнес', 'здраве', 'козметика', 'съсед', 'училище', 'фитнес', 'работа', 'роднина'],
  de: ['Business', 'Gesundheit', 'Nachbar', 'Sport', 'Arbeit', 'Familie', 'Verein', 'Kosmetik'],
};
const SOURCES = ['Facebook', 'Instagram', 'препоръка', 'работа', 'Empfehlung', 'Messe'];
const DOMAINS = {
  bg: ['abv.bg', 'gmail.com', 'mail.bg', 'yahoo.com'],
  de: ['gmx.de', 'web.de', 'gmail.com'],
};
const NOTES = [
  'Интересува се от продуктите за здраве.',
  'Да ѝ се обадя след отпуската.',
  'Търси допълнителен доход.',
  'Hat nach dem Geschäftsmodell gefragt.',
  'Nach dem Urlaub noch einmal anrufen.',
];
/** A pipeline as lists look after a while: most contacts new or contacted, few joined. */
const STAGE_WEIGHTS: Record<Stage, number> = {
  new: 40,
  contacted: 20,
  invited: 10,
  presented: 8,
  follow_up: 8,
  joined_customer: 5,
  joined_partner: 2,
  not_now: 7,
};

function weighted<T>(rnd: () => number, items: readonly T[], weightOf: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += weightOf(item);
  let x = rnd() * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}

const pick = <T>(rnd: () => number, items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
const digits = (rnd: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
  return s;
};
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A mobile number the way people save it: national (0888 123 456) or international (+359 888 123 456). */
function phoneOf(rnd: () => number, locale: 'bg' | 'de'): string {
  const national = rnd() < 0.6;
  if (locale === 'bg') {
    const n = `${pick(rnd, ['87', '88', '89', '98'])}${digits(rnd, 7)}`;
    const spaced = `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    return national ? `0${spaced}` : `+359 ${spaced}`;
  }
  const n = `${pick(rnd, ['151', '160', '162', '170', '171', '176'])} ${digits(rnd, rnd() < 0.5 ? 7 : 8)}`;
  return national ? `0${n}` : `+49 ${n}`;
}

/** One member's contacts: Bulgarian and German people, their cities, phones, some e-mails and tags. */
function generateContacts(
  rnd: () => number,
  n: number,
  organizationId: string,
  owner: { id: string; country: string },
): NewContact[] {
  const rows: NewContact[] = [];
  for (let i = 0; i < n; i++) {
    const locale = rnd() < 0.7 ? 'bg' : 'de';
    const people = LOCALES[locale];
    const gender = rnd() < 0.5 ? 'male' : 'female';
    const first = pick(rnd, people.first[gender]);
    const last = pick(rnd, people.last[gender]);
    const name = `${first} ${last}`;
    const phone = rnd() < 0.9 ? phoneOf(rnd, locale) : null;
    const email =
      rnd() < 0.4
        ? `${ascii(first)}.${ascii(last)}${rnd() < 0.3 ? Math.floor(rnd() * 100) : ''}@${pick(rnd, DOMAINS[locale])}`
        : null;
    const city = rnd() < 0.85 ? weighted(rnd, people.cities, (c) => c[2])[0] : null;
    const tags: string[] = [];
    for (let t = Math.floor(rnd() * 4); t > 0; t--) {
      const tag = pick(rnd, TAGS[locale]);
      if (!tags.includes(tag)) tags.push(tag);
    }
    const messengers =
      phone && rnd() < 0.3 ? { [locale === 'bg' ? 'viber' : 'whatsapp']: phone.replace(/\s/g, '') } : {};
    const source = rnd() < 0.3 ? pick(rnd, SOURCES) : null;
    const stage = weighted(rnd, STAGES, (s) => STAGE_WEIGHTS[s]);
    const createdAt = new Date(Date.parse(`${TODAY}T12:00:00Z`) - Math.floor(rnd() * 730) * 86_400_000);
    rows.push({
      organizationId,
      id: randomUUID(),
      ownerId: owner.id,
      name,
      phone,
      email,
      messengers,
      city,
      listOverride: rnd() < 0.02 ? pick(rnd, ['own', 'other'] as const) : null,
      relationship: rnd() < 0.6 ? pick(rnd, RELATIONSHIPS) : null,
      source,
      notes: rnd() < 0.2 ? pick(rnd, NOTES) : null,
      tags,
      stage,
      nextFollowUpOn: rnd() < 0.25 ? addDays(TODAY, Math.floor(rnd() * 60) - 30) : null,
      lastContactOn: stage === 'new' ? null : addDays(TODAY, -Math.floor(rnd() * 200)),
      createdAt,
      updatedAt: createdAt,
      // The keys the service stores with every write (phone key, city key, folded search text).
      ...derivedColumns({ name, phone, email, city, tags, source, messengers }, owner.country),
    });
  }
  return rows;
}

interface Setup {
  organizationId: string;
  target: { id: string; path: string; city: string };
  total: number;
}

/** An organization with `memberCount` members, each with `perMember` contacts, inserted in alternating batches. */
async function seed(
  db: Db,
  memberCount: number,
  perMember: number,
  log: (line: string) => void,
): Promise<Setup> {
  const t = performance.now();
  const { organization, owner } = await db.transaction((tx) =>
    createOrganizationWithOwner(tx, {
      organizationName: 'Bench',
      locale: 'bg',
      owner: { userId: null as unknown as string, name: OWNERS[0]!.name, email: 'owner@example.com' },
      today: TODAY,
    }),
  );
  const org = organization.id;
  await db
    .update(members)
    .set({ city: OWNERS[0]!.city, country: OWNERS[0]!.country })
    .where(and(eq(members.organizationId, org), eq(members.id, owner.id)));
  const others = await placeMembers(
    db,
    org,
    owner.id,
    Array.from({ length: memberCount - 1 }, (_, i) => {
      const o = OWNERS[(i + 1) % OWNERS.length]!;
      return {
        userId: null,
        name: o.name,
        city: o.city,
        country: o.country,
        kind: 'partner' as const,
        status: 'active' as const,
        role: 'member' as const,
        locale: 'bg' as const,
        joinedOn: '2025-01-15',
      };
    }),
  );
  const owners = [
    { id: owner.id, path: owner.path, ...OWNERS[0]! },
    ...others.map((m) => ({ id: m.id, path: m.path, city: m.city!, country: m.country! })),
  ];
  const lists = owners.map((o, i) => generateContacts(random(SEED * 1000 + i), perMember, org, o));
  for (let from = 0; from < perMember; from += BATCH)
    for (const list of lists) await insertContacts(db, list.slice(from, from + BATCH));
  // What autovacuum does after a bulk insert anyway (statistics for the planner, the visibility map).
  await db.execute(sql`vacuum analyze contacts`);
  const total = memberCount * perMember;
  log(
    `  ${total.toLocaleString('en')} contacts of ${memberCount} members written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const target = owners[Math.min(1, owners.length - 1)]!;
  return { organizationId: org, target: { id: target.id, path: target.path, city: target.city }, total };
}

// ---- The searches ----------------------------------------------------------------------------------

interface Case {
  label: string;
  /** As the API receives it (GET /api/contacts query string). */
  query: Record<string, string>;
}

const CASES: Case[] = [
  { label: 'one letter: "м"', query: { q: 'м' } },
  { label: 'prefix of a common name: "ива"', query: { q: 'ива' } },
  { label: 'full name: "Мария Иванова"', query: { q: 'Мария Иванова' } },
  { label: 'phone digits: "0888"', query: { q: '0888' } },
  { label: 'city on list 2: "пловдив" + list=other', query: { q: 'пловдив', list: 'other' } },
  { label: 'tag filter: бизнес', query: { tag: 'бизнес' } },
  { label: 'search + stage: "петров" + stage=contacted', query: { q: 'петров', stage: 'contacted' } },
  { label: 'no search: first page by name', query: {} },
  { label: 'matches nothing: "zqxj"', query: { q: 'zqxj' } },
  // Not a speed case: what folding finds (Müller, Schröder) and lower() alone does not.
  { label: 'without the accent: "muller"', query: { q: 'muller' } },
];

/**
 * The text search as it would be written without the stored search_text: the same fields concatenated
 * and lower-cased for every row at query time (no accent folding).
 */
const rawText = sql`lower(concat_ws(' ', ${contacts.name}, ${contacts.city}, ${contacts.email}, ${contacts.phone}, regexp_replace(${contacts.phone}, '\\D', '', 'g'), ${contacts.source}, array_to_string(${contacts.tags}, ' '), ${contacts.messengers}->>'whatsapp', ${contacts.messengers}->>'viber', ${contacts.messengers}->>'telegram'))`;

const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The shape of listContacts's two queries sorted by name: the first page of 50 and the count. */
function listQueries(db: Db, where: SQL | undefined, ownCityKey: string) {
  return {
    page: db
      .select(contactColumns(ownCityKey))
      .from(contacts)
      .where(where)
      .orderBy(
        sql`${contacts.nameKey} is null`,
        asc(contacts.nameKey),
        asc(contacts.nameKey),
        asc(contacts.id),
      )
      .limit(50),
    count: db.select({ n: count() }).from(contacts).where(where),
  };
}

/**
 * The naive text search, a tag compared lower-cased inside every row's array, and the other filters as
 * listContacts has them (server/contacts/queries.ts).
 */
function naiveWhere(organizationId: string, ownerId: string, filter: ContactFilter, ownCityKey: string) {
  const conditions: SQL[] = [];
  for (const term of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean))
    conditions.push(sql`${rawText} like ${likeTerm(term)}`);
  if (filter.list) conditions.push(sql`${listExpression(ownCityKey)} = ${filter.list}`);
  if (filter.stage) conditions.push(eq(contacts.stage, filter.stage));
  if (filter.tag)
    conditions.push(
      sql`exists (select 1 from unnest(${contacts.tags}) t where lower(t) = ${filter.tag.toLowerCase()})`,
    );
  if (filter.city || filter.due) throw new Error('naiveWhere: city and due filters are not implemented');
  return and(ownerScope(organizationId, ownerId), ...conditions);
}

/** listContacts's count and first page by name, with the naive text search. */
async function naiveList(
  db: Db,
  organizationId: string,
  ownerId: string,
  filter: ContactFilter,
  ownCityKey: string,
) {
  const q = listQueries(db, naiveWhere(organizationId, ownerId, filter, ownCityKey), ownCityKey);
  const [rows, [total]] = await Promise.all([q.page, q.count]);
  return { rows, total: Number(total?.n ?? 0) };
}

// ---- Measuring -------------------------------------------------------------------------------------

interface Stats {
  median: number;
  p95: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), p95: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]! };
}

/**
 * Median and p95 of each function over `runs` rounds after a warm-up. The functions take turns within
 * a round, so a slow moment of the machine falls on all of them alike.
 */
async function measureTogether(runs: number, fns: (() => Promise<unknown>)[]): Promise<Stats[]> {
  for (let i = 0; i < WARM_UP; i++) for (const fn of fns) await fn();
  const times = fns.map((): number[] => []);
  for (let r = 0; r < runs; r++) for (const [i, fn] of fns.entries()) times[i]!.push(await timed(fn));
  return times.map(stats);
}

interface Row {
  backend: string;
  label: string;
  matches: number;
  naiveMatches?: number;
  service: Stats;
  bare: Stats;
  naive?: Stats;
}

async function benchOn(
  database: Database,
  backend: string,
  options: { contacts: number; members: number; runs: number },
  log: (line: string) => void,
): Promise<{ rows: Row[]; plans: string[] }> {
  const { db } = database;
  await database.migrate();
  const setup = await seed(db, options.members, options.contacts, log);
  const org = setup.organizationId;
  const target = setup.target;
  const actor: Actor = {
    userId: 'bench',
    email: 'member@example.com',
    name: 'Member',
    locale: 'bg',
    organizationId: org,
    memberId: target.id,
    path: target.path,
    role: 'member',
  };
  // list() reads neither auth, config nor the credential limit.
  const service = contactService({
    database,
    clock: systemClock,
    auth: {} as Auth,
    config: {} as Config,
    credentialLimit: async () => {},
  });
  const ownCityKey = cityKey(target.city);
  const rows: Row[] = [];
  for (const c of CASES) {
    const query = listContactsQuery.parse(c.query);
    const { sort, direction, offset, limit, today, ...filter } = query;
    // As list() resolves it before listContacts: a tag becomes the spellings the owner uses of it.
    const { tag, ...untagged } = filter;
    const resolved: ResolvedFilter = tag
      ? { ...untagged, tagSpellings: await tagSpellings(db, org, target.id, tag) }
      : untagged;
    const listOptions: ListOptions = {
      ownCityKey,
      today: today ?? TODAY,
      cityKeyOf: cityKey,
      sort,
      direction,
      offset,
      limit,
    };
    // Without a text search or a tag the naive query would be the same query: no baseline.
    const hasNaive = Boolean(filter.q || filter.tag);
    const viaService = () => service.list(actor, query);
    const bare = () => listContacts(db, org, target.id, resolved, listOptions);
    const naive = () => naiveList(db, org, target.id, filter, ownCityKey);

    const served = await viaService();
    const stored = await bare();
    const raw = await naive();
    if (served.total !== stored.total)
      throw new Error(`${c.label}: list() ${served.total}, query ${stored.total}`);
    const samePage =
      JSON.stringify(stored.rows.map((r) => r.contact.id)) ===
      JSON.stringify(raw.rows.map((r) => r.contact.id));
    if (raw.total !== stored.total || !samePage)
      log(
        `  ${backend}: ${c.label}: naive ${raw.total} matches${samePage ? '' : ', another first page'} (stored ${stored.total})`,
      );

    const [s, b, n] = await measureTogether(
      options.runs,
      hasNaive ? [viaService, bare, naive] : [viaService, bare],
    );
    rows.push({
      backend,
      label: c.label,
      matches: stored.total,
      naiveMatches: hasNaive ? raw.total : undefined,
      service: s!,
      bare: b!,
      naive: n,
    });
    log(`  ${backend}: ${c.label}: ${stored.total} matches, list() ${fmt(s!.median)}`);
  }

  const plans: string[] = [];
  if (database.kind === 'postgres') {
    // Where the time goes: the count of the broadest search, stored vs naive, and the first page by name.
    const stored = and(ownerScope(org, target.id), sql`${contacts.searchText} like ${likeTerm('м')}`);
    const explained = [
      ['count of "м", stored search_text', listQueries(db, stored, ownCityKey).count],
      [
        'count of "м", naive (computed per row)',
        listQueries(db, naiveWhere(org, target.id, { q: 'м' }, ownCityKey), ownCityKey).count,
      ],
      ['no search: first page by name', listQueries(db, ownerScope(org, target.id), ownCityKey).page],
    ] as const;
    for (const [label, query] of explained) {
      const result = (await db.execute(sql`explain (analyze, buffers) ${query}`)) as unknown as {
        rows: Record<string, string>[];
      };
      plans.push(`${backend}, ${label}:\n${result.rows.map((r) => `    ${Object.values(r)[0]}`).join('\n')}`);
    }
  }
  return { rows, plans };
}

// ---- Report ----------------------------------------------------------------------------------------

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

const fmt = (ms: number) => (ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
const cell = (s: Stats | undefined) => (s ? `${fmt(s.median)} (${fmt(s.p95)})` : '—');

export function table(rows: Row[]): string {
  const lines = [
    '| database | search | matches | list() median (p95) | listContacts median (p95) | naive median (p95) | naive / listContacts |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const matches =
      r.naiveMatches === undefined || r.naiveMatches === r.matches
        ? r.matches.toLocaleString('en')
        : `${r.matches.toLocaleString('en')} (naive ${r.naiveMatches.toLocaleString('en')})`;
    const ratio = r.naive ? r.naive.median / r.bare.median : undefined;
    lines.push(
      `| ${r.backend} | ${r.label} | ${matches} | ${cell(r.service)} | ${cell(r.bare)} | ${cell(r.naive)} | ${ratio === undefined ? '' : `${ratio.toFixed(1)}×`} |`,
    );
  }
  return lines.join('\n');
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string', default: '10000' },
      members: { type: 'string', default: '5' },
      runs: { type: 'string', default: '30' },
      out: { type: 'string', default: '.tmp/bench-contacts.md' },
      skip: { type: 'string', default: '' },
    },
  });
  const options = {
    contacts: Number(values.contacts),
    members: Number(values.members),
    runs: Number(values.runs),
  };
  if (!(options.contacts >= 1 && options.members >= 1 && options.runs >= 1))
    throw new Error('--contacts, --members and --runs must be positive numbers');
  const skip = new Set(values.skip.split(','));
  const log = (line: string) => console.log(line);
  const loadBefore = loadAverage();
  log(`  load average before: ${loadBefore}`);
  const rows: Row[] = [];
  const plans: string[] = [];
  const versions: string[] = [];

  if (!skip.has('postgres')) {
    const server = await startBenchPostgres({}, log);
    try {
      const admin = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 1 });
      const [v] = (
        (await admin.db.execute(sql`select current_setting('server_version') as v`)) as unknown as {
          rows: { v: string }[];
        }
      ).rows;
      versions.push(`PostgreSQL ${v!.v} (tests' settings; ${await describeSettings(admin.db)})`);
      await admin.db.execute(sql`create database bench_contacts`);
      await admin.close();
      // The app's pool (10 connections): the count and the page run side by side.
      const database = await openDatabase({ kind: 'postgres', url: server.urlFor('bench_contacts') });
      try {
        const result = await benchOn(database, 'PostgreSQL', options, log);
        rows.push(...result.rows);
        plans.push(...result.plans);
      } finally {
        await database.close();
      }
    } finally {
      await server.stop();
    }
  }

  if (!skip.has('pglite')) {
    versions.push(await pgliteVersion());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'downline-bench-pglite-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    try {
      rows.push(...(await benchOn(database, 'PGlite', options, log)).rows);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const what =
    `${options.contacts.toLocaleString('en')} contacts of the searching member among ` +
    `${(options.contacts * options.members).toLocaleString('en')} (${options.members} members); ` +
    `median and p95 of ${options.runs} runs after ${WARM_UP} warm-up runs`;
  const report = [
    `Machine: ${machine(versions)}`,
    `Load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after`,
    what,
    table(rows),
    ...(plans.length ? ['```', ...plans, '```'] : []),
  ].join('\n\n');
  console.log(`\n${report}`);
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${report}\n`);
  console.log(`Written to ${values.out}`);
}
