// List 2 grouped by city: every city with its count; open one to see its people (loaded on opening, so
// a list with hundreds of cities stays light).
import { Badge, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import type { Overview } from './api.ts';
import { ContactRowsPaged } from './ContactRows.tsx';

export function CityGroups({
  overview,
  today,
  country,
}: {
  overview: Overview;
  today: string;
  country: string | null;
}) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const cities = overview.cities;
  // A few cities: open them all; many: let the person choose.
  const [open, setOpen] = useState<Set<string>>(
    () => new Set(cities.length <= 3 ? cities.map((c) => c.city) : []),
  );
  const toggle = (city: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(city)) next.delete(city);
      else next.add(city);
      return next;
    });
  const inCities = cities.reduce((n, c) => n + c.count, 0);
  const withoutCity = overview.lists.other - inCities;

  if (cities.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('groups.empty')}
      </Text>
    );

  return (
    <Stack gap="xs" data-testid="city-groups">
      <Text size="sm" c="dimmed">
        {t('groups.summary', { count: cities.length, formatted: format.number(cities.length) })}
      </Text>
      {cities.map(({ city, count }) => {
        const expanded = open.has(city);
        return (
          <Card key={city} withBorder padding={0} data-testid="city-group">
            <UnstyledButton
              onClick={() => toggle(city)}
              aria-expanded={expanded}
              px="sm"
              py={10}
              style={{ display: 'block', width: '100%' }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <IconMapPin size={18} stroke={1.6} style={{ flexShrink: 0 }} />
                  <Text fw={600} truncate>
                    {city}
                  </Text>
                  <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                    {format.number(count)}
                  </Badge>
                </Group>
                {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
              </Group>
            </UnstyledButton>
            <Collapse expanded={expanded}>
              {expanded && (
                <div style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <ContactRowsPaged filter={{ list: 'other', city }} today={today} country={country} />
                </div>
              )}
            </Collapse>
          </Card>
        );
      })}
      {withoutCity > 0 && (
        <Text size="sm" c="dimmed">
          {t('groups.withoutCity', { count: withoutCity, formatted: format.number(withoutCity) })}
        </Text>
      )}
    </Stack>
  );
}
