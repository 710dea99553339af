// Rebuilding whole periods of member_rollups for an organization (bulk imports, demo data, a month's
// recompute): the join and training figures from their sources, the points from the stored personal
// figures plus an import's own, every structure total in one backward pass over typed arrays
// (core/kpis/rollup.ts), and each period's rows replaced by one COPY (PGlite: batched INSERTs).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Grain, periodEnd, periodsOf } from '../../core/kpis/periods.ts';
import { structureTotals } from '../../core/kpis/rollup.ts';
import { SEGMENT_WIDTH } from '../../core/structure/path.ts';
import { type Db, pgClientOf } from '../../db/client.ts';
import { COLUMNS, type FIGURES } from './rollups.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** A period to rebuild, with points to add to members' own figures first (an import's orders). */
export interface PeriodRebuild {
  grain: Grain;
  period: string;
  /** Points (hundredths) per member id to add to what is stored. */
  addPoints?: ReadonlyMap<string, number>;
}

export interface RebuildTimings {
  loadTree: number;
  periods: number;
  rows: number;
}

/**
 * Rows as arrays, not one object per row (a million members at a time): straight through node-postgres
 * or PGlite with `rowMode: 'array'`, else through drizzle. Values as the driver gives them (int8 as a
 * string on node-postgres): read them with Number().
 */
async function arrayRows(db: Db, text: string, params: unknown[]): Promise<unknown[][]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client || client instanceof pg.Pool)
    return (await client.query({ text, values: params, rowMode: 'array' })).rows;
  const pglite = client as
    | { query?: (text: string, params: unknown[], options: object) => Promise<{ rows: unknown[][] }> }
    | undefined;
  if (typeof pglite?.query === 'function')
    return (await pglite.query(text, params, { rowMode: 'array' })).rows;
  let i = 0;
  const query = sql.join(
    text.split(/\$\d+/).map((part, k) => (k === 0 ? sql.raw(part) : sql`${params[i++]}${sql.raw(part)}`)),
  );
  return rowsOf<Record<string, unknown>>(await db.execute(query)).map((r) => Object.values(r));
}

const DAY_MS = 86_400_000;
const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Hex digit values by character code ('0'–'9', 'a'–'f'). */
const HEX = new Uint8Array(128);
for (let d = 0; d < 16; d++) HEX['0123456789abcdef'.charCodeAt(d)] = d;

/**
 * The members in id order, as indexes into `ids`: the order of PostgreSQL's uuid (byte by byte, which is
 * the order of the lower-case text). A radix sort on the first eight bytes, then the rare runs that share
 * them by the whole text — a million ids in tens of milliseconds, where the database's sort took a second.
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let h = 0;
    for (let c = 0; c < 8; c++) h = h * 16 + HEX[id.charCodeAt(c)]!;
    let l = 0;
    for (let c = 9; c < 13; c++) l = l * 16 + HEX[id.charCodeAt(c)]!;
    for (let c = 14; c < 18; c++) l = l * 16 + HEX[id.charCodeAt(c)]!;
    hi[i] = h;
    lo[i] = l;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const counts = new Int32Array(0x10000);
  // Least significant 16 bits first; each pass is stable.
  for (const [key, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 0x10000; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(key[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
  // Ids that share their first eight bytes (not seen with time-ordered or random ids, but possible).
  for (let k = 1; k < n; k++) {
    const i = order[k]!;
    if (hi[i] !== hi[order[k - 1]!] || lo[i] !== lo[order[k - 1]!]) continue;
    let j = k;
    while (
      j > 0 &&
      hi[order[j - 1]!] === hi[i] &&
      lo[order[j - 1]!] === lo[i] &&
      ids[order[j - 1]!]! > ids[i]!
    ) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/**
 * Recomputes whole periods for an organization: every member's own join and training figures from the
 * members and attendance, points from the stored figures (plus `addPoints`), and from them every
 * structure total in one backward pass per figure. Each period's rows are replaced by one COPY (PGlite:
 * batched INSERTs). The caller holds the structure lock (no joins or moves meanwhile).
 *
 * Written for a million members and hundreds of periods (the demo's six years of joins): the tree
 * arrives as arrays, without the paths (a sponsor is the last member one level up in path order); its
 * id order (idOrder) lets the stored rows, read in key order, be matched by walking both lists, and
 * each period's rows be written in key order, which the primary key takes about twice as fast as path
 * order. Join dates are day numbers, looked up once per distinct day; the arrays are reused from period
 * to period; a figure nobody has in a period costs no pass.
 */
