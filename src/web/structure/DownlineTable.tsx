// The downline as a list: filters, sort, CSV export, and a virtualized body that loads pages as you
// scroll, so a downline of 100,000 renders only the rows in view.
import {
  ActionIcon,
  Button,
  Card,
  Collapse,
  Group,
  Loader,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconDownload,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { type DownlineParams, downlineCsvUrl, fetchDownline } from './api.ts';
import { MemberBadges } from './MemberBadges.tsx';

const PAGE = 100;
const ROW_HEIGHT = 64;

type Sort = NonNullable<DownlineParams['sort']>;

export function DownlineTable({ rootId }: { rootId: string }) {
  const { t } = useTranslation('structure');
  const format = useFormat();
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const [q, setQ] = useState('');
  const [city, setCity] = useState('');
  const [filter, setFilter] = useState<Omit<DownlineParams, 'q' | 'city' | 'sort' | 'direction'>>({});
  const [sort, setSort] = useState<Sort>('tree');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [debouncedCity] = useDebouncedValue(city.trim(), 250);
  const params: DownlineParams = useMemo(
    () => ({ ...filter, q: debouncedQ || undefined, city: debouncedCity || undefined, sort, direction }),
    [filter, debouncedQ, debouncedCity, sort, direction],
  );

  const query = useInfiniteQuery({
    queryKey: ['downline', rootId, params],
    queryFn: ({ pageParam }) => fetchDownline(rootId, params, pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && query.hasNextPage && !query.isFetchingNextPage)
      void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

  const setNumber = (key: 'minDepth' | 'maxDepth') => (value: string | number) =>
    setFilter((f) => ({ ...f, [key]: typeof value === 'number' && value > 0 ? value : undefined }));

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('table.search')}
          aria-label={t('table.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <ActionIcon
          variant={filtersOpen ? 'filled' : 'default'}
          size="lg"
          onClick={toggleFilters}
          aria-label={t('table.filters')}
          aria-expanded={filtersOpen}
        >
          <IconAdjustmentsHorizontal size={18} />
        </ActionIcon>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label={t('table.export')}>
              <IconDownload size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('table.export')}</Menu.Label>
            <Menu.Item component="a" href={downlineCsvUrl(rootId, params, 'comma')} download>
              {t('table.csvComma')}
            </Menu.Item>
            <Menu.Item component="a" href={downlineCsvUrl(rootId, params, 'semicolon')} download>
              {t('table.csvSemicolon')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      <Collapse expanded={filtersOpen}>
        <Card withBorder padding="sm">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Select
              label={t('table.kind')}
              clearable
              data={[
                { value: 'partner', label: t('kind.partner') },
                { value: 'customer', label: t('kind.customer') },
              ]}
              value={filter.kind ?? null}
              onChange={(v) => setFilter((f) => ({ ...f, kind: (v as DownlineParams['kind']) ?? undefined }))}
            />
            <Select
              label={t('table.status')}
              clearable
              data={(['active', 'inactive', 'left'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
              value={filter.status ?? null}
              onChange={(v) =>
                setFilter((f) => ({ ...f, status: (v as DownlineParams['status']) ?? undefined }))
              }
            />
            <TextInput
              label={t('table.city')}
              value={city}
              onChange={(e) => setCity(e.currentTarget.value)}
            />
            <Group gap="xs" grow>
              <NumberInput
                label={t('table.minLevel')}
                min={1}
                value={filter.minDepth ?? ''}
                onChange={setNumber('minDepth')}
              />
              <NumberInput
                label={t('table.maxLevel')}
                min={1}
                value={filter.maxDepth ?? ''}
                onChange={setNumber('maxDepth')}
              />
            </Group>
            <TextInput
              type="date"
              label={t('table.joinedFrom')}
              value={filter.joinedFrom ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, joinedFrom: e.currentTarget.value || undefined }))}
            />
            <TextInput
              type="date"
              label={t('table.joinedTo')}
              value={filter.joinedTo ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, joinedTo: e.currentTarget.value || undefined }))}
            />
            <Select
              label={t('table.sort')}
              allowDeselect={false}
              data={(['tree', 'name', 'joinedOn', 'depth', 'city'] as const).map((s) => ({
                value: s,
                label: t(`sort.${s}`),
              }))}
              value={sort}
              onChange={(v) => setSort((v as Sort) ?? 'tree')}
            />
            <Button
              variant="default"
              mt="auto"
              leftSection={
                direction === 'asc' ? <IconSortAscending size={16} /> : <IconSortDescending size={16} />
              }
              onClick={() => setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))}
            >
              {t(`direction.${direction}`)}
            </Button>
          </SimpleGrid>
        </Card>
      </Collapse>

      <Text size="sm" c="dimmed" data-testid="downline-total">
        {query.isPending
          ? t('table.loading')
          : t('table.total', { count: total, formatted: format.number(total) })}
      </Text>
      {query.isError && <Text c="red">{errorMessage(t, query.error)}</Text>}

      <div
        ref={scrollRef}
        style={{ height: 'min(70dvh, 640px)', overflowY: 'auto' }}
        data-testid="downline-rows"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const details = [t('table.level', { level: row.level }), row.city, format.date(row.joinedOn)]
              .filter(Boolean)
              .join(' · ');
            return (
              <div
                key={row.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <Group
                  h="100%"
                  px="xs"
                  justify="space-between"
                  wrap="nowrap"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  {/* Rows have one height: long lines are shortened, in full on hover. */}
                  <Stack gap={2} miw={0} title={`${row.name}\n${details}`}>
                    <AnchorLink to="/structure/members/$id" params={{ id: row.id }} fw={600} truncate>
                      {row.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed" truncate>
                      {details}
                    </Text>
                  </Stack>
                  <MemberBadges kind={row.kind} status={row.status} />
                </Group>
              </div>
            );
          })}
        </div>
        {query.isFetchingNextPage && (
          <Group justify="center" py="xs">
            <Loader size="sm" />
          </Group>
        )}
        {!query.isPending && rows.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {t('table.empty')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
