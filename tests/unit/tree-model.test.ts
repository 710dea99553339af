// The genealogy tree's pure model: paging, expansion, the visible tree, its layout and zoom arithmetic.
import { describe, expect, it } from 'vitest';
import {
  buildTree,
  centerView,
  emptyTreeState,
  type FetchPage,
  fitView,
  hasChild,
  keepInView,
  layoutTree,
  loadUntil,
  memberIndex,
  moreId,
  nextOffset,
  remaining,
  reveal,
  setExpanded,
  type TreeDatum,
  type TreeMember,
  withPage,
} from '../../src/web/structure/tree/model.ts';

const member = (id: string, frontline = 0): TreeMember => ({
  id,
  name: `Name ${id}`,
  kind: 'partner',
  status: 'active',
  joinedOn: '2024-03-01',
  frontline,
});

const root = member('root', 3);
const LAYOUT = { cardWidth: 200, cardHeight: 70, columnGap: 50, rowGap: 10 };

/** A fake server: frontlines by sponsor id, paged like the API; records every request. */
function server(frontlines: Record<string, TreeMember[]>) {
  const calls: string[] = [];
  const fetchPage: FetchPage = async (id, offset, limit) => {
    calls.push(`${id}@${offset}`);
    const all = frontlines[id] ?? [];
    return { total: all.length, rows: all.slice(offset, offset + limit) };
  };
  return { calls, fetchPage };
}

const ids = (datum: TreeDatum): string[] => [datum.id, ...datum.children.flatMap(ids)];

