// Zoom and pan of the genealogy tree (d3-zoom on the tree area), and where the view goes after a layout:
// the first placement, keeping a card in place while the tree changes around it, centering a search
// result, following the keyboard focus.
import { select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, zoom, zoomIdentity } from 'd3-zoom';
import { type FocusEvent, useCallback, useLayoutEffect, useReducer, useRef } from 'react';
import {
  type Bounds,
  centerView,
  fitView,
  keepInView,
  type Layout,
  moreId,
  type Size,
  type View,
} from './model.ts';
import { CARD_HEIGHT, CARD_WIDTH, COLUMN_GAP } from './TreeCard.tsx';

/** Room kept between the cards and the edge of the tree area; the toggle sticks out on the right. */
const PAD = 20;
/** How far a card's expand toggle sticks out on its right. */
const TOGGLE_OVERHANG = 20;
const MIN_SCALE = 0.1;
const MAX_SCALE = 2.5;
const ZOOM_STEP = 1.4;
/** Zoom the tree is brought to (at least) when a search result is centered. */
const READABLE_SCALE = 0.8;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

type Pending =
  /** First placement: the root at the left, vertically centered, its frontline in view. */
  | { type: 'initial' }
  /** Keep a card where another (or the same) card was on screen; `reveal`: bring its frontline into view. */
  | { type: 'anchor'; id: string; sx: number; sy: number; reveal: boolean }
  /** Center a card (a search result). */
  | { type: 'center'; id: string };

/** What the loading of the tree asks of the view, carried out after the next layout. */
export interface ViewPlacement {
  /** After the next layout, put card `to` where card `from` is now (and maybe bring its frontline in view). */
  anchor: (from: string, to: string, revealChildren: boolean) => void;
  /** After the next layout, center a card; a render follows even if nothing else changes. */
  centerOn: (id: string) => void;
  /** After the next layout, move the keyboard focus to a card's link. */
  focusAfterRender: (id: string) => void;
}

/** Zoom and pan for the laid-out `tree`: attach `viewportRef` to the clipped area, `stageRef` to what moves. */
export function useTreeZoom(tree: Layout) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const layoutRef = useRef(tree);
  layoutRef.current = tree;

  const viewportRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const viewRef = useRef<View>({ x: 0, y: 0, k: 1 });
  const pendingRef = useRef<Pending | null>({ type: 'initial' });
  const focusRef = useRef<string | null>(null);

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

  const anchor = (from: string, to: string, revealChildren: boolean) => {
    if (pendingRef.current?.type === 'initial') return;
    const at = screenOf(from);
    if (at) pendingRef.current = { type: 'anchor', id: to, ...at, reveal: revealChildren };
  };

  const centerOn = (id: string) => {
    pendingRef.current = { type: 'center', id };
    rerender();
  };

  const focusAfterRender = (id: string) => {
    focusRef.current = id;
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

  const placement: ViewPlacement = { anchor, centerOn, focusAfterRender };
  return {
    viewportRef,
    stageRef,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit,
    onFocus,
    placement,
  };
}
