// Admins bring in the company's back-office member list: choose the CSV, see what would change and
// every problem by line, then import — all or nothing, or explicitly only the rows that are fine.
import { Alert, Badge, Button, Checkbox, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { importResultSchema } from '../../server/imports/presenters.ts';
import { api } from '../api.ts';
import { errorMessage } from '../ui/errors.ts';
import { CsvFileButton, ImportCounts } from '../ui/ImportParts.tsx';
import { Section } from '../ui/Section.tsx';

type ImportResult = z.infer<typeof importResultSchema>;
type Issue = ImportResult['errors'][number];

function IssueList({ issues, title }: { issues: Issue[]; title: string }) {
  const { t } = useTranslation('imports');
  if (issues.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table striped withTableBorder fz="sm" data-testid="import-issues">
          <Table.Tbody>
            {issues.map((issue) => (
              <Table.Tr key={`${issue.line}-${issue.code}-${issue.field ?? ''}`}>
                <Table.Td w={90}>{t('line', { line: issue.line })}</Table.Td>
                <Table.Td>
                  {issue.field && (
                    <Badge size="xs" variant="light" mr={6}>
                      {issue.field}
                    </Badge>
                  )}
                  {t(`issue.${issue.code}`, { defaultValue: t('issue.other') })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

export function ImportMembers() {
  const { t } = useTranslation(['imports', 'common']);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);

  const send = useMutation({
    mutationFn: (body: {
      fileName: string;
      csv: string;
      mode: 'preview' | 'import';
      importValidRows?: boolean;
    }) => api<ImportResult>('/api/v1/imports/members', { method: 'POST', body }),
    onSuccess: async (result) => {
      if (result.mode === 'preview') {
        setPreview(result);
        return;
      }
      setPreview(null);
      setFile(null);
      await queryClient.invalidateQueries();
      const { inserts, updates, moves } = result.counts;
      notifications.show({ color: 'teal', message: t('done', { inserts, updates, moves }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setValidRowsOnly(false);
    send.mutate({ fileName: chosen.name, csv, mode: 'preview' });
  };

  const counts = preview?.counts;
  const hasErrors = (counts?.errors ?? 0) > 0;
  const nothingToDo = counts && counts.inserts + counts.updates + counts.moves === 0;

  return (
    <Section title={t('title')} description={t('body')}>
      <Stack gap="sm">
        <CsvFileButton
          label={t('choose')}
          fileName={file?.name ?? null}
          loading={send.isPending && !preview}
          onChoose={choose}
        />
        {preview && counts && (
          <Stack gap="sm" data-testid="import-preview">
            <ImportCounts
              counts={(['rows', 'inserts', 'updates', 'moves', 'unchanged'] as const).map((key) => ({
                key,
                label: t(`counts.${key}`),
                value: counts[key],
              }))}
            />
            {hasErrors ? (
              <Alert color="orange" title={t('errorsTitle', { count: counts.errors })}>
                {t('errorsBody')}
              </Alert>
            ) : (
              <Alert color="teal">{nothingToDo ? t('nothing') : t('ready')}</Alert>
            )}
            <IssueList issues={preview.errors} title={t('errorList')} />
            <IssueList issues={preview.skipped} title={t('skippedList')} />
            {hasErrors && (
              <Checkbox
                label={t('validRowsOnly')}
                checked={validRowsOnly}
                onChange={(e) => setValidRowsOnly(e.currentTarget.checked)}
              />
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setPreview(null);
                  setFile(null);
                }}
              >
                {t('common:actions.cancel')}
              </Button>
              <Button
                disabled={!file || nothingToDo || (hasErrors && !validRowsOnly)}
                loading={send.isPending}
                onClick={() =>
                  file &&
                  send.mutate({
                    fileName: file.name,
                    csv: file.csv,
                    mode: 'import',
                    ...(hasErrors ? { importValidRows: true } : {}),
                  })
                }
              >
                {t('import')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