export async function rebuildRollups(
  db: Db,
  organizationId: string,
  periods: PeriodRebuild[],
): Promise<RebuildTimings> {
  const timings: RebuildTimings = { loadTree: 0, periods: 0, rows: 0 };
  if (!periods.length) return timings;
  let t = performance.now();
  const tree = await arrayRows(
    db,
    `select id, length(path) / ${SEGMENT_WIDTH}, joined_on - date '1970-01-01' from members
      where organization_id = $1 order by path collate "C"`,
    [organizationId],
  );
  const n = tree.length;
  /** Member ids in path order. */
  const ids = new Array<string>(n);
  const joinDay = new Int32Array(n);
  // Path order is depth first: a member's sponsor is the last member seen one level up (`lastAt[l]`;
  // the level below is cleared at each member, so one whose sponsor is missing gets -1).
  const sponsor = new Int32Array(n);
  const lastAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = tree[i]!;
    const level = Number(row[1]);
    ids[i] = row[0] as string;
    sponsor[i] = level >= 2 ? (lastAt[level - 2] ?? -1) : -1;
    lastAt[level - 1] = i;
    lastAt[level] = -1;
    joinDay[i] = Number(row[2]);
  }
  tree.length = 0;
  /** byId[k]: the place in path order of the k-th member in id order. */
  const byId = idOrder(ids);
  /** Calls `f` with each row's member (place in path order); `rows` are sorted by member id, first column. */
  const eachMember = (rows: unknown[][], f: (i: number, row: unknown[]) => void) => {
    let k = 0;
    for (const row of rows) {
      const id = row[0] as string;
      while (k < n && ids[byId[k]!]! < id) k++;
      if (k < n && ids[byId[k]!] === id) f(byId[k]!, row);
    }
  };
  let indexOf: Map<string, number> | null = null;

  // Who joined in which of the periods asked for: the periods of each distinct join day, once.
  const joiners = new Map<string, number[]>();
  for (const { grain, period } of periods) joiners.set(`${grain}:${period}`, []);
  const listsOfDay = new Map<number, number[][]>();
  for (let i = 0; i < n; i++) {
    const day = joinDay[i]!;
    let lists = listsOfDay.get(day);
    if (!lists) {
      lists = [];
      for (const { grain, period } of periodsOf(dayText(day))) {
        const list = joiners.get(`${grain}:${period}`);
        if (list) lists.push(list);
      }
      listsOfDay.set(day, lists);
    }
    for (const list of lists) list.push(i);
  }
  timings.loadTree = performance.now() - t;
  t = performance.now();

  const personal = {
    points: new Float64Array(n),
    joined: new Float64Array(n),
    trainedOffline: new Float64Array(n),
    trainedOnline: new Float64Array(n),
    trained: new Float64Array(n),
  };
  const frontline = new Float64Array(n);
  const zeros = new Float64Array(n);
  const written = new Uint8Array(n);
  const selected = new Int32Array(n);
  // Every array is all zeros when a period starts: each period clears what it set (most periods of an
  // organization's history hold a few joins only, and clearing eight arrays of a million costs more).
  for (const { grain, period, addPoints } of periods) {
    const end = periodEnd(grain, period);
    const joined = joiners.get(`${grain}:${period}`)!;
    for (const i of joined) {
      personal.joined[i] = 1;
      if (sponsor[i]! >= 0) frontline[sponsor[i]!]! += 1;
    }
    let anyPoints = false;
    const stored = await arrayRows(
      db,
      `select member_id, points from member_rollups
        where organization_id = $1 and grain = $2 and period = $3 and points <> 0 order by member_id`,
      [organizationId, grain, period],
    );
    eachMember(stored, (i, row) => {
      personal.points[i] = Number(row[1]);
      anyPoints = true;
    });
    if (addPoints?.size) {
      indexOf ??= new Map(ids.map((id, i) => [id, i]));
      for (const [id, points] of addPoints) {
        const i = indexOf.get(id);
        if (i === undefined) continue;
        personal.points[i]! += points;
        anyPoints = true;
      }
    }
    const attended = await arrayRows(
      db,
      `select distinct r.member_id, t.format from training_registrations r
        join trainings t on t.organization_id = r.organization_id and t.id = r.training_id
        where r.organization_id = $1 and r.attended_at is not null
          and t.cancelled_at is null and t.held_on between $2 and $3
        order by r.member_id`,
      [organizationId, period, end],
    );
    eachMember(attended, (i, row) => {
      personal[row[1] === 'offline' ? 'trainedOffline' : 'trainedOnline'][i] = 1;
      personal.trained[i] = 1;
    });
    // A figure nobody has in the period has no pass: its totals are zeros.
    const totalsOf = (figure: Float64Array, any: boolean) => (any ? structureTotals(sponsor, figure) : zeros);
    const anyTraining = attended.length > 0;
    const structure = {
      points: totalsOf(personal.points, anyPoints),
      joined: totalsOf(personal.joined, joined.length > 0),
      trainedOffline: totalsOf(personal.trainedOffline, anyTraining),
      trainedOnline: totalsOf(personal.trainedOnline, anyTraining),
      trained: totalsOf(personal.trained, anyTraining),
    };
    // The rows to write: chosen in path order (the arrays in sequence), then listed in id order (the
    // primary key's). Own join and training figures are part of the structure's, so these four cover
    // every column.
    for (let i = 0; i < n; i++) {
      written[i] =
        personal.points[i] !== 0 ||
        structure.points[i] !== 0 ||
        structure.joined[i] !== 0 ||
        structure.trained[i] !== 0
          ? 1
          : 0;
    }
    let count = 0;
    for (let k = 0; k < n; k++) if (written[byId[k]!]) selected[count++] = byId[k]!;
    const rows: RollupColumns = { ids, personal, structure, frontline, selected, count };
    await db.execute(sql`delete from member_rollups
      where organization_id = ${organizationId} and grain = ${grain} and period = ${period}`);
    await writeRows(db, organizationId, grain, period, rows);
    timings.rows += count;

    for (const i of joined) {
      personal.joined[i] = 0;
      if (sponsor[i]! >= 0) frontline[sponsor[i]!] = 0;
    }
    if (anyPoints) personal.points.fill(0);
    if (anyTraining)
      for (const figure of [personal.trainedOffline, personal.trainedOnline, personal.trained])
        figure.fill(0);
  }
  timings.periods = performance.now() - t;
  return timings;
}

