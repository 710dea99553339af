// Structure totals: a member's figure plus the figures of their whole downline, for every member at once.
// The sponsor tree arrives in path order (core/structure/path.ts: depth-first, a sponsor before their
// downline), so one backward pass over typed arrays adds each member's total into their sponsor's — the
// measured way to recompute a month for a million members (the architecture brief: ~50 ms in Node).
// Shared by the server (rollups after bulk imports and moves) and the tests' reference checks.
import { ancestorPaths, SEGMENT_WIDTH } from '../structure/path.ts';

/**
 * The index of each member's sponsor among `paths` (sorted in path order), or -1 for a member whose
 * sponsor is not in the list (the organization's root, or the top of a subtree being recomputed).
 */
export function sponsorIndexes(paths: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  const sponsor = new Int32Array(paths.length);
  paths.forEach((path, i) => {
    sponsor[i] = index.get(path.slice(0, -SEGMENT_WIDTH)) ?? -1;
    index.set(path, i);
  });
  return sponsor;
}

/**
 * Structure totals of one figure: `totals[i]` = `personal[i]` + the totals of i's frontline. `sponsor`
 * must point backwards (every sponsor index smaller than the member's), as path order guarantees.
 * Figures are whole numbers (points are counted in hundredths), so sums stay exact up to 2^53.
 */
export function structureTotals(sponsor: Int32Array, personal: ArrayLike<number>): Float64Array {
  const n = sponsor.length;
  if (personal.length !== n) throw new Error('one personal figure per member');
  const totals = Float64Array.from(personal);
  for (let i = n - 1; i >= 0; i--) {
    const up = sponsor[i]!;
    if (up >= i) throw new Error(`member ${i} comes before their sponsor ${up}: not in path order`);
    if (up >= 0) totals[up]! += totals[i]!;
  }
  return totals;
}

/** The members whose structure totals a posting for `path` changes: the member and their whole upline. */
export function creditedPaths(path: string): string[] {
  return [...ancestorPaths(path), path];
}
