// Download the contacts in view (or all of them) as CSV for Excel (comma or semicolon) or as vCards.
import { ActionIcon, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type ContactFilter, exportUrl } from './api.ts';

export function ExportMenu({
  filter,
  today,
  filtered,
}: {
  filter: ContactFilter;
  today: string;
  /** Only some contacts are in view (one list, a search or a filter). */
  filtered: boolean;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('export.button')}>
          <IconDownload size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{filtered ? t('export.filtered') : t('export.all')}</Menu.Label>
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
}
