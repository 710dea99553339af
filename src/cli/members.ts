// `downline import members FILE.csv` and `downline demo --members N`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { isLocale } from '../core/locales.ts';
import type { ImportIssue } from '../core/structure/import.ts';
import { type Db, openDatabase } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';
import { loadConfig } from '../server/config.ts';
import { addDemoNewcomers } from '../server/followup/demo.ts';
import { createDemoOrganization } from '../server/imports/demo.ts';
import { ImportInvalidError, type ImportOutcome, importMembers } from '../server/imports/service.ts';
import { addDemoPlans } from '../server/plans/demo.ts';
import { importOrdersCommand } from './orders.ts';

export class UsageError extends Error {}

export const IMPORT_USAGE = `Usage: downline import members FILE.csv [--organization ID] [--valid-rows] [--dry-run]
       downline import orders FILE.csv [--organization ID] [--dry-run]   (--help for its columns)

  Columns (header row): external_id, sponsor_external_id, name, email, phone, city, country, kind,
  joined_on — German and Bulgarian column names work too. UTF-8 (with or without BOM), comma or
  semicolon. Rows without a sponsor go directly under the organization's root member.

  --organization ID   the organization to import into (needed when there are several)
  --dry-run           check and plan only; write nothing
  --valid-rows        when the file has errors, import the rows that can be placed anyway`;

export const DEMO_USAGE = `Usage: downline demo --members N [--locale en|de|bg] [--seed S]

  Creates a new organization with N members in a realistic sponsor tree and prints the owner's sign-in.`;

export async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

function printIssues(title: string, issues: ImportIssue[], limit = 200) {
  if (!issues.length) return;
  console.log(`\n${title}:`);
  for (const issue of issues.slice(0, limit)) {
    const where = [issue.externalId, issue.field].filter(Boolean).join(', ');
    console.log(
      `  line ${String(issue.line).padStart(6)}  ${issue.code.padEnd(20)} ${where ? `[${where}] ` : ''}${issue.message}`,
    );
  }
  if (issues.length > limit) console.log(`  … and ${issues.length - limit} more`);
}

function printOutcome(outcome: ImportOutcome) {
  const c = outcome.counts;
  console.log(
    `${c.rows} rows: ${c.inserts} new, ${c.updates} updated, ${c.moves} moved, ${c.unchanged} unchanged, ` +
      `${c.errors} errors, ${c.skipped} skipped.`,
  );
  printIssues('Errors', outcome.errors);
  printIssues('Skipped (below a row with an error)', outcome.skipped);
}

/** The organization named by --organization, or the only one there is. */
export async function chooseOrganization(db: Db, id: string | undefined) {
  const all = await db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  let organization = all[0];
  if (id) {
    [organization] = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, id))
      .catch(() => []);
    if (!organization) throw new UsageError(`No organization with the id ${id}.`);
  } else if (all.length > 1) {
    throw new UsageError(
      `There are ${all.length} organizations; name one with --organization:\n${all.map((o) => `  ${o.id}  ${o.name}`).join('\n')}`,
    );
  }
  if (!organization)
    throw new UsageError('There is no organization yet: sign up first (or run downline demo).');
  return organization;
}

export async function importCommand(argv: string[]) {
  // `import orders …` has options of its own (cli/orders.ts).
  if (argv.find((a) => !a.startsWith('-')) === 'orders') return importOrdersCommand(argv);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      organization: { type: 'string' },
      'valid-rows': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(IMPORT_USAGE);
  const [what, file] = positionals;
  if (what !== 'members' || !file || positionals.length > 2) throw new UsageError(IMPORT_USAGE);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  await withDatabase(async ({ db }) => {
    const organization = await chooseOrganization(db, values.organization);
    console.log(`Importing ${path.basename(file)} into ${organization.name} (${organization.id})…`);
    try {
      const outcome = await importMembers(db, {
        organizationId: organization.id,
        actorMemberId: null,
        fileName: path.basename(file),
        csv,
        mode: values['dry-run'] ? 'preview' : 'import',
        importValidRows: values['valid-rows'],
        today: new Date().toISOString().slice(0, 10),
      });
      printOutcome(outcome);
      const t = outcome.timings;
      const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
      console.log(
        `\n${values['dry-run'] ? 'Dry run: nothing was written.' : outcome.written ? 'Imported.' : 'Nothing to change.'}` +
          ` (read ${ms(t.parse)}, compare ${ms(t.load + t.plan)}, write ${ms(t.write)})`,
      );
      if (outcome.counts.errors) process.exitCode = values['dry-run'] ? 1 : 0;
    } catch (err) {
      if (!(err instanceof ImportInvalidError)) throw err;
      printOutcome(err.outcome);
      console.log(`\n${err.message} Fix the lines above, or run again with --valid-rows.`);
      process.exitCode = 1;
    }
  });
}

export async function demoCommand(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      members: { type: 'string', default: '1000' },
      locale: { type: 'string', default: 'en' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(DEMO_USAGE);
  const members = Number(values.members);
  const seed = Number(values.seed);
  if (!Number.isInteger(members) || members < 1 || members > 5_000_000)
    throw new UsageError(`--members must be a whole number from 1 to 5000000.\n\n${DEMO_USAGE}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number.\n\n${DEMO_USAGE}`);
  if (!isLocale(values.locale)) throw new UsageError(`--locale must be en, de or bg.\n\n${DEMO_USAGE}`);
  const locale = values.locale;
  await withDatabase(async ({ db }) => {
    const started = performance.now();
    const today = new Date().toISOString().slice(0, 10);
    const demo = await createDemoOrganization(db, { members, locale, seed, today });
    const newcomers = await addDemoNewcomers(
      db,
      demo.organizationId,
      { id: demo.ownerMemberId, city: null },
      locale,
      today,
    );
    await addDemoPlans(db, demo.organizationId, newcomers, locale, today);
    console.log(
      `Created a demo organization with ${demo.members.toLocaleString('en')} members in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
        `  newcomers:    4 joined in the last three weeks (the follow-up board), 2 with plans\n` +
        `  organization: ${demo.organizationId}\n` +
        `  owner:        ${demo.owner.name}\n` +
        `  e-mail:       ${demo.owner.email}\n` +
        `  password:     ${demo.owner.password}`,
    );
  });
}
