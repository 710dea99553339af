// The materialized path of the sponsor tree. Every member has a per-organization sequence number; its
// path is its sponsor's path followed by its own number as a fixed-width base-36 segment, so
//   - a whole downline is one range of an index on (organization_id, path) in C collation,
//   - sorting by path lists a tree depth-first, each sponsor before their downline,
//   - the upline is read off the path without a query per level.
// Six base-36 characters number 2,176,782,335 members per organization.

export const SEGMENT_WIDTH = 6;
const MAX_SEQ = 36 ** SEGMENT_WIDTH - 1;
/** Sorts after every character a path can contain ([0-9a-z]) in C collation. */
const AFTER_ALL = '~';

export function segment(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new RangeError(`member number out of range: ${seq}`);
  return seq.toString(36).padStart(SEGMENT_WIDTH, '0');
}

export function childPath(sponsorPath: string, seq: number): string {
  return sponsorPath + segment(seq);
}

/** Depth below the root: the root's depth is 0. */
export function depthOf(path: string): number {
  return path.length / SEGMENT_WIDTH - 1;
}

/** The paths of the ancestors, root first, without the path itself. */
export function ancestorPaths(path: string): string[] {
  const result: string[] = [];
  for (let end = SEGMENT_WIDTH; end < path.length; end += SEGMENT_WIDTH) result.push(path.slice(0, end));
  return result;
}

/** The member numbers along a path, root first. */
export function seqsOf(path: string): number[] {
  const result: number[] = [];
  for (let i = 0; i < path.length; i += SEGMENT_WIDTH)
    result.push(Number.parseInt(path.slice(i, i + SEGMENT_WIDTH), 36));
  return result;
}

/** Bounds of the strict downline of `path`: every p with lower < p < upper (C collation). */
export function downlineRange(path: string): { lower: string; upper: string } {
  return { lower: path, upper: path + AFTER_ALL };
}

/** Whether `path` lies in the subtree rooted at `root` (the root itself included). */
export function isInSubtree(path: string, root: string): boolean {
  return path.startsWith(root) && (path.length - root.length) % SEGMENT_WIDTH === 0;
}

/** The path a member of the subtree gets when its subtree root moves from `oldRoot` to `newRoot`. */
export function rebase(path: string, oldRoot: string, newRoot: string): string {
  if (!isInSubtree(path, oldRoot)) throw new Error(`${path} is not in the subtree ${oldRoot}`);
  return newRoot + path.slice(oldRoot.length);
}
