// Step 2: what the import would do, before anything is written. The mapping of columns (CSV), the lines
// with problems, the duplicates with a choice per row, a sample of the rest, then "Import".
import { Alert, Button, Card, Checkbox, Group, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { ImportPreview } from '../api.ts';
import { DuplicateRows } from './DuplicateRows.tsx';
import { FileSummary } from './FileSummary.tsx';
import { MappingTable } from './MappingTable.tsx';
import { ProblemRows } from './ProblemRows.tsx';
import { SampleRows } from './SampleRows.tsx';
import type { ChosenFile, Settings } from './useContactImport.ts';

export function PreviewStep({
  file,
  preview,
  settings,
  skipInvalid,
  pending,
  onSettings,
  onSkipInvalid,
  onConfirm,
  onRestart,
}: {
  file: ChosenFile;
  preview: ImportPreview;
  settings: Settings;
  skipInvalid: boolean;
  pending: boolean;
  /** Changed choices: a new preview. */
  onSettings: (settings: Settings) => void;
  onSkipInvalid: (skip: boolean) => void;
  onConfirm: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation(['contacts', 'common']);
  const format = useFormat();
  /** A count for a plural text: `count` picks the form, `formatted` is what is shown. */
  const n = (count: number) => ({ count, formatted: format.number(count) });
  const { counts } = preview;
  const problems = preview.rows.filter((r) => r.errors.length > 0);
  const duplicates = preview.rows.filter((r) => r.duplicateOf && r.errors.length === 0);
  const clean = preview.rows.filter((r) => !r.duplicateOf && r.errors.length === 0);
  const toWrite = counts.create + counts.merge;
  const blocked = counts.invalid > 0 && !skipInvalid;

  return (
    <Stack gap="md" data-testid="import-preview">
      <FileSummary file={file} preview={preview} onOther={onRestart} />

      {preview.format === 'csv' && preview.columns.length > 0 && (
        <Card withBorder padding="md">
          <MappingTable
            columns={preview.columns}
            mapping={settings.mapping ?? preview.columns.map((c) => c.field)}
            onChange={(mapping) => onSettings({ ...settings, mapping })}
          />
        </Card>
      )}

      {counts.invalid > 0 ? (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          title={t('import.invalidTitle', n(counts.invalid))}
        >
          {t('import.invalidBody')}
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCheck />}>
          {toWrite === 0 ? t('import.nothing') : t('import.ready', n(toWrite))}
        </Alert>
      )}

      <ProblemRows rows={problems} />

      <DuplicateRows
        count={counts.duplicates}
        rows={duplicates}
        choice={settings.duplicates}
        decisions={settings.decisions}
        onChoice={(choice) => onSettings({ ...settings, duplicates: choice, decisions: {} })}
        onDecide={(line, action) =>
          onSettings({ ...settings, decisions: { ...settings.decisions, [String(line)]: action } })
        }
      />

      <SampleRows rows={clean} />

      {counts.invalid > 0 && (
        <Checkbox
          label={t('import.skipInvalid', n(counts.invalid))}
          checked={skipInvalid}
          onChange={(e) => onSkipInvalid(e.currentTarget.checked)}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onRestart}>
          {t('common:actions.cancel')}
        </Button>
        <Button
          disabled={toWrite === 0 || blocked}
          loading={pending}
          onClick={onConfirm}
          data-testid="import-confirm"
        >
          {t('import.confirm', n(toWrite))}
        </Button>
      </Group>
    </Stack>
  );
}
