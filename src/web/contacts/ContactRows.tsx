// Contacts as one long list that scrolls with the page: pages of 100 load as you come near the end, and
// only the rows in view are in the DOM, so 10,000 contacts scroll as smoothly as ten.
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { CONTACTS_KEY, type ContactFilter, type ContactSort, fetchContacts } from './api.ts';
import { ContactRow, ROW_HEIGHT } from './ContactRow.tsx';

const PAGE = 100;

function useContactPages(
  filter: ContactFilter,
  today: string,
  sort: ContactSort,
  direction: 'asc' | 'desc',
  pageSize: number,
) {
  const query = useInfiniteQuery({
    queryKey: [...CONTACTS_KEY, 'list', filter, today, sort, direction, pageSize],
    queryFn: ({ pageParam }) => fetchContacts(filter, today, { sort, direction }, pageParam, pageSize),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  return { query, rows, total: query.data?.pages[0]?.total ?? 0 };
}

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
  const { query, rows, total } = useContactPages(filter, today, sort, direction, PAGE);
  const [listRef, offsetTop] = useOffsetTop<HTMLDivElement>();

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: offsetTop,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && query.hasNextPage && !query.isFetchingNextPage)
      void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" data-testid="contacts-total" aria-live="polite">
        {query.isPending
          ? t('list.loading')
          : t('list.total', { count: total, formatted: format.number(total) })}
      </Text>
      {query.isError && <Text c="red">{errorMessage(t, query.error)}</Text>}
      <div ref={listRef} data-testid="contact-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                }}
              >
                <ContactRow contact={row} today={today} country={country} />
              </div>
            );
          })}
        </div>
      </div>
      {query.isFetchingNextPage && (
        <Group justify="center" py="xs">
          <Loader size="sm" />
        </Group>
      )}
      {!query.isPending && !query.isError && rows.length === 0 && (
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
  const { query, rows, total } = useContactPages(filter, today, 'name', 'asc', 50);
  if (query.isPending)
    return (
      <Group justify="center" py="xs">
        <Loader size="sm" />
      </Group>
    );
  if (query.isError) return <Text c="red">{errorMessage(t, query.error)}</Text>;
  return (
    <Stack gap={0}>
      {rows.map((row) => (
        <ContactRow key={row.id} contact={row} today={today} country={country} showCity={false} />
      ))}
      {query.hasNextPage && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={4}
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('list.more', { count: total - rows.length })}
        </Button>
      )}
    </Stack>
  );
}
