// Typed access to scripts/postgres.mjs (plain JavaScript, shared with the `npm test` orchestrator).
export interface PostgresServer {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  host: string;
  version: string;
  dataDir: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface PostgresScript {
  findPostgresBinaries(): { binDir: string; initdb: string; pgCtl: string; version: string } | null;
  /** `settings`: extra `-c` server settings (the benchmarks' tuned server); tests use the defaults. */
  startPostgres(options?: {
    log?: (line: string) => void;
    settings?: Record<string, string | number>;
  }): Promise<PostgresServer>;
  stopPostgres(server: PostgresServer): Promise<void>;
}

export async function loadPostgresScript(): Promise<PostgresScript> {
  const url = new URL('../../scripts/postgres.mjs', import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as PostgresScript;
}
