// Step 1: choose the file (or download our template). A file the server cannot read is explained here.
import { Alert, Anchor, Button, Card, FileButton, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../core/locales.ts';
import { templateUrl } from '../api.ts';
import type { ChosenFile } from './useContactImport.ts';

export function FileStep({
  file,
  fileError,
  pending,
  onChoose,
}: {
  file: ChosenFile | null;
  fileError: string | null;
  pending: boolean;
  onChoose: (file: File | null) => void;
}) {
  const { t, i18n } = useTranslation('contacts');
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return (
    <Card withBorder padding="lg">
      <Text mb="xs">{t('import.body')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('import.sources')}
      </Text>
      <Group gap="sm">
        <FileButton onChange={onChoose} accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard,text/plain">
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={18} />} loading={pending}>
              {t('import.choose')}
            </Button>
          )}
        </FileButton>
        <Anchor href={templateUrl(locale)} download size="sm">
          <Group gap={4} component="span">
            <IconDownload size={14} />
            {t('import.template')}
          </Group>
        </Anchor>
      </Group>
      {fileError && file && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          mt="md"
          title={file.name}
          data-testid="import-file-error"
        >
          {fileError}
        </Alert>
      )}
      {file && pending && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('import.reading', { name: file.name })}
        </Text>
      )}
    </Card>
  );
}