describe('tree state', () => {
  it('adds pages in order and knows what is left', () => {
    let state = withPage(emptyTreeState(), 'root', 0, { total: 5, rows: [member('a'), member('b')] });
    expect(nextOffset(state, 'root')).toBe(2);
    expect(remaining(state.children.get('root'))).toBe(3);
    state = withPage(state, 'root', 2, { total: 5, rows: [member('c'), member('d')] });
    expect(state.children.get('root')!.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(remaining(state.children.get('root'))).toBe(1);
    expect(nextOffset(state, 'nobody')).toBe(0);
    expect(remaining(undefined)).toBe(0);
  });

  it('does not double a member when the frontline shifted between two pages', () => {
    let state = withPage(emptyTreeState(), 'root', 0, { total: 4, rows: [member('a'), member('b')] });
    state = withPage(state, 'root', 2, { total: 4, rows: [member('b'), member('c')] });
    expect(state.children.get('root')!.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('never claims fewer members than it shows', () => {
    const state = withPage(emptyTreeState(), 'root', 0, { total: 1, rows: [member('a'), member('b')] });
    expect(state.children.get('root')!.total).toBe(2);
  });

  it('expands and collapses without touching the loaded pages', () => {
    const loaded = withPage(emptyTreeState(), 'root', 0, { total: 1, rows: [member('a')] });
    const open = setExpanded(loaded, 'root', true);
    expect(open.expanded.has('root')).toBe(true);
    expect(setExpanded(open, 'root', true)).toBe(open);
    const closed = setExpanded(open, 'root', false);
    expect(closed.expanded.has('root')).toBe(false);
    expect(closed.children.get('root')!.rows).toHaveLength(1);
    expect(memberIndex(root, closed).has('a')).toBe(true);
  });
});

describe('the visible tree', () => {
  it('holds only the root and the frontlines of expanded members', () => {
    let state = withPage(emptyTreeState(), 'root', 0, { total: 2, rows: [member('a', 1), member('b', 4)] });
    state = withPage(state, 'a', 0, { total: 1, rows: [member('a1')] });
    expect(ids(buildTree(root, state))).toEqual(['root']);
    state = setExpanded(state, 'root', true);
    expect(ids(buildTree(root, state))).toEqual(['root', 'a', 'b']);
    state = setExpanded(state, 'a', true);
    expect(ids(buildTree(root, state))).toEqual(['root', 'a', 'a1', 'b']);
    // Expanded but not loaded yet: nothing to draw below b.
    state = setExpanded(state, 'b', true);
    expect(ids(buildTree(root, state))).toEqual(['root', 'a', 'a1', 'b']);
    // Collapsing the root hides everything below, but remembers what was open.
    const collapsed = setExpanded(state, 'root', false);
    expect(ids(buildTree(root, collapsed))).toEqual(['root']);
    expect(ids(buildTree(root, setExpanded(collapsed, 'root', true)))).toEqual(['root', 'a', 'a1', 'b']);
  });

  it('ends a partly loaded frontline with a "show more" card for the next page', () => {
    const rows = Array.from({ length: 50 }, (_, i) => member(`m${i}`));
    const state = setExpanded(withPage(emptyTreeState(), 'root', 0, { total: 120, rows }), 'root', true);
    const tree = buildTree(root, state);
    const last = tree.children.at(-1)!;
    expect(tree.children).toHaveLength(51);
    expect(last).toMatchObject({
      type: 'more',
      id: moreId('root'),
      sponsorId: 'root',
      shown: 50,
      total: 120,
      next: 50,
    });
    const more = withPage(state, 'root', 50, {
      total: 120,
      rows: Array.from({ length: 50 }, (_, i) => member(`n${i}`)),
    });
    expect(buildTree(root, more).children.at(-1)).toMatchObject({ type: 'more', shown: 100, next: 20 });
  });

  it('shows a member once even if stale pages list it under two sponsors', () => {
    let state = withPage(emptyTreeState(), 'root', 0, { total: 2, rows: [member('a', 1), member('b', 1)] });
    state = withPage(state, 'a', 0, { total: 1, rows: [member('x')] });
    state = withPage(state, 'b', 0, { total: 1, rows: [member('x')] });
    for (const id of ['root', 'a', 'b']) state = setExpanded(state, id, true);
    expect(ids(buildTree(root, state))).toEqual(['root', 'a', 'x', 'b']);
  });
});

describe('layout', () => {
  it('puts each level in a column to the right, the root at the origin, in depth-first order', () => {
    let state = withPage(emptyTreeState(), 'root', 0, {
      total: 3,
      rows: [member('a', 1), member('b'), member('c')],
    });
    state = withPage(state, 'a', 0, { total: 1, rows: [member('a1')] });
    state = setExpanded(setExpanded(state, 'root', true), 'a', true);
    const layout = layoutTree(buildTree(root, state), LAYOUT);
    expect(layout.nodes.map((n) => n.datum.id)).toEqual(['root', 'a', 'a1', 'b', 'c']);
    expect(layout.byId.get('root')).toMatchObject({ x: 0, y: 0, depth: 0 });
    expect(layout.byId.get('a')!.x).toBe(250);
    expect(layout.byId.get('a1')!.x).toBe(500);
    const ys = ['a', 'b', 'c'].map((id) => layout.byId.get(id)!.y);
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(ys[1]).toBeLessThan(ys[2]!);
    // Siblings never overlap.
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(80);
    expect(layout.links).toHaveLength(4);
    expect(layout.links[0]!.d.startsWith('M200,35C')).toBe(true);
    expect(layout.bounds.x1).toBe(700);
    expect(layout.bounds.y0).toBeLessThan(0);
  });
});

describe('opening the way to a search match', () => {
  const big = Array.from({ length: 120 }, (_, i) => member(`c${i}`, i === 101 ? 1 : 0));
  const frontlines = {
    root: [member('a', 1), member('b', 120)],
    a: [member('a1')],
    b: big,
    c101: [member('deep')],
  };

  it('loads pages until a member is present', async () => {
    const { calls, fetchPage } = server(frontlines);
    const { state, found } = await loadUntil(emptyTreeState(), 'b', 'c75', fetchPage, 50);
    expect(found).toBe(true);
    expect(calls).toEqual(['b@0', 'b@50']);
    expect(hasChild(state, 'b', 'c75')).toBe(true);
    const missing = await loadUntil(state, 'b', 'nobody', fetchPage, 50);
    expect(missing.found).toBe(false);
    expect(calls).toEqual(['b@0', 'b@50', 'b@100']);
  });

  it('expands every sponsor on the trail, paging where the next one is beyond the first page', async () => {
    const { calls, fetchPage } = server(frontlines);
    const result = await reveal(emptyTreeState(), ['root', 'b', 'c101'], 'deep', fetchPage, 50);
    expect(result.found).toBe(true);
    expect(calls).toEqual(['root@0', 'b@0', 'b@50', 'b@100', 'c101@0']);
    expect([...result.state.expanded].sort()).toEqual(['b', 'c101', 'root']);
    const shown = ids(buildTree(root, result.state));
    expect(shown).toContain('deep');
    expect(shown).not.toContain('a1');
  });

  it('asks nothing again for frontlines already loaded', async () => {
    const { calls, fetchPage } = server(frontlines);
    const first = await reveal(emptyTreeState(), ['root'], 'a', fetchPage, 50);
    await reveal(first.state, ['root', 'a'], 'a1', fetchPage, 50);
    expect(calls).toEqual(['root@0', 'a@0']);
  });

  it('says so when the trail no longer leads to the member', async () => {
    const { fetchPage } = server(frontlines);
    const result = await reveal(emptyTreeState(), ['root', 'a'], 'deep', fetchPage, 50);
    expect(result.found).toBe(false);
    expect(result.state.expanded.has('a')).toBe(true);
  });

  it('stops when a server page adds nothing', async () => {
    const fetchPage: FetchPage = async () => ({ total: 10, rows: [] });
    const result = await loadUntil(emptyTreeState(), 'root', 'x', fetchPage, 50);
    expect(result.found).toBe(false);
  });
});

describe('zoom arithmetic', () => {
  const viewport = { width: 375, height: 500 };

  it('fits the bounds, centered, never above natural size', () => {
    const fit = fitView({ x0: 0, y0: -500, x1: 1000, y1: 500 }, viewport, 20, 0.1);
    expect(fit.k).toBeCloseTo(0.335, 3);
    expect(fit.x + 500 * fit.k).toBeCloseTo(187.5);
    expect(fit.y).toBeCloseTo(250);
    expect(fitView({ x0: 0, y0: 0, x1: 100, y1: 50 }, viewport, 20, 0.1).k).toBe(1);
    expect(fitView({ x0: 0, y0: 0, x1: 100_000, y1: 50 }, viewport, 20, 0.1).k).toBe(0.1);
  });

  it('centers a point', () => {
    expect(centerView(100, 50, viewport, 2)).toEqual({ k: 2, x: -12.5, y: 150 });
  });

  it('moves a view as little as needed to show a rectangle', () => {
    const view = { x: 0, y: 0, k: 1 };
    expect(keepInView(view, { x0: 10, y0: 10, x1: 100, y1: 100 }, viewport, 10)).toEqual(view);
    expect(keepInView(view, { x0: 300, y0: 10, x1: 400, y1: 100 }, viewport, 10)).toEqual({
      x: -35,
      y: 0,
      k: 1,
    });
    expect(keepInView(view, { x0: -50, y0: -20, x1: 0, y1: 0 }, viewport, 10)).toEqual({
      x: 60,
      y: 30,
      k: 1,
    });
    // Wider than the viewport: its start is shown.
    expect(keepInView(view, { x0: 100, y0: 0, x1: 1000, y1: 10 }, viewport, 10).x).toBe(-90);
  });
});
