// The genealogy tree's state and layout, without React or the browser: which members are expanded,
// which pages of each frontline are loaded, the laid-out cards and links, and zoom arithmetic.
import { hierarchy, tree } from 'd3-hierarchy';

/** One page of a frontline: the API's page size. */
export const PAGE_SIZE = 50;

/** What a card shows of a member. */
export interface TreeMember {
  id: string;
  name: string;
  kind: 'customer' | 'partner';
  status: 'active' | 'inactive' | 'left';
  joinedOn: string;
  /** Size of the member's own frontline. */
  frontline: number;
  city?: string | null;
}

/** The loaded part of one sponsor's frontline, in the server's order. */
export interface Children {
  rows: readonly TreeMember[];
  total: number;
}

export interface TreeState {
  /** Members whose frontline is shown. */
  expanded: ReadonlySet<string>;
  /** Loaded frontline pages by sponsor; kept when a member is collapsed, so reopening is instant. */
  children: ReadonlyMap<string, Children>;
}

export interface FrontlinePage {
  total: number;
  rows: readonly TreeMember[];
}

export type FetchPage = (sponsorId: string, offset: number, limit: number) => Promise<FrontlinePage>;

export function emptyTreeState(): TreeState {
  return { expanded: new Set(), children: new Map() };
}

/** Adds a page fetched at `offset`; rows already present (the frontline changed meanwhile) are not doubled. */
export function withPage(
  state: TreeState,
  sponsorId: string,
  offset: number,
  page: FrontlinePage,
): TreeState {
  const before = state.children.get(sponsorId)?.rows.slice(0, offset) ?? [];
  const seen = new Set(before.map((r) => r.id));
  const rows = [...before];
  for (const row of page.rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  const children = new Map(state.children);
  // The total can never be below what is shown, even if members left between two pages.
  children.set(sponsorId, { rows, total: Math.max(page.total, rows.length) });
  return { ...state, children };
}

export function setExpanded(state: TreeState, id: string, expanded: boolean): TreeState {
  if (state.expanded.has(id) === expanded) return state;
  const next = new Set(state.expanded);
  if (expanded) next.add(id);
  else next.delete(id);
  return { ...state, expanded: next };
}

/** Where the next page of a sponsor's frontline starts. */
export function nextOffset(state: TreeState, sponsorId: string): number {
  return state.children.get(sponsorId)?.rows.length ?? 0;
}

/** Members of a loaded frontline not loaded yet; 0 when everything is there or nothing was loaded. */
export function remaining(children: Children | undefined): number {
  return children ? Math.max(0, children.total - children.rows.length) : 0;
}

export function hasChild(state: TreeState, sponsorId: string, childId: string): boolean {
  return state.children.get(sponsorId)?.rows.some((r) => r.id === childId) ?? false;
}

/** Every member currently known, by id (the root included). */
export function memberIndex(root: TreeMember, state: TreeState): Map<string, TreeMember> {
  const index = new Map<string, TreeMember>([[root.id, root]]);
  for (const { rows } of state.children.values()) for (const row of rows) index.set(row.id, row);
  return index;
}

/**
 * Loads pages of a sponsor's frontline until `childId` is among them or the frontline is exhausted.
 * Returns the new state and whether the child was found.
 */
export async function loadUntil(
  state: TreeState,
  sponsorId: string,
  childId: string,
  fetchPage: FetchPage,
  pageSize = PAGE_SIZE,
): Promise<{ state: TreeState; found: boolean }> {
  let current = state;
  while (!hasChild(current, sponsorId, childId)) {
    const loaded = current.children.get(sponsorId);
    if (loaded && loaded.rows.length >= loaded.total) return { state: current, found: false };
    const offset = nextOffset(current, sponsorId);
    const page = await fetchPage(sponsorId, offset, pageSize);
    const before = current.children.get(sponsorId)?.rows.length ?? 0;
    current = withPage(current, sponsorId, offset, page);
    // A page that adds nothing means the server has no more: stop rather than ask forever.
    if (
      (current.children.get(sponsorId)?.rows.length ?? 0) === before &&
      !hasChild(current, sponsorId, childId)
    )
      return { state: current, found: false };
  }
  return { state: current, found: true };
}

/**
 * Opens the way to a search match: `path` is the root followed by the members between the root and
 * the match (the match's sponsor last). Each sponsor's frontline is loaded (page by page) until the next
 * member of the path — finally the match — is present, and each sponsor is expanded.
 */
export async function reveal(
  initial: TreeState,
  path: readonly string[],
  targetId: string,
  fetchPage: FetchPage,
  pageSize = PAGE_SIZE,
): Promise<{ state: TreeState; found: boolean }> {
  let state = initial;
  for (let i = 0; i < path.length; i++) {
    const sponsorId = path[i]!;
    const childId = path[i + 1] ?? targetId;
    const result = await loadUntil(state, sponsorId, childId, fetchPage, pageSize);
    state = setExpanded(result.state, sponsorId, true);
    if (!result.found) return { state, found: false };
  }
  return { state, found: true };
}

/** A node of the drawn tree: a member's card, or the "show more" card at the end of a long frontline. */
export type TreeDatum =
  | { type: 'member'; id: string; member: TreeMember; expanded: boolean; children: TreeDatum[] }
  | { type: 'more'; id: string; sponsorId: string; shown: number; total: number; next: number; children: [] };

export const moreId = (sponsorId: string) => `more:${sponsorId}`;

/**
 * The visible tree: the root, and the loaded frontline of every expanded member (recursively). A member
 * appears once even if stale pages list it under two sponsors (it was moved meanwhile).
 */
export function buildTree(root: TreeMember, state: TreeState, pageSize = PAGE_SIZE): TreeDatum {
  const placed = new Set<string>([root.id]);
  const build = (member: TreeMember): TreeDatum => {
    const loaded = state.children.get(member.id);
    const expanded = state.expanded.has(member.id) && loaded !== undefined;
    const children: TreeDatum[] = [];
    if (expanded) {
      const fresh = loaded.rows.filter((row) => !placed.has(row.id));
      for (const row of fresh) placed.add(row.id);
      for (const row of fresh) children.push(build(row));
      const rest = remaining(loaded);
      if (rest > 0)
        children.push({
          type: 'more',
          id: moreId(member.id),
          sponsorId: member.id,
          shown: loaded.rows.length,
          total: loaded.total,
          next: Math.min(pageSize, rest),
          children: [],
        });
    }
    return { type: 'member', id: member.id, member, expanded, children };
  };
  return build(root);
}

export interface LayoutOptions {
  cardWidth: number;
  cardHeight: number;
  /** Space between a card and its frontline's column. */
  columnGap: number;
  /** Space between two cards of a column. */
  rowGap: number;
}

export interface LaidOutNode {
  datum: TreeDatum;
  /** Top-left corner of the card. */
  x: number;
  y: number;
  depth: number;
}

export interface LaidOutLink {
  id: string;
  /** SVG path from the parent's right edge to the child's left edge. */
  d: string;
}

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Layout {
  /** Cards in depth-first order (a member, then its frontline): the reading and tab order. */
  nodes: LaidOutNode[];
  links: LaidOutLink[];
  byId: Map<string, LaidOutNode>;
  bounds: Bounds;
}

/** Left-to-right layout: each level is a column, the root's card has its top-left corner at (0, 0). */
export function layoutTree(data: TreeDatum, o: LayoutOptions): Layout {
  const root = hierarchy<TreeDatum>(data, (d) => d.children);
  tree<TreeDatum>()
    .nodeSize([o.cardHeight + o.rowGap, o.cardWidth + o.columnGap])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);
  // d3 lays out top-down: its x runs along a level, y along the depth. Turned here: depth goes right.
  const offset = root.x ?? 0;
  const nodes: LaidOutNode[] = [];
  const links: LaidOutLink[] = [];
  const byId = new Map<string, LaidOutNode>();
  const bounds: Bounds = { x0: 0, y0: 0, x1: o.cardWidth, y1: o.cardHeight };
  root.eachBefore((n) => {
    const node: LaidOutNode = { datum: n.data, x: n.y ?? 0, y: (n.x ?? 0) - offset, depth: n.depth };
    nodes.push(node);
    byId.set(n.data.id, node);
    bounds.x0 = Math.min(bounds.x0, node.x);
    bounds.y0 = Math.min(bounds.y0, node.y);
    bounds.x1 = Math.max(bounds.x1, node.x + o.cardWidth);
    bounds.y1 = Math.max(bounds.y1, node.y + o.cardHeight);
    const parent = n.parent && byId.get(n.parent.data.id);
    if (parent) {
      const sx = parent.x + o.cardWidth;
      const sy = parent.y + o.cardHeight / 2;
      const tx = node.x;
      const ty = node.y + o.cardHeight / 2;
      const mx = (sx + tx) / 2;
      links.push({
        id: `${parent.datum.id}>${node.datum.id}`,
        d: `M${sx},${sy}C${mx},${sy} ${mx},${ty} ${tx},${ty}`,
      });
    }
  });
  return { nodes, links, byId, bounds };
}

