// The member's two lists: list 1 (my city) and list 2 (other cities, grouped by city), searched as you
// type, filtered by city, stage, tag and due follow-ups, with one-tap calls and messages. Phone first.
import {
  ActionIcon,
  Affix,
  Alert,
  Button,
  Card,
  Collapse,
  Group,
  Indicator,
  Menu,
  Pill,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconBellRinging,
  IconDownload,
  IconFileImport,
  IconInfoCircle,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../core/contacts/fields.ts';
import { useMe } from '../accounts/hooks.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import {
  type ContactFilter,
  exportUrl,
  localToday,
  type Overview,
  overviewQuery,
  sharedQuery,
} from './api.ts';
import { CityGroups } from './CityGroups.tsx';
import { ContactFormDialog } from './ContactFormDialog.tsx';
import { ContactRow } from './ContactRow.tsx';
import { ContactRows } from './ContactRows.tsx';
import { useOwnCountry } from './parts.tsx';
import { type ContactsSearch, SORTS, type Sort } from './search.ts';
import { STAGE_COLORS } from './stage.tsx';

const route = getRouteApi('/app/contacts');

function OverviewStrip({
  overview,
  stage,
  onStage,
}: {
  overview: Overview;
  stage: ContactsSearch['stage'];
  onStage: (stage: ContactsSearch['stage']) => void;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const stages = STAGES.filter((s) => overview.stages[s] > 0 || s === stage);
  return (
    <Card withBorder padding="sm" data-testid="contacts-overview">
      <Text size="sm" mb={stages.length ? 6 : 0}>
        <Text span fw={700}>
          {t('overview.total', { count: overview.total, formatted: format.number(overview.total) })}
        </Text>
        {' · '}
        <Text span c="dimmed">
          {t('overview.added', {
            week: format.number(overview.addedThisWeek),
            month: format.number(overview.addedThisMonth),
          })}
        </Text>
      </Text>
      {stages.length > 0 && (
        <Group gap={6} wrap="nowrap" style={{ overflowX: 'auto', scrollbarWidth: 'none' }} pb={2}>
          {stages.map((s) => (
            <Button
              key={s}
              size="compact-sm"
              radius="xl"
              variant={stage === s ? 'filled' : 'light'}
              color={STAGE_COLORS[s]}
              onClick={() => onStage(stage === s ? undefined : s)}
              aria-pressed={stage === s}
              style={{ flexShrink: 0 }}
            >
              {t(`stage.${s}`)}&nbsp;
              <Text span fw={700} inherit>
                {format.number(overview.stages[s])}
              </Text>
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}

function SharedWithMe({ today, country }: { today: string; country: string | null }) {
  const { t } = useTranslation('contacts');
  const shared = useQuery(sharedQuery);
  const rows = shared.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="shared-with-me">
      <Title order={2} size="h5">
        {t('shared.title', { count: rows.length })}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('shared.body')}
      </Text>
      {rows.map((row) => (
        <ContactRow key={row.id} contact={row} today={today} country={country} owner={row.owner.name} />
      ))}
    </Card>
  );
}

function FirstSteps({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation('contacts');
  return (
    <Card withBorder padding="lg" data-testid="contacts-empty">
      <Title order={2} size="h4" mb="xs">
        {t('empty.title')}
      </Title>
      <Text mb="xs">{t('empty.body')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('empty.hint')}
      </Text>
      <Group gap="xs">
        <Button leftSection={<IconPlus size={18} />} onClick={onAdd}>
          {t('add')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconFileImport size={18} />}
          renderRoot={(props) => <Link {...props} to="/contacts/import" />}
        >
          {t('import.button')}
        </Button>
      </Group>
    </Card>
  );
}

export default function ContactsPage() {
  const { t } = useTranslation(['contacts', 'common']);
  const format = useFormat();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const today = localToday();
  const country = useOwnCountry();
  const overview = useQuery(overviewQuery(today));
  const [adding, setAdding] = useState(false);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const setSearch = (patch: Partial<ContactsSearch>) =>
    void navigate({ to: '/contacts', search: (prev) => ({ ...prev, ...patch }), replace: true });

  // Search as you type: the box updates at once, the address (and the request) after a pause.
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new typed value updates the address
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) setSearch({ q: debouncedQ || undefined });
  }, [debouncedQ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change from elsewhere (clear) resets the box
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) setQ(search.q ?? '');
  }, [search.q]);

  const filter: ContactFilter = {
    list: search.list,
    q: search.q,
    city: search.city,
    stage: search.stage,
    tag: search.tag,
    due: search.due,
  };
  const sort: Sort = search.sort ?? (search.due ? 'nextFollowUpOn' : 'name');
  const direction = sort === 'createdAt' ? 'desc' : 'asc';
  const filterCount = [search.city, search.stage, search.tag, search.due, search.sort].filter(Boolean).length;
  const narrowed = !!(search.q || search.city || search.stage || search.tag || search.due);
  const grouped = search.list === 'other' && !narrowed;
  const data = overview.data;
  const empty = data?.total === 0 && !narrowed;

  const segment = (label: string, count: number | undefined) => (
    <Stack gap={0} align="center">
      <Text size="sm" fw={500} lh={1.3} truncate maw="100%">
        {label}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {count === undefined ? '…' : format.number(count)}
      </Text>
    </Stack>
  );

  const exportMenu = (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('export.button')}>
          <IconDownload size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{narrowed || search.list ? t('export.filtered') : t('export.all')}</Menu.Label>
        <Menu.Item component="a" href={exportUrl('csv', filter, today, 'comma')} download>
          {t('export.csvComma')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl('csv', filter, today, 'semicolon')} download>
          {t('export.csvSemicolon')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl('vcf', filter, today)} download>
          {t('export.vcard')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Stack gap="sm" maw={960} pb={80}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('import.button')}
            renderRoot={(props) => <Link {...props} to="/contacts/import" />}
          >
            <IconFileImport size={18} />
          </ActionIcon>
          {exportMenu}
          <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} visibleFrom="sm">
            {t('add')}
          </Button>
        </Group>
      </Group>

      {data && data.ownCity === null && (
        <Alert color="blue" icon={<IconInfoCircle />} data-testid="own-city-hint">
          {t('ownCity.missing')}{' '}
          <AnchorLink to="/structure/members/$id" params={{ id: me.member.id }} size="sm" fw={600}>
            {t('ownCity.set')}
          </AnchorLink>
        </Alert>
      )}

      <SharedWithMe today={today} country={country} />

      {empty ? (
        <FirstSteps onAdd={() => setAdding(true)} />
      ) : (
        <>
          {data && (
            <OverviewStrip overview={data} stage={search.stage} onStage={(stage) => setSearch({ stage })} />
          )}

          {data && data.due > 0 && !search.due && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconBellRinging />}
              data-testid="due-banner"
              styles={{ message: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' } }}
            >
              <Text size="sm" fw={600} style={{ flex: 1 }}>
                {t('due.banner', { count: data.due, formatted: format.number(data.due) })}
              </Text>
              <Button size="compact-sm" color="orange" onClick={() => setSearch({ due: true })}>
                {t('due.show')}
              </Button>
            </Alert>
          )}

          <SegmentedControl
            fullWidth
            value={search.list ?? 'all'}
            onChange={(value) =>
              setSearch({ list: value === 'all' ? undefined : (value as 'own' | 'other') })
            }
            data={[
              { value: 'own', label: segment(t('segment.own'), data?.lists.own) },
              { value: 'other', label: segment(t('segment.other'), data?.lists.other) },
              { value: 'all', label: segment(t('segment.all'), data?.total) },
            ]}
            aria-label={t('segment.label')}
          />

          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              type="search"
              leftSection={<IconSearch size={16} />}
              placeholder={t('list.search')}
              aria-label={t('list.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
            />
            <Indicator label={filterCount} size={16} disabled={filterCount === 0} offset={4}>
              <ActionIcon
                variant={filtersOpen ? 'filled' : 'default'}
                size="lg"
                onClick={toggleFilters}
                aria-label={t('filters.button')}
                aria-expanded={filtersOpen}
              >
                <IconAdjustmentsHorizontal size={18} />
              </ActionIcon>
            </Indicator>
          </Group>

          <Collapse expanded={filtersOpen}>
            <Card withBorder padding="sm">
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                <Select
                  label={t('filters.city')}
                  clearable
                  searchable
                  data={(data?.cities ?? []).map((c) => ({
                    value: c.city,
                    label: `${c.city} (${format.number(c.count)})`,
                  }))}
                  value={search.city ?? null}
                  onChange={(city) => setSearch({ city: city ?? undefined })}
                  nothingFoundMessage={t('filters.noCities')}
                />
                <Select
                  label={t('filters.stage')}
                  clearable
                  data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
                  value={search.stage ?? null}
                  onChange={(stage) => setSearch({ stage: (stage as ContactsSearch['stage']) ?? undefined })}
                />
                <Select
                  label={t('filters.tag')}
                  clearable
                  searchable
                  data={(data?.tags ?? []).map((x) => ({
                    value: x.tag,
                    label: `${x.tag} (${format.number(x.count)})`,
                  }))}
                  value={search.tag ?? null}
                  onChange={(tag) => setSearch({ tag: tag ?? undefined })}
                  nothingFoundMessage={t('filters.noTags')}
                />
                <Select
                  label={t('filters.sort')}
                  allowDeselect={false}
                  data={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
                  value={sort}
                  onChange={(value) => setSearch({ sort: (value as Sort) ?? undefined })}
                />
              </SimpleGrid>
              <Switch
                mt="sm"
                label={t('filters.due')}
                checked={!!search.due}
                onChange={(e) => setSearch({ due: e.currentTarget.checked || undefined })}
              />
            </Card>
          </Collapse>

          {(narrowed || search.sort) && (
            <Group gap={6} data-testid="active-filters">
              {search.due && (
                <Pill withRemoveButton onRemove={() => setSearch({ due: undefined })}>
                  {t('filters.dueShort')}
                </Pill>
              )}
              {search.city && (
                <Pill withRemoveButton onRemove={() => setSearch({ city: undefined })}>
                  {search.city}
                </Pill>
              )}
              {search.stage && (
                <Pill withRemoveButton onRemove={() => setSearch({ stage: undefined })}>
                  {t(`stage.${search.stage}`)}
                </Pill>
              )}
              {search.tag && (
                <Pill withRemoveButton onRemove={() => setSearch({ tag: undefined })}>
                  #{search.tag}
                </Pill>
              )}
              {search.q && (
                <Pill withRemoveButton onRemove={() => setSearch({ q: undefined })}>
                  “{search.q}”
                </Pill>
              )}
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() =>
                  setSearch({
                    q: undefined,
                    city: undefined,
                    stage: undefined,
                    tag: undefined,
                    due: undefined,
                    sort: undefined,
                  })
                }
              >
                {t('filters.clear')}
              </Button>
            </Group>
          )}

          {search.due && (
            <Title order={2} size="h4" data-testid="due-heading">
              {t('due.title')}
            </Title>
          )}

          {grouped && data ? (
            <CityGroups overview={data} today={today} country={country} />
          ) : (
            <ContactRows
              filter={filter}
              today={today}
              sort={sort}
              direction={direction}
              country={country}
              emptyText={search.due ? t('due.none') : t('list.empty')}
            />
          )}
        </>
      )}

      <Affix position={{ bottom: 20, right: 20 }} hiddenFrom="sm">
        <Button
          size="lg"
          radius="xl"
          leftSection={<IconPlus size={20} />}
          onClick={() => setAdding(true)}
          style={{ boxShadow: 'var(--mantine-shadow-lg)' }}
          data-testid="add-contact-fab"
        >
          {t('add')}
        </Button>
      </Affix>

      {adding && <ContactFormDialog opened onClose={() => setAdding(false)} mode={{ kind: 'add' }} />}
    </Stack>
  );
}
