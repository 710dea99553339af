// Bringing in contacts from a phone or mail program: choose the file, check what would happen (columns,
// problems by line, duplicates with a choice per row), then import. Nothing is written before "Import".
import { Stack, Stepper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links.tsx';
import { FileStep } from './import/FileStep.tsx';
import { PreviewStep } from './import/PreviewStep.tsx';
import { ResultStep } from './import/ResultStep.tsx';
import { useContactImport } from './import/useContactImport.ts';

export default function ImportContactsPage() {
  const { t } = useTranslation('contacts');
  const work = useContactImport();
  const { file, preview, result } = work;
  const step = result ? 2 : preview ? 1 : 0;

  return (
    <Stack gap="md" maw={960}>
      <AnchorLink to="/contacts" size="sm">
        ← {t('title')}
      </AnchorLink>
      <Title order={1} size="h2">
        {t('import.title')}
      </Title>
      <Stepper active={step} size="xs" iconSize={26} labelPosition="bottom">
        <Stepper.Step label={t('import.steps.file')} />
        <Stepper.Step label={t('import.steps.check')} />
        <Stepper.Step label={t('import.steps.done')} />
      </Stepper>

      {step === 0 && (
        <FileStep
          file={file}
          reading={work.reading}
          fileError={work.fileError}
          pending={work.pending}
          onChoose={work.choose}
        />
      )}

      {step === 1 && preview && file && (
        <PreviewStep
          file={file}
          preview={preview}
          settings={work.settings}
          skipInvalid={work.skipInvalid}
          pending={work.pending}
          onSettings={work.run}
          onSkipInvalid={work.setSkipInvalid}
          onConfirm={work.confirm}
          onRestart={work.restart}
        />
      )}

      {step === 2 && result?.imported && <ResultStep imported={result.imported} onAnother={work.restart} />}
    </Stack>
  );
}
