// Admins bring in the orders of the company's back office: choose the CSV, see what it would post and
// every problem by line, then import — all or nothing; importing the same file again changes nothing.
import { Alert, Badge, Button, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { CsvFileButton, ImportCounts } from '../ui/ImportParts.tsx';
import { Section } from '../ui/Section.tsx';
import { importOrders, type OrderImport, type OrderImportIssue } from './api.ts';

function Issues({ issues }: { issues: OrderImportIssue[] }) {
  const { t } = useTranslation('orders');
  if (issues.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={280}>
      <Table striped withTableBorder fz="sm" data-testid="order-import-issues">
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={`${issue.line}-${issue.code}-${issue.field ?? ''}`}>
              <Table.Td w={90}>{t('import.line', { line: issue.line })}</Table.Td>
              <Table.Td>
                {issue.field && (
                  <Badge size="xs" variant="light" mr={6}>
                    {issue.field}
                  </Badge>
                )}
                {t(`import.issue.${issue.code}`, { defaultValue: t('import.issue.other') })}
                {issue.externalId && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({issue.externalId})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export function ImportOrders() {
  const { t } = useTranslation(['orders', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [check, setCheck] = useState<OrderImport | null>(null);

  const send = useMutation({
    mutationFn: (body: { fileName: string; csv: string; dryRun: boolean }) => importOrders(body),
    onSuccess: async (result) => {
      if (result.dryRun) {
        setCheck(result);
        return;
      }
      setCheck(null);
      setFile(null);
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        message: t('import.done', {
          count: result.counts.new,
          formatted: format.number(result.counts.new),
          points: format.number(result.points, { maximumFractionDigits: 2 }),
        }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setCheck(null);
    send.mutate({ fileName: chosen.name, csv, dryRun: true });
  };

  const counts = check?.counts;
  const hasErrors = (counts?.errors ?? 0) > 0;

  return (
    <Section title={t('import.title')} description={t('import.body')} testId="order-import">
      <Stack gap="sm">
        <CsvFileButton
          label={t('import.choose')}
          fileName={file?.name ?? null}
          loading={send.isPending && !check}
          onChoose={choose}
        />
        {check && counts && (
          <Stack gap="sm" data-testid="order-import-check">
            <ImportCounts
              counts={(['rows', 'new', 'unchanged', 'errors'] as const).map((key) => ({
                key,
                label: t(`import.counts.${key}`),
                value: counts[key],
              }))}
            />
            {hasErrors ? (
              <Alert color="orange" title={t('import.errorsTitle', { count: counts.errors })}>
                {t('import.errorsBody')}
              </Alert>
            ) : (
              <Alert color="teal">
                {counts.new === 0
                  ? t('import.nothing')
                  : t('import.ready', {
                      count: counts.new,
                      formatted: format.number(counts.new),
                      points: format.number(check.points, { maximumFractionDigits: 2 }),
                    })}
              </Alert>
            )}
            <Issues issues={check.errors} />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setCheck(null);
                  setFile(null);
                }}
              >
                {t('common:actions.cancel')}
              </Button>
              <Button
                disabled={!file || hasErrors || counts.new === 0}
                loading={send.isPending}
                onClick={() => file && send.mutate({ fileName: file.name, csv: file.csv, dryRun: false })}
              >
                {t('import.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
