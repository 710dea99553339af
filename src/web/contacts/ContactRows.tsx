// Contacts as one long list that scrolls with the page: only the rows in view are in the DOM, and only the
// pages of 100 in view (and the first, which counts them all) are loaded. Each page is a query of its own,
// so after a change only those pages are fetched again, not every page scrolled past — 10,000 contacts
// scroll as smoothly as ten, and "back" from a contact finds the list, and its place, as it was.
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { queryOptions, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import {
  CONTACTS_KEY,
  type ContactFilter,
  type ContactSort,
  fetchContacts,
  type ContactRows as Page,
} from './api.ts';
import { ContactRow, ContactRowPlaceholder, ROW_HEIGHT } from './ContactRow.tsx';

const PAGE = 100;
/** Rows ahead of the view whose page is loaded before it scrolls in. */
const AHEAD = 20;
/** A city group grows by this many rows at a time. */
const GROUP_PAGE = 50;

const pageQuery = (
  filter: ContactFilter,
  today: string,
  sort: ContactSort,
  direction: 'asc' | 'desc',
  page: number,
) =>
  queryOptions({
    queryKey: [...CONTACTS_KEY, 'list', filter, today, sort, direction, page],
    queryFn: () => fetchContacts(filter, today, { sort, direction }, page * PAGE, PAGE),
  });

/** Distance of an element from the top of the document, kept up to date as the page above it changes. */
function useOffsetTop<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return [ref, top] as const;
}

/** The pages holding rows `first`…`last` (and a little ahead), without page 0, which is always loaded. */
function pagesBetween(first: number | undefined, last: number | undefined, total: number): number[] {
  if (first === undefined || last === undefined || total === 0) return [];
  const from = Math.max(1, Math.floor(first / PAGE));
  const to = Math.floor(Math.min(last + AHEAD, total - 1) / PAGE);
  const pages: number[] = [];
  for (let page = from; page <= to; page++) pages.push(page);
  return pages;
}

export function ContactRows({
  filter,
  today,
  sort,
  direction,
  country,
  emptyText,
}: {
  filter: ContactFilter;
  today: string;
  sort: ContactSort;
  direction: 'asc' | 'desc';
  country: string | null;
  emptyText: string;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const first = useQuery(pageQuery(filter, today, sort, direction, 0));
  // The first page counts them all: the list is as tall as every row at once, loaded or not.
  const total = first.data?.total ?? 0;
  const [listRef, offsetTop] = useOffsetTop<HTMLDivElement>();

  const virtualizer = useWindowVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: offsetTop,
  });
  const items = virtualizer.getVirtualItems();
  const inView = pagesBetween(items[0]?.index, items.at(-1)?.index, total);
  const others = useQueries({
    queries: inView.map((page) => pageQuery(filter, today, sort, direction, page)),
  });
  const pages = new Map<number, Page | undefined>([
    [0, first.data],
    ...inView.map((page, i) => [page, others[i]?.data] as const),
  ]);
  const error = first.error ?? others.find((q) => q.error)?.error;

  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" data-testid="contacts-total" aria-live="polite">
        {first.isPending
          ? t('list.loading')
          : t('list.total', { count: total, formatted: format.number(total) })}
      </Text>
      {error && <Text c="red">{errorMessage(t, error)}</Text>}
      <div ref={listRef} data-testid="contact-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const page = pages.get(Math.floor(item.index / PAGE));
            const row = page?.rows[item.index % PAGE];
            return (
              <div
                // By position: a page loaded later may hold, for a moment, a row another page still shows.
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                }}
              >
                {row ? (
                  <ContactRow contact={row} today={today} country={country} />
                ) : page ? null : (
                  <ContactRowPlaceholder />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {first.isSuccess && total === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {emptyText}
        </Text>
      )}
    </Stack>
  );
}

/** A short list that grows by a button (inside a city group, where a window of its own would not fit). */
export function ContactRowsPaged({
  filter,
  today,
  country,
}: {
  filter: ContactFilter;
  today: string;
  country: string | null;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const query = useInfiniteQuery({
    queryKey: [...CONTACTS_KEY, 'group', filter, today],
    queryFn: ({ pageParam }) =>
      fetchContacts(filter, today, { sort: 'name', direction: 'asc' }, pageParam, GROUP_PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  if (query.isPending)
    return (
      <Group justify="center" py="xs">
        <Loader size="sm" />
      </Group>
    );
  if (query.isError) return <Text c="red">{errorMessage(t, query.error)}</Text>;
  // What the button loads: the next page, or fewer when fewer are left.
  const next = Math.min(GROUP_PAGE, total - rows.length);
  return (
    <Stack gap={0}>
      {rows.map((row) => (
        <ContactRow key={row.id} contact={row} today={today} country={country} showCity={false} />
      ))}
      {query.hasNextPage && next > 0 && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={4}
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('list.more', { count: next, formatted: format.number(next) })}
        </Button>
      )}
    </Stack>
  );
}
