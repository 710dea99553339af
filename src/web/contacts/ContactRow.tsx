// One contact in a list: the whole left side opens them, the buttons on the right call or message them.
import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from './api.ts';
import { FollowUp, ReachButtons, reachLinks } from './parts.tsx';
import { StageBadge } from './stage.tsx';

export const ROW_HEIGHT = 68;

export function ContactRow({
  contact,
  today,
  country,
  owner,
  showCity = true,
}: {
  contact: ContactSummary;
  today: string;
  country: string | null;
  /** Shown instead of the city for contacts someone shared with me. */
  owner?: string;
  showCity?: boolean;
}) {
  const { t } = useTranslation('contacts');
  const links = owner ? [] : reachLinks(contact, country, t);
  return (
    <Group
      h={ROW_HEIGHT}
      px="xs"
      gap="xs"
      justify="space-between"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="contact-row"
    >
      <Link
        to="/contacts/$id"
        params={{ id: contact.id }}
        // Rows have one height, so a long name is shortened; the full name shows on hover.
        title={contact.name}
        style={{ flex: 1, minWidth: 0, color: 'inherit', textDecoration: 'none' }}
      >
        <Stack gap={4}>
          <Text fw={600} truncate data-testid="contact-row-name">
            {contact.name}
          </Text>
          <Group gap={6} wrap="nowrap" miw={0}>
            <StageBadge stage={contact.stage} size="xs" />
            {owner && (
              <Text size="xs" c="dimmed" truncate>
                {t('shared.from', { name: owner })}
              </Text>
            )}
            {!owner && showCity && contact.city && (
              <Text size="xs" c="dimmed" truncate>
                {contact.city}
              </Text>
            )}
            {contact.nextFollowUpOn && <FollowUp date={contact.nextFollowUpOn} today={today} compact />}
          </Group>
        </Stack>
      </Link>
      <ReachButtons links={links.slice(0, 3)} name={contact.name} />
    </Group>
  );
}

/** A row whose page is still on its way: the list keeps its height, so the scroll position holds. */
export function ContactRowPlaceholder() {
  return (
    <Group
      h={ROW_HEIGHT}
      px="xs"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      aria-hidden
    >
      <Stack gap={8} style={{ flex: 1 }}>
        <Skeleton h={14} w="45%" />
        <Skeleton h={10} w="25%" />
      </Stack>
    </Group>
  );
}
