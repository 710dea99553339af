import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorPaths,
  childPath,
  depthOf,
  downlineRange,
  isInSubtree,
  rebase,
  SEGMENT_WIDTH,
  segment,
  seqsOf,
} from './path.ts';

const seq = fc.integer({ min: 1, max: 36 ** SEGMENT_WIDTH - 1 });
const pathOf = (seqs: number[]) => seqs.reduce((p, s) => childPath(p, s), '');
const cCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // JS compares UTF-16 units like C collation for ASCII

describe('structure paths', () => {
  it('encodes member numbers in fixed width, order-preserving', () => {
    expect(segment(1)).toBe('000001');
    expect(segment(36)).toBe('000010');
    fc.assert(
      fc.property(seq, seq, (a, b) => Math.sign(cCompare(segment(a), segment(b))) === Math.sign(a - b)),
    );
  });

  it('refuses numbers that do not fit', () => {
    expect(() => segment(0)).toThrow(RangeError);
    expect(() => segment(36 ** SEGMENT_WIDTH)).toThrow(RangeError);
    expect(() => segment(1.5)).toThrow(RangeError);
  });

  it('reads depth, ancestors and numbers back', () => {
    fc.assert(
      fc.property(fc.array(seq, { minLength: 1, maxLength: 50 }), (seqs) => {
        const path = pathOf(seqs);
        expect(depthOf(path)).toBe(seqs.length - 1);
        expect(seqsOf(path)).toEqual(seqs);
        expect(ancestorPaths(path)).toEqual(seqs.slice(0, -1).map((_, i) => pathOf(seqs.slice(0, i + 1))));
      }),
    );
  });

  it('the downline range holds exactly the strict descendants', () => {
    fc.assert(
      fc.property(
        fc.array(seq, { minLength: 1, maxLength: 8 }),
        fc.array(seq, { minLength: 1, maxLength: 8 }),
        (a, b) => {
          const root = pathOf(a);
          const other = pathOf(b);
          const { lower, upper } = downlineRange(root);
          const inRange = other > lower && other < upper;
          expect(inRange).toBe(isInSubtree(other, root) && other !== root);
        },
      ),
    );
  });

  it('rebases a subtree onto a new sponsor path', () => {
    const old = pathOf([1, 5]);
    const member = pathOf([1, 5, 9, 12]);
    expect(rebase(member, old, pathOf([1, 7, 5]))).toBe(pathOf([1, 7, 5, 9, 12]));
    expect(() => rebase(pathOf([1, 6]), old, pathOf([2]))).toThrow();
  });
});
