// Starts Downline: opens the database, applies migrations, listens, and shuts down cleanly on a signal
// so the embedded database directory is never left half-written.
import { openDatabase } from '../db/client.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

export async function startServer(config: Config) {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    app.log.info(`${signal} received: closing`);
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // E.g. the port is taken: close the database before giving up, so nothing is left half-written.
    await app.close();
    throw err;
  }
  return app;
}
