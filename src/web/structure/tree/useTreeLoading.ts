// Loading of the genealogy tree: a member's frontline when it is opened, the next page of a long
// frontline, and the way down to a search result; one request per card at a time, with its progress,
// failure and retry for the tree to show.
import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frontlineQuery } from '../api.ts';
import {
  type FetchPage,
  moreId,
  nextOffset,
  PAGE_SIZE,
  reveal,
  setExpanded,
  type TreeState,
  withPage,
} from './model.ts';
import type { SearchHit } from './TreeSearch.tsx';
import type { ViewPlacement } from './useTreeZoom.ts';

/** A frontline page stays fresh this long: collapsing and reopening or searching again costs no request. */
const STALE_TIME = 60_000;

export interface Failure {
  name: string;
  error: unknown;
  retry: () => void;
}

interface TreeLoadingOptions {
  root: { id: string; name: string };
  /** The latest tree state, and how to replace it. */
  stateRef: RefObject<TreeState>;
  commit: (next: TreeState) => void;
  /** The name shown on a card (for failures). */
  nameOf: (id: string) => string;
  view: ViewPlacement;
}

/** Requests of the tree; the root's frontline is opened at once. */
export function useTreeLoading({ root, stateRef, commit, nameOf, view }: TreeLoadingOptions) {
  const { t } = useTranslation('tree');
  const queryClient = useQueryClient();
  const inflight = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);

  const fetchPage = useCallback<FetchPage>(
    (id, offset, limit) =>
      queryClient.fetchQuery({ ...frontlineQuery(id, offset, limit), staleTime: STALE_TIME }),
    [queryClient],
  );

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
      view.anchor(id, id, open);
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
        view.anchor(id, id, true);
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
          view.anchor(key, first.id, false);
          view.focusAfterRender(first.id);
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

  /** Opens the tree down to a search result, then centers and focuses it. */
  const goTo = async (hit: SearchHit) => {
    const targetId = hit.member.id;
    const path = targetId === root.id ? [] : [root.id, ...hit.trail.map((m) => m.id)];
    setNotice(null);
    setFailure(null);
    setRevealing(true);
    try {
      const result = await reveal(stateRef.current, path, targetId, fetchPage);
      commit(result.state);
      if (result.found) {
        // Centered even when the tree was already open that far (nothing else to render).
        view.centerOn(targetId);
        view.focusAfterRender(targetId);
        setHighlight(targetId);
      } else {
        setHighlight(null);
        setNotice(t('error.notFound', { name: hit.member.name }));
      }
    } catch (error) {
      setFailure({ name: hit.trail.at(-1)?.name ?? root.name, error, retry: () => void goTo(hit) });
    } finally {
      setRevealing(false);
    }
  };

  return {
    busy,
    failure,
    dismissFailure: () => setFailure(null),
    notice,
    dismissNotice: () => setNotice(null),
    highlight,
    revealing,
    onToggle,
    onMore,
    goTo,
  };
}
