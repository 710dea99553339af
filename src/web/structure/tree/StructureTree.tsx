// The interactive genealogy tree: a member's downline drawn left to right, loaded frontline by frontline
// as the person opens it (never the whole downline), with zoom and pan, and search that opens the way
// to a member.
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsMinimize,
  IconInfoCircle,
  IconUserPlus,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, zoom, zoomIdentity } from 'd3-zoom';
import {
  type FocusEvent,
  type JSX,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { frontlineQuery } from '../api.ts';
import {
  type Bounds,
  buildTree,
  centerView,
  emptyTreeState,
  type FetchPage,
  fitView,
  keepInView,
  layoutTree,
  moreId,
  nextOffset,
  PAGE_SIZE,
  reveal,
  type Size,
  setExpanded,
  type TreeMember,
  type TreeState,
  type View,
  withPage,
} from './model.ts';
import { CARD_HEIGHT, CARD_WIDTH, MemberCard, MoreCard } from './TreeCard.tsx';
import { type SearchHit, TreeSearch } from './TreeSearch.tsx';
import classes from './tree.module.css';

export interface StructureTreeRoot {
  id: string;
  name: string;
  kind: 'customer' | 'partner';
  status: 'active' | 'inactive' | 'left';
  joinedOn: string;
  frontline: number;
}

const COLUMN_GAP = 48;
const ROW_GAP = 12;
const LAYOUT = { cardWidth: CARD_WIDTH, cardHeight: CARD_HEIGHT, columnGap: COLUMN_GAP, rowGap: ROW_GAP };
/** Room kept between the cards and the edge of the tree area; the toggle sticks out on the right. */
const PAD = 20;
/** How far a card's expand toggle sticks out on its right. */
const TOGGLE_OVERHANG = 20;
const MIN_SCALE = 0.1;
const MAX_SCALE = 2.5;
const ZOOM_STEP = 1.4;
/** Zoom the tree is brought to (at least) when a search result is centered. */
const READABLE_SCALE = 0.8;
/** A frontline page stays fresh this long: collapsing and reopening or searching again costs no request. */
const STALE_TIME = 60_000;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

type Pending =
  /** First placement: the root at the left, vertically centered, its frontline in view. */
  | { type: 'initial' }
  /** Keep a card where another (or the same) card was on screen; `reveal`: bring its frontline into view. */
  | { type: 'anchor'; id: string; sx: number; sy: number; reveal: boolean }
  /** Center a card (a search result). */
  | { type: 'center'; id: string };

interface Failure {
  name: string;
  error: unknown;
  retry: () => void;
}

/** The downline of `root` as a zoomable tree; the root's frontline is opened at once. */
export function StructureTree({ root }: { root: StructureTreeRoot }): JSX.Element {
  if (root.frontline <= 0) return <EmptyTree />;
  return <TreeView key={root.id} root={root} />;
}

function EmptyTree() {
  const { t } = useTranslation('tree');
  return (
    <Card withBorder padding="lg" data-testid="tree-empty">
      <Stack align="center" gap="xs" py="md" ta="center">
        <ThemeIcon variant="light" size="xl" radius="xl">
          <IconUserPlus aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h4">
          {t('empty.title')}
        </Title>
        <Text c="dimmed" maw={420}>
          {t('empty.body')}
        </Text>
      </Stack>
    </Card>
  );
}

function TreeView({ root }: { root: StructureTreeRoot }) {
  const { t } = useTranslation('tree');
  const queryClient = useQueryClient();
  const rootMember = useMemo<TreeMember>(
    () => ({
      id: root.id,
      name: root.name,
      kind: root.kind,
      status: root.status,
      joinedOn: root.joinedOn,
      frontline: root.frontline,
    }),
    [root.id, root.name, root.kind, root.status, root.joinedOn, root.frontline],
  );

  // The tree state lives in a ref as well, so that sequences of requests (search, paging) build on the
  // latest state rather than on the render they started in.
  const [state, setState] = useState<TreeState>(emptyTreeState);
  const stateRef = useRef(state);
  const commit = useCallback((next: TreeState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const inflight = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const tree = useMemo(() => layoutTree(buildTree(rootMember, state), LAYOUT), [rootMember, state]);
  const layoutRef = useRef(tree);
  layoutRef.current = tree;

  const viewportRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const viewRef = useRef<View>({ x: 0, y: 0, k: 1 });
  const pendingRef = useRef<Pending | null>({ type: 'initial' });
  const focusRef = useRef<string | null>(null);

  const fetchPage = useCallback<FetchPage>(
    (id, offset, limit) =>
      queryClient.fetchQuery({ ...frontlineQuery(id, offset, limit), staleTime: STALE_TIME }),
    [queryClient],
  );

  // ---- zoom and pan -------------------------------------------------------------------------------

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    const stage = stageRef.current;
    if (!viewport || !stage) return;
    const behavior = zoom<HTMLDivElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        const { x, y, k } = event.transform;
        viewRef.current = { x, y, k };
        stage.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
      });
    const selection = select(viewport);
    // A double tap on a card's buttons must not zoom.
    selection.call(behavior).on('dblclick.zoom', null);
    zoomRef.current = behavior;
    // Focusing a card outside the area makes the browser scroll the clipped area: turn that into a pan.
    const onScroll = () => {
      const { scrollLeft, scrollTop } = viewport;
      if (!scrollLeft && !scrollTop) return;
      viewport.scrollLeft = 0;
      viewport.scrollTop = 0;
      const v = viewRef.current;
      behavior.transform(selection, zoomIdentity.translate(v.x - scrollLeft, v.y - scrollTop).scale(v.k));
    };
    viewport.addEventListener('scroll', onScroll);
    // A tree in a hidden tab has no size yet: place it once it gets one.
    const observer = new ResizeObserver(() => rerender());
    observer.observe(viewport);
    return () => {
      observer.disconnect();
      viewport.removeEventListener('scroll', onScroll);
      selection.on('.zoom', null);
      zoomRef.current = null;
    };
  }, []);

  const viewportSize = useCallback((): Size | null => {
    const el = viewportRef.current;
    if (!el || el.clientWidth === 0 || el.clientHeight === 0) return null;
    return { width: el.clientWidth, height: el.clientHeight };
  }, []);

  const applyView = useCallback((v: View) => {
    const el = viewportRef.current;
    const behavior = zoomRef.current;
    if (!el || !behavior) return;
    const k = clamp(v.k, MIN_SCALE, MAX_SCALE);
    behavior.transform(select(el), zoomIdentity.translate(v.x, v.y).scale(k));
  }, []);

  const zoomBy = (factor: number) => {
    const size = viewportSize();
    if (!size) return;
    const v = viewRef.current;
    const k = clamp(v.k * factor, MIN_SCALE, MAX_SCALE);
    const cx = size.width / 2;
    const cy = size.height / 2;
    applyView({ k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k });
  };

  const fit = () => {
    const size = viewportSize();
    if (size) applyView(fitView(tree.bounds, size, PAD, MIN_SCALE, 1));
  };

  /** Where a card currently is on screen. */
  const screenOf = (id: string) => {
    const node = layoutRef.current.byId.get(id);
    const v = viewRef.current;
    return node ? { sx: node.x * v.k + v.x, sy: node.y * v.k + v.y } : null;
  };

  /** After the next layout, put card `to` where card `from` is now. */
  const anchor = (from: string, to: string, revealChildren: boolean) => {
    if (pendingRef.current?.type === 'initial') return;
    const at = screenOf(from);
    if (at) pendingRef.current = { type: 'anchor', id: to, ...at, reveal: revealChildren };
  };

  // After every render: carry out a pending placement and focus, once the area has a size.
  useLayoutEffect(() => {
    const size = viewportSize();
    const pending = pendingRef.current;
    if (size && pending) {
      pendingRef.current = null;
      const v = viewRef.current;
      if (pending.type === 'initial') {
        // On a phone: small enough that the root and its frontline fit side by side, but still legible.
        const k = clamp(size.width / (2 * CARD_WIDTH + COLUMN_GAP + TOGGLE_OVERHANG + 2 * PAD), 0.65, 1);
        applyView({ k, x: PAD, y: size.height / 2 - (CARD_HEIGHT / 2) * k });
      } else {
        const node = tree.byId.get(pending.id);
        if (node && pending.type === 'anchor') {
          let next: View = { k: v.k, x: pending.sx - node.x * v.k, y: pending.sy - node.y * v.k };
          if (pending.reveal) {
            // The right half of the card and the column of its frontline.
            const rect: Bounds = {
              x0: node.x + CARD_WIDTH / 2,
              y0: node.y,
              x1: node.x + 2 * CARD_WIDTH + COLUMN_GAP + TOGGLE_OVERHANG,
              y1: node.y + CARD_HEIGHT,
            };
            next = keepInView(next, rect, size, PAD);
          }
          applyView(next);
        } else if (node) {
          const k = Math.max(v.k, READABLE_SCALE);
          applyView(centerView(node.x + CARD_WIDTH / 2, node.y + CARD_HEIGHT / 2, size, k));
        }
      }
    }
    const focusId = focusRef.current;
    if (focusId && stageRef.current) {
      focusRef.current = null;
      stageRef.current
        .querySelector<HTMLElement>(`[data-node-id="${focusId}"] a`)
        ?.focus({ preventScroll: true });
    }
  });

  /** A card that gets the keyboard focus is brought into view. */
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id], [data-more-id]');
    const id = card?.dataset.nodeId ?? (card?.dataset.moreId ? moreId(card.dataset.moreId) : undefined);
    const node = id ? tree.byId.get(id) : undefined;
    const size = viewportSize();
    if (!node || !size) return;
    const v = viewRef.current;
    // Reached by keyboard while the tree is zoomed out too far to read: zoom in on the card.
    if (v.k < READABLE_SCALE && (event.target as HTMLElement).matches(':focus-visible')) {
      applyView(centerView(node.x + CARD_WIDTH / 2, node.y + CARD_HEIGHT / 2, size, READABLE_SCALE));
      return;
    }
    const rect = {
      x0: node.x,
      y0: node.y,
      x1: node.x + CARD_WIDTH + TOGGLE_OVERHANG,
      y1: node.y + CARD_HEIGHT,
    };
    const next = keepInView(v, rect, size, 8);
    if (next.x !== v.x || next.y !== v.y) applyView(next);
  };

  // ---- loading --------------------------------------------------------------------------------------

  const nameOf = (id: string) => {
    const datum = layoutRef.current.byId.get(id)?.datum;
    return datum?.type === 'member' ? datum.member.name : root.name;
  };

  /** Runs one request for a card, once at a time, showing its progress and any failure. */
  const run = async (key: string, name: string, retry: () => void, work: () => Promise<void>) => {
    if (inflight.current.has(key)) return;
    inflight.current.add(key);
    setBusy(new Set(inflight.current));
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure({ name, error, retry });
    } finally {
      inflight.current.delete(key);
      setBusy(new Set(inflight.current));
    }
  };

  const actions = useRef({
    toggle: (_id: string) => {},
    more: (_sponsorId: string) => {},
  });

  actions.current.toggle = (id: string) => {
    const s = stateRef.current;
    if (s.children.has(id)) {
      const open = !s.expanded.has(id);
      anchor(id, id, open);
      commit(setExpanded(s, id, open));
      return;
    }
    void run(
      id,
      nameOf(id),
      () => actions.current.toggle(id),
      async () => {
        const page = await fetchPage(id, 0, PAGE_SIZE);
        const current = stateRef.current;
        anchor(id, id, true);
        commit(setExpanded(current.children.has(id) ? current : withPage(current, id, 0, page), id, true));
      },
    );
  };

  actions.current.more = (sponsorId: string) => {
    const key = moreId(sponsorId);
    void run(
      key,
      nameOf(sponsorId),
      () => actions.current.more(sponsorId),
      async () => {
        const offset = nextOffset(stateRef.current, sponsorId);
        const page = await fetchPage(sponsorId, offset, PAGE_SIZE);
        const next = withPage(stateRef.current, sponsorId, offset, page);
        const first = next.children.get(sponsorId)?.rows[offset];
        if (first) {
          // The first new card takes the place of the "show more" card, and the focus moves to it.
          anchor(key, first.id, false);
          focusRef.current = first.id;
        }
        commit(next);
      },
    );
  };

  const onToggle = useCallback((id: string) => actions.current.toggle(id), []);
  const onMore = useCallback((sponsorId: string) => actions.current.more(sponsorId), []);

  // The root's frontline is shown from the start.
  useEffect(() => {
    actions.current.toggle(root.id);
  }, [root.id]);

  const goTo = async (hit: SearchHit) => {
    const targetId = hit.member.id;
    const path = targetId === root.id ? [] : [root.id, ...hit.trail.map((m) => m.id)];
    setNotice(null);
    setFailure(null);
    setRevealing(true);
    try {
      const result = await reveal(stateRef.current, path, targetId, fetchPage);
      if (result.found) {
        pendingRef.current = { type: 'center', id: targetId };
        focusRef.current = targetId;
        setHighlight(targetId);
      } else {
        setHighlight(null);
        setNotice(t('error.notFound', { name: hit.member.name }));
      }
      commit(result.state);
      rerender();
    } catch (error) {
      setFailure({ name: hit.trail.at(-1)?.name ?? root.name, error, retry: () => void goTo(hit) });
    } finally {
      setRevealing(false);
    }
  };

  // ---- drawing --------------------------------------------------------------------------------------

  const rootChildren = state.children.get(root.id);
  const initialLoading = !rootChildren && busy.has(root.id);
  const { bounds } = tree;

  return (
    <Stack gap="xs" data-testid="structure-tree">
      <TreeSearch rootId={root.id} busy={revealing} onPick={(hit) => void goTo(hit)} />
      {rootChildren && rootChildren.total === 0 ? (
        <EmptyTree />
      ) : (
        <div className={classes.frame}>
          {/* Before the tree in the tab order: reachable without tabbing through every card. */}
          <Stack gap={6} className={classes.controls} role="group" aria-label={t('zoom.controls')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('zoom.in')}
              onClick={() => zoomBy(ZOOM_STEP)}
            >
              <IconZoomIn size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('zoom.out')}
              onClick={() => zoomBy(1 / ZOOM_STEP)}
            >
              <IconZoomOut size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.fit')} onClick={fit}>
              <IconArrowsMinimize size={18} aria-hidden />
            </ActionIcon>
          </Stack>

          {/* biome-ignore lint/a11y/useSemanticElements: a labelled region around the drawn tree */}
          <div
            ref={viewportRef}
            className={classes.viewport}
            role="region"
            aria-label={t('region', { name: root.name })}
            aria-busy={busy.size > 0 || revealing || undefined}
            onFocus={onFocus}
            data-testid="tree-viewport"
          >
            <div ref={stageRef} className={classes.stage}>
              <svg
                className={classes.links}
                style={{ left: bounds.x0, top: bounds.y0 }}
                width={bounds.x1 - bounds.x0}
                height={bounds.y1 - bounds.y0}
                viewBox={`${bounds.x0} ${bounds.y0} ${bounds.x1 - bounds.x0} ${bounds.y1 - bounds.y0}`}
                aria-hidden
              >
                {tree.links.map((link) => (
                  <path key={link.id} d={link.d} />
                ))}
              </svg>
              {tree.nodes.map(({ datum, x, y }) =>
                datum.type === 'member' ? (
                  <MemberCard
                    key={datum.id}
                    member={datum.member}
                    x={x}
                    y={y}
                    frontline={state.children.get(datum.id)?.total ?? datum.member.frontline}
                    expanded={datum.expanded}
                    loading={busy.has(datum.id)}
                    highlighted={highlight === datum.id}
                    isRoot={datum.id === root.id}
                    onToggle={onToggle}
                  />
                ) : (
                  <MoreCard
                    key={datum.id}
                    sponsorId={datum.sponsorId}
                    sponsorName={nameOf(datum.sponsorId)}
                    x={x}
                    y={y}
                    next={datum.next}
                    shown={datum.shown}
                    total={datum.total}
                    loading={busy.has(datum.id)}
                    onMore={onMore}
                  />
                ),
              )}
            </div>
          </div>

          {initialLoading && (
            <Center pos="absolute" inset={0} role="status" aria-label={t('loading')}>
              <Loader />
            </Center>
          )}

          {(failure || notice) && (
            <div className={classes.overlay}>
              {failure ? (
                <Alert
                  color="red"
                  icon={<IconAlertTriangle aria-hidden />}
                  role="alert"
                  withCloseButton
                  closeButtonLabel={t('error.dismiss')}
                  onClose={() => setFailure(null)}
                  data-testid="tree-error"
                >
                  <Text size="sm">
                    {t('error.load', { name: failure.name, message: errorMessage(t, failure.error) })}
                  </Text>
                  <Button size="xs" variant="light" color="red" mt="xs" onClick={failure.retry}>
                    {t('error.retry')}
                  </Button>
                </Alert>
              ) : (
                <Alert
                  color="yellow"
                  icon={<IconInfoCircle aria-hidden />}
                  role="status"
                  withCloseButton
                  closeButtonLabel={t('error.dismiss')}
                  onClose={() => setNotice(null)}
                >
                  <Text size="sm">{notice}</Text>
                </Alert>
              )}
            </div>
          )}
        </div>
      )}
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('help')}
        </Text>
      </Group>
    </Stack>
  );
}
