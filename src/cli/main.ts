// The `downline` command.
import { parseArgs } from 'node:util';
import { DataDirInUseError, openDatabase } from '../db/client.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer } from '../server/server.ts';
import { demoCommand, importCommand, UsageError } from './members.ts';

const USAGE = `Usage: downline <command>

Commands:
  serve     Start the web app and API (default). PORT, HOST, DATABASE_URL, DOWNLINE_DATA_DIR configure it.
  migrate   Apply database migrations and exit.
  import    Import members from a back-office CSV: import members FILE.csv [--organization ID] [--valid-rows] [--dry-run]
            Import orders from a back-office CSV:  import orders FILE.csv [--organization ID] [--dry-run]
  demo      Create a demo organization: demo --members N [--locale en|de|bg] [--seed S]
  help      Show this text.`;

async function main(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const asksHelp = argv[0] === '--help' || argv[0] === '-h';
  const command = positionals[0] ?? (asksHelp ? 'help' : 'serve');
  switch (command) {
    case 'serve': {
      await startServer(loadConfig());
      return;
    }
    case 'migrate': {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await database.migrate();
        console.log(`Migrations applied (${database.kind}).`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'import':
      await importCommand(argv.slice(argv.indexOf('import') + 1));
      return;
    case 'demo':
      await demoCommand(argv.slice(argv.indexOf('demo') + 1));
      return;
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirInUseError || err instanceof UsageError)
    console.error(err.message);
  else if ((err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))
    console.error((err as Error).message);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error(`The port is already in use: ${(err as Error).message}`);
  else console.error(err);
  process.exit(1);
});
