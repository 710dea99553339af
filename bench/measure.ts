// What every benchmark shares: timing a call, medians, the machine line printed with the results, and
// the embedded database's version.
import os from 'node:os';

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** When and on what the benchmark ran, as one line. */
export function machine(serverVersions: string[]): string {
  const cpus = os.cpus();
  return [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}`,
    `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    ...serverVersions,
  ].join(' · ');
}

/** PGlite's PostgreSQL version, for the machine line. */
export async function pgliteVersion(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const probe = await PGlite.create();
  const [v] = (await probe.query<{ v: string }>(`select current_setting('server_version') as v`)).rows;
  await probe.close();
  return `PGlite ${v!.v} (data directory on disk)`;
}
