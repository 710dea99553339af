// Structure totals against a slow reference: on random trees, with random postings and reversals
// credited one by one up the sponsor line (as each posting will be) and random moves of whole subtrees
// followed by one recompute pass, every member's total equals the sum over their subtree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, isInSubtree, rebase } from '../structure/path.ts';
import { creditedPaths, sponsorIndexes, structureTotals } from './rollup.ts';

/** The slow way: for every member, add up every member of their subtree. */
function reference(personal: Map<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const root of personal.keys()) {
    let sum = 0;
    for (const [path, value] of personal) if (isInSubtree(path, root)) sum += value;
    totals.set(root, sum);
  }
  return totals;
}

/** One recompute pass over the whole tree, as after an import or a move. */
function recompute(personal: Map<string, number>): Map<string, number> {
  const paths = [...personal.keys()].sort();
  const totals = structureTotals(
    sponsorIndexes(paths),
    paths.map((p) => personal.get(p)!),
  );
  return new Map(paths.map((p, i) => [p, totals[i]!]));
}

const step = fc.oneof(
  // A posting (negative: a return or a reversing entry), in hundredths of a point.
  fc.record({
    kind: fc.constant('post' as const),
    at: fc.nat(),
    points: fc.integer({ min: -50_000, max: 50_000 }),
  }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
);

const scenario = fc.record({
  // Member i > 0 is sponsored by one of the members before it.
  sponsors: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
  steps: fc.array(step, { maxLength: 80 }),
});

describe('structure totals', () => {
  it('one backward pass adds each subtree into its top', () => {
    // root ─┬─ a ── c
    //       └─ b
    const sponsor = Int32Array.from([-1, 0, 1, 0]);
    expect([...structureTotals(sponsor, [1, 2, 4, 8])]).toEqual([15, 6, 4, 8]);
    expect(() => structureTotals(Int32Array.from([1, -1]), [1, 1])).toThrow(/path order/);
  });

  it('finds sponsors by path, and the credited line of a posting', () => {
    const root = childPath('', 1);
    const a = childPath(root, 2);
    const c = childPath(a, 5);
    expect([...sponsorIndexes([root, a, c, childPath(root, 9)])]).toEqual([-1, 0, 1, 0]);
    // The top of a recomputed subtree has no sponsor in the list.
    expect([...sponsorIndexes([a, c])]).toEqual([-1, 0]);
    expect(creditedPaths(c)).toEqual([root, a, c]);
  });

  it('postings credited up the line and recomputes after moves match the reference', () => {
    fc.assert(
      fc.property(scenario, ({ sponsors, steps }) => {
        // Build the tree: member numbers 1…n, member 0 is the root.
        let paths: string[] = [childPath('', 1)];
        for (const [i, s] of sponsors.entries()) paths.push(childPath(paths[s % paths.length]!, i + 2));
        const personal = new Map(paths.map((p) => [p, 0]));
        let totals = recompute(personal);

        for (const step of steps) {
          paths = [...personal.keys()];
          const at = paths[step.at % paths.length]!;
          if (step.kind === 'post') {
            personal.set(at, personal.get(at)! + step.points);
            for (const line of creditedPaths(at)) totals.set(line, totals.get(line)! + step.points);
          } else {
            // Move `at` with its downline under a member outside it (the root never moves).
            const targets = paths.filter((p) => !isInSubtree(p, at));
            if (at === paths[0] || targets.length === 0) continue;
            const sponsor = targets[step.to % targets.length]!;
            const moved = childPath(sponsor, Number.parseInt(at.slice(-6), 36));
            for (const [path, value] of [...personal]) {
              if (!isInSubtree(path, at)) continue;
              personal.delete(path);
              personal.set(rebase(path, at, moved), value);
            }
            totals = recompute(personal);
          }
          expect(totals).toEqual(reference(personal));
        }
      }),
      { numRuns: 150 },
    );
  });
});
