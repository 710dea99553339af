// `downline import orders FILE.csv`: a back-office export of any size, read as it streams from disk.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OrderIssue } from '../core/orders/columns.ts';
import { importOrders, OrderImportInvalidError, type OrderImportOutcome } from '../server/orders/import.ts';
import { chooseOrganization, UsageError, withDatabase } from './members.ts';

export const IMPORT_ORDERS_USAGE = `Usage: downline import orders FILE.csv [--organization ID] [--dry-run]

  Columns (header row): external_id, member_external_id, ordered_on, points, amount, currency, product,
  sku, buyer_name — German and Bulgarian column names work too. UTF-8 (with or without BOM), comma or
  semicolon. Points and amounts take at most two decimals ("12.50" or "12,50"); negative figures are
  returns. Dates as YYYY-MM-DD or DD.MM.YYYY. An empty points cell takes the points of the catalog
  product the sku names. Every row is checked first: with any error nothing is written. Rows imported
  before with the same values are left as they are; with other values they are errors.

  --organization ID   the organization to import into (needed when there are several)
  --dry-run           check and count only; write nothing`;

function printIssues(issues: OrderIssue[], total: number, limit = 200) {
  if (!issues.length) return;
  console.log('\nErrors:');
  for (const issue of issues.slice(0, limit)) {
    const where = [issue.externalId, issue.field].filter(Boolean).join(', ');
    console.log(
      `  line ${String(issue.line).padStart(8)}  ${issue.code.padEnd(16)} ${where ? `[${where}] ` : ''}${issue.message}`,
    );
  }
  if (total > limit) console.log(`  … and ${total - limit} more`);
}

function printOutcome(outcome: OrderImportOutcome) {
  const c = outcome.counts;
  const n = (v: number) => v.toLocaleString('en');
  console.log(`${n(c.rows)} rows: ${n(c.new)} new, ${n(c.unchanged)} unchanged, ${n(c.errors)} errors.`);
  printIssues(outcome.errors, c.errors);
}

export async function importOrdersCommand(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      organization: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(IMPORT_ORDERS_USAGE);
  const [what, file] = positionals;
  if (what !== 'orders' || !file || positionals.length > 2) throw new UsageError(IMPORT_ORDERS_USAGE);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const dryRun = values['dry-run'];
  await withDatabase(async ({ db }) => {
    const organization = await chooseOrganization(db, values.organization);
    console.log(
      `Importing orders from ${path.basename(file)} into ${organization.name} (${organization.id})…`,
    );
    const started = performance.now();
    try {
      const outcome = await importOrders(db, {
        organizationId: organization.id,
        actorMemberId: null,
        // Read as it streams in: an export of millions of orders never has to fit in one string.
        csv: createReadStream(file, { highWaterMark: 1 << 20 }),
        dryRun,
        fileName: path.basename(file),
        today: new Date().toISOString().slice(0, 10),
      });
      printOutcome(outcome);
      const t = outcome.timings;
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(
        `\n${dryRun ? 'Dry run: nothing was written.' : outcome.written ? 'Imported.' : 'Nothing to change.'}` +
          ` ${s(performance.now() - started)} (read ${s(t.parse)}, check ${s(t.validate)}, write ${s(t.write)},` +
          ` rollups ${s(t.rollups)} over ${outcome.periods} months and weeks)`,
      );
      if (outcome.counts.errors) process.exitCode = 1;
    } catch (err) {
      if (!(err instanceof OrderImportInvalidError)) throw err;
      printOutcome(err.outcome);
      console.log(`\n${err.message} Fix the lines above and run it again.`);
      process.exitCode = 1;
    }
  });
}