type Figure = (typeof FIGURES)[number];

/** One period's rows to write: the members `selected[0 … count)`, their figures in columns. */
interface RollupColumns {
  ids: string[];
  personal: Record<Figure, Float64Array>;
  structure: Record<Figure, Float64Array>;
  frontline: Float64Array;
  selected: Int32Array;
  count: number;
}

const WRITE_BATCH = 20_000;
/** Rows per piece of COPY text: Node builds the next piece while the server writes this one. */
const COPY_CHUNK = 2_000;

async function writeRows(db: Db, organizationId: string, grain: Grain, period: string, rows: RollupColumns) {
  const { ids, personal: p, structure: s, frontline, selected, count } = rows;
  const client = pgClientOf(db);
  if (client) {
    const prefix = `${organizationId}\t`;
    const suffix = `\t${grain}\t${period}\t`;
    const chunks = function* () {
      for (let start = 0; start < count; start += COPY_CHUNK) {
        let chunk = '';
        for (let k = start; k < Math.min(count, start + COPY_CHUNK); k++) {
          const i = selected[k]!;
          chunk +=
            `${prefix}${ids[i]}${suffix}${p.points[i]}\t${p.joined[i]}\t${p.trainedOffline[i]}\t` +
            `${p.trainedOnline[i]}\t${p.trained[i]}\t${s.points[i]}\t${s.joined[i]}\t${frontline[i]}\t` +
            `${s.trainedOffline[i]}\t${s.trainedOnline[i]}\t${s.trained[i]}\n`;
        }
        yield chunk;
      }
    };
    const copy = client.query(copyFrom(`copy member_rollups (${COLUMN_LIST}) from stdin`));
    await pipeline(Readable.from(chunks()), copy);
    return;
  }
  for (let start = 0; start < count; start += WRITE_BATCH) {
    const batch = selected.subarray(start, Math.min(count, start + WRITE_BATCH));
    const column = (values: Float64Array | string[]) => sql.param(Array.from(batch, (i) => values[i]));
    await db.execute(sql`insert into member_rollups (${COLUMNS})
      select ${organizationId}::uuid, v.id, ${grain}::kpi_grain, ${period}::date,
        v.p, v.j, v.toff, v.ton, v.t, v.sp, v.sj, v.fj, v.stoff, v.ston, v.st from unnest(
        ${column(ids)}::uuid[], ${column(p.points)}::bigint[], ${column(p.joined)}::int[],
        ${column(p.trainedOffline)}::int[], ${column(p.trainedOnline)}::int[], ${column(p.trained)}::int[],
        ${column(s.points)}::bigint[], ${column(s.joined)}::int[], ${column(frontline)}::int[],
        ${column(s.trainedOffline)}::int[], ${column(s.trainedOnline)}::int[], ${column(s.trained)}::int[])
        as v(id, p, j, toff, ton, t, sp, sj, fj, stoff, ston, st)`);
  }
}

const COLUMN_LIST =
  'organization_id, member_id, grain, period, points, joined, trained_offline, trained_online, trained, ' +
  'structure_points, structure_joined, frontline_joined, structure_trained_offline, ' +
  'structure_trained_online, structure_trained';
