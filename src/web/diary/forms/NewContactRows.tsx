// People met for the first time, written with a note: a name (and a phone and a city) per row; saving
// the note adds them to the contacts and links them.
import { ActionIcon, Button, Group, Input, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_LIMITS as L } from '../../../core/diary/fields.ts';

export interface NewContactRow {
  key: number;
  name: string;
  phone: string;
  city: string;
}

export function NewContactRows({
  rows,
  onRows,
  error,
}: {
  rows: NewContactRow[];
  onRows: Dispatch<SetStateAction<NewContactRow[]>>;
  /** The server's error on the new contacts, shown on the rows without a name. */
  error?: string;
}) {
  const { t } = useTranslation('diary');
  const setRow = (key: number, patch: Partial<NewContactRow>) =>
    onRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Input.Label>{t('fields.newContacts')}</Input.Label>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('capture.newContactsHint')}
      </Text>
      {rows.map((row, i) => (
        <Group key={row.key} gap={6} align="flex-end" wrap="nowrap" data-testid="new-contact-row">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing={6} style={{ flex: 1 }}>
            <TextInput
              aria-label={t('capture.newContact.name')}
              placeholder={t('capture.newContact.name')}
              value={row.name}
              maxLength={120}
              error={error && !row.name.trim() ? error : undefined}
              onChange={(e) => setRow(row.key, { name: e.currentTarget.value })}
              data-autofocus={i === rows.length - 1 || undefined}
            />
            <TextInput
              aria-label={t('capture.newContact.phone')}
              placeholder={t('capture.newContact.phone')}
              type="tel"
              inputMode="tel"
              value={row.phone}
              maxLength={40}
              onChange={(e) => setRow(row.key, { phone: e.currentTarget.value })}
            />
            <TextInput
              aria-label={t('capture.newContact.city')}
              placeholder={t('capture.newContact.city')}
              value={row.city}
              maxLength={100}
              onChange={(e) => setRow(row.key, { city: e.currentTarget.value })}
            />
          </SimpleGrid>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('capture.newContact.remove')}
            onClick={() => onRows((all) => all.filter((r) => r.key !== row.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        disabled={rows.length >= L.links}
        onClick={() => onRows((all) => [...all, { key: Date.now(), name: '', phone: '', city: '' }])}
      >
        {t('capture.newContact.add')}
      </Button>
    </Stack>
  );
}
