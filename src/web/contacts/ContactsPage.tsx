// The member's two lists: list 1 (my city) and list 2 (other cities, grouped by city), searched as you
// type, filtered by city, stage, tag and due follow-ups, with one-tap calls and messages. Phone first.
import { ActionIcon, Affix, Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBellRinging, IconFileImport, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { LoadError } from '../ui/PageStates.tsx';
import { ActiveFilters } from './ActiveFilters.tsx';
import { type ContactFilter, overviewQuery } from './api.ts';
import { CityGroups } from './CityGroups.tsx';
import { ContactFilters } from './ContactFilters.tsx';
import { ContactFormDialog } from './ContactFormDialog.tsx';
import { ContactRows } from './ContactRows.tsx';
import { ContactsOverview } from './ContactsOverview.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FirstSteps } from './FirstSteps.tsx';
import { ListSwitch } from './ListSwitch.tsx';
import { useOwnCountry } from './parts.tsx';
import { SharedWithMe } from './SharedWithMe.tsx';
import type { ContactsSearch, Sort } from './search.ts';
import { useToday } from './useToday.ts';

const route = getRouteApi('/app/contacts');

export default function ContactsPage() {
  const { t } = useTranslation(['contacts', 'common']);
  const format = useFormat();
  const search = route.useSearch();
  const navigate = useNavigate();
  const today = useToday();
  const country = useOwnCountry();
  const overview = useQuery(overviewQuery(today));
  const [adding, setAdding] = useState(false);

  const setSearch = (patch: Partial<ContactsSearch>) =>
    void navigate({ to: '/contacts', search: (prev) => ({ ...prev, ...patch }), replace: true });

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
  const narrowed = !!(search.q || search.city || search.stage || search.tag || search.due);
  const grouped = search.list === 'other' && !narrowed;
  const data = overview.data;
  const empty = data?.total === 0 && !narrowed;

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
          <ExportMenu filter={filter} today={today} filtered={narrowed || !!search.list} />
          <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} visibleFrom="sm">
            {t('add')}
          </Button>
        </Group>
      </Group>

      {data && data.ownCity === null && (
        <Alert color="blue" icon={<IconInfoCircle />} data-testid="own-city-hint">
          {t('ownCity.missing')}{' '}
          <AnchorLink to="/settings" hash="profile" size="sm" fw={600}>
            {t('ownCity.set')}
          </AnchorLink>
        </Alert>
      )}

      {overview.isError && (
        <LoadError
          title={t('loadError')}
          error={overview.error}
          retrying={overview.isFetching}
          onRetry={() => void overview.refetch()}
          testId="contacts-error"
        />
      )}

      <SharedWithMe today={today} country={country} />

      {empty ? (
        <FirstSteps onAdd={() => setAdding(true)} />
      ) : (
        <>
          {data && (
            <ContactsOverview
              overview={data}
              stage={search.stage}
              onStage={(stage) => setSearch({ stage })}
            />
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

          <ListSwitch list={search.list} overview={data} onList={(list) => setSearch({ list })} />
          <ContactFilters search={search} sort={sort} overview={data} onChange={setSearch} />
          {(narrowed || search.sort) && <ActiveFilters search={search} onChange={setSearch} />}

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