/** A zoom transform: screen = layout × k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The view that shows the whole bounds, centered, at most at natural size. */
export function fitView(
  bounds: Bounds,
  viewport: Size,
  padding: number,
  minScale: number,
  maxScale = 1,
): View {
  const w = Math.max(1, bounds.x1 - bounds.x0);
  const h = Math.max(1, bounds.y1 - bounds.y0);
  const k = clamp(
    Math.min((viewport.width - 2 * padding) / w, (viewport.height - 2 * padding) / h),
    minScale,
    maxScale,
  );
  return {
    k,
    x: (viewport.width - w * k) / 2 - bounds.x0 * k,
    y: (viewport.height - h * k) / 2 - bounds.y0 * k,
  };
}

/** The view at scale k with the layout point (px, py) in the middle of the viewport. */
export function centerView(px: number, py: number, viewport: Size, k: number): View {
  return { k, x: viewport.width / 2 - px * k, y: viewport.height / 2 - py * k };
}

/** Moves a view as little as possible so that the layout rectangle is inside the viewport (less padding). */
export function keepInView(view: View, rect: Bounds, viewport: Size, padding: number): View {
  const shift = (lo: number, hi: number, size: number) => {
    if (hi - lo > size - 2 * padding) return padding - lo; // too large: show its start
    if (lo < padding) return padding - lo;
    if (hi > size - padding) return size - padding - hi;
    return 0;
  };
  const dx = shift(rect.x0 * view.k + view.x, rect.x1 * view.k + view.x, viewport.width);
  const dy = shift(rect.y0 * view.k + view.y, rect.y1 * view.k + view.y, viewport.height);
  return { k: view.k, x: view.x + dx, y: view.y + dy };
}
