// Step 1: choose the file (or download our template). A file that cannot be imported is explained here.
import { Alert, Anchor, Button, Card, FileButton, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../core/locales.ts';
import { templateUrl } from '../api.ts';
import type { ChosenFile, FileProblem } from './useContactImport.ts';

export function FileStep({
  file,
  reading,
  fileError,
  pending,
  onChoose,
}: {
  file: ChosenFile | null;
  /** The name of the file being read on the device. */
  reading: string | null;
  fileError: FileProblem | null;
  pending: boolean;
  onChoose: (file: File | null) => void;
}) {
  const { t, i18n } = useTranslation('contacts');
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const resetRef = useRef<() => void>(null);
  const busyWith = reading ?? (pending ? file?.name : null);
  return (
    <Card withBorder padding="lg">
      <Text mb="xs">{t('import.body')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('import.sources')}
      </Text>
      <Group gap="sm">
        <FileButton
          resetRef={resetRef}
          onChange={(chosen) => {
            onChoose(chosen);
            // Empty the input, so choosing the same file again (e.g. after fixing it) is a new choice.
            resetRef.current?.();
          }}
          accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard,text/plain"
        >
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={18} />} loading={!!busyWith}>
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
      {fileError && !busyWith && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          mt="md"
          title={fileError.name}
          data-testid="import-file-error"
        >
          {fileError.message}
        </Alert>
      )}
      {busyWith && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="import-reading">
          {t('import.reading', { name: busyWith })}
        </Text>
      )}
    </Card>
  );
}
