// Bringing in contacts from a phone or mail program: choose the file, check what would happen (columns,
// problems by line, duplicates with a choice per row), then import. Nothing is written before "Import".
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../core/contacts/import/types.ts';
import { ApiError, api } from '../api.ts';
import { errorMessage } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { CONTACTS_KEY, type ImportPreview, type ImportPreviewRow, templateUrl } from './api.ts';

type Action = 'skip' | 'merge' | 'create';

/** Messenger names are the same in every language. */
const BRANDS: Partial<Record<ImportField, string>> = {
  whatsapp: 'WhatsApp',
  viber: 'Viber',
  telegram: 'Telegram',
};

function useFieldLabel() {
  const { t } = useTranslation('contacts');
  return (field: ImportField) => BRANDS[field] ?? t(`import.field.${field}`);
}
const ACTIONS: Action[] = ['merge', 'skip', 'create'];

interface ChosenFile {
  name: string;
  data: string;
  size: number;
}

interface Settings {
  mapping?: (ImportField | null)[];
  duplicates: Action;
  decisions: Record<string, Action>;
}

/** The file's bytes as base64, in chunks (a large file would overflow the argument list at once). */
async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, sm: 6 }} spacing="xs" data-testid="import-counts">
      {(['rows', 'create', 'merge', 'skip', 'duplicates', 'invalid'] as const).map((key) => (
        <div key={key}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`import.counts.${key}`)}
          </Text>
          <Text fw={700} c={key === 'invalid' && counts.invalid > 0 ? 'red' : undefined}>
            {format.number(counts[key])}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function Mapping({
  columns,
  onChange,
}: {
  columns: ImportPreview['columns'];
  onChange: (mapping: (ImportField | null)[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const fieldLabel = useFieldLabel();
  const [all, setAll] = useState(false);
  const options = [
    { value: '', label: t('import.notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  // Outlook writes some 90 columns, most of them empty: show the ones that matter unless asked.
  const relevant = columns.filter((c) => c.field || c.sample).length;
  const hidden = columns.length - relevant;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('import.mapping')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.mappingHint')}
      </Text>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder fz="sm" data-testid="import-mapping" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th w="45%">{t('import.goesTo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, index) =>
              !all && !column.field && !column.sample ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                <Table.Tr key={index}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {column.header || t('import.columnNumber', { number: index + 1 })}
                    </Text>
                    {column.sample && (
                      <Text size="xs" c="dimmed" truncate>
                        {column.sample}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('import.goesToColumn', { column: column.header })}
                      data={options}
                      value={column.field ?? ''}
                      allowDeselect={false}
                      onChange={(value) =>
                        onChange(
                          columns.map((c, i) =>
                            i === index ? ((value || null) as ImportField | null) : c.field,
                          ),
                        )
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {hidden > 0 && (
        <Switch
          size="sm"
          mt={4}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
          label={t('import.showEmpty', { count: hidden })}
        />
      )}
    </Stack>
  );
}

function Problems({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation('contacts');
  const fieldLabel = useFieldLabel();
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" c="red">
        {t('import.problems', { count: rows.length })}
      </Text>
      <ScrollArea.Autosize mah={280}>
        <Table striped withTableBorder fz="sm" data-testid="import-problems">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td w={90} style={{ whiteSpace: 'nowrap' }}>
                  {t('import.line', { line: row.line })}
                </Table.Td>
                <Table.Td>
                  {row.name && (
                    <Text size="sm" fw={500}>
                      {row.name}
                    </Text>
                  )}
                  {row.errors.map((error) => (
                    <Text size="sm" key={`${error.field}-${error.code}`}>
                      {error.field && (
                        <Badge size="xs" variant="light" mr={6} tt="none">
                          {fieldLabel(error.field)}
                        </Badge>
                      )}
                      {t(`import.issue.${error.code}`, { defaultValue: error.message })}
                      {error.value !== undefined && (
                        <Text span size="sm" c="dimmed" ml={4}>
                          “{error.value}”
                        </Text>
                      )}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Duplicates({
  rows,
  decisions,
  onDecide,
}: {
  rows: ImportPreviewRow[];
  decisions: Record<string, Action>;
  onDecide: (line: number, action: Action) => void;
}) {
  const { t } = useTranslation('contacts');
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('import.duplicateList', { count: rows.length })}
      </Text>
      <ScrollArea.Autosize mah={360}>
        <Stack gap={0} data-testid="import-duplicates">
          {rows.map((row) => (
            <Group
              key={row.line}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Text size="sm" fw={500} truncate>
                  {t('import.line', { line: row.line })} · {row.name ?? '—'}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {row.duplicateOf?.contact
                    ? t('import.sameAs', { name: row.duplicateOf.contact.name })
                    : t('import.sameAsLine', { line: row.duplicateOf?.line ?? '?' })}
                  {' · '}
                  {[row.phone, row.email].filter(Boolean).join(' · ')}
                </Text>
              </div>
              <SegmentedControl<Action>
                size="xs"
                value={(decisions[String(row.line)] ?? row.action) as Action}
                onChange={(action) => onDecide(row.line, action)}
                data={ACTIONS.map((a) => ({ value: a, label: t(`import.action.${a}`) }))}
                aria-label={t('import.decide', { line: row.line })}
              />
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Sample({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation('contacts');
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('import.sample')}
      </Text>
      <ScrollArea>
        <Table striped withTableBorder fz="sm" data-testid="import-sample" miw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.lineShort')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.phone')}</Table.Th>
              <Table.Th>{t('fields.email')}</Table.Th>
              <Table.Th>{t('fields.city')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.phone}</Table.Td>
                <Table.Td>{row.email}</Table.Td>
                <Table.Td>{row.city}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

export default function ImportContactsPage() {
  const { t, i18n } = useTranslation(['contacts', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [settings, setSettings] = useState<Settings>({ duplicates: 'skip', decisions: {} });
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: ({
      chosen,
      next,
      mode,
    }: {
      chosen: ChosenFile;
      next: Settings;
      mode: 'preview' | 'import';
    }) =>
      api<ImportPreview>('/api/v1/contacts/import', {
        method: 'POST',
        body: {
          fileName: chosen.name,
          data: chosen.data,
          mode,
          ...(next.mapping ? { mapping: next.mapping } : {}),
          duplicates: next.duplicates,
          decisions: next.decisions,
          skipInvalidRows: mode === 'import' && skipInvalid,
        },
      }),
    onSuccess: async (data) => {
      if (data.imported) {
        setResult(data);
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
        return;
      }
      setPreview(data);
    },
    onError: (error) => {
      // A file that cannot be read at all: say why, in place, rather than "fix the lines listed".
      const fileProblem = error instanceof ApiError ? error.fields.find((f) => f.path === 'data') : undefined;
      if (fileProblem) {
        setFileError(
          t(`import.fileError.${fileProblem.code}`, { defaultValue: t('import.fileError.unreadable') }),
        );
        setPreview(null);
        return;
      }
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const run = (next: Settings, chosen = file) => {
    if (!chosen) return;
    setSettings(next);
    send.mutate({ chosen, next, mode: 'preview' });
  };

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    const picked = { name: chosen.name, data: await readBase64(chosen), size: chosen.size };
    setFile(picked);
    setFileError(null);
    setResult(null);
    setSkipInvalid(false);
    run({ duplicates: 'skip', decisions: {} }, picked);
  };

  const restart = () => {
    setFile(null);
    setFileError(null);
    setPreview(null);
    setResult(null);
    setSettings({ duplicates: 'skip', decisions: {} });
  };

  const step = result ? 2 : preview ? 1 : 0;
  const counts = preview?.counts;
  const problems = preview?.rows.filter((r) => r.errors.length > 0) ?? [];
  const duplicates = preview?.rows.filter((r) => r.duplicateOf && r.errors.length === 0) ?? [];
  const clean = preview?.rows.filter((r) => !r.duplicateOf && r.errors.length === 0) ?? [];
  const toWrite = counts ? counts.create + counts.merge : 0;
  const blocked = !!counts && counts.invalid > 0 && !skipInvalid;
  const locale = ['en', 'de', 'bg'].includes(i18n.language) ? i18n.language : 'en';

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
        <Card withBorder padding="lg">
          <Text mb="xs">{t('import.body')}</Text>
          <Text size="sm" c="dimmed" mb="md">
            {t('import.sources')}
          </Text>
          <Group gap="sm">
            <FileButton
              onChange={choose}
              accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard,text/plain"
            >
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={18} />} loading={send.isPending}>
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
          {file && send.isPending && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('import.reading', { name: file.name })}
            </Text>
          )}
        </Card>
      )}

      {step === 1 && preview && counts && file && (
        <Stack gap="md" data-testid="import-preview">
          <Card withBorder padding="md">
            <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed" data-testid="import-detected">
                  {[
                    t(`import.source.${preview.source}`),
                    preview.source === 'vcard' ? null : preview.format === 'csv' ? 'CSV' : 'vCard',
                    preview.encoding.toUpperCase(),
                    preview.delimiter
                      ? t('import.delimiter', {
                          delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter,
                        })
                      : null,
                    format.number(Math.max(1, file.size / 1024), {
                      style: 'unit',
                      unit: 'kilobyte',
                      maximumFractionDigits: 0,
                    }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Button variant="subtle" size="compact-sm" onClick={restart}>
                {t('import.other')}
              </Button>
            </Group>
            <Counts counts={counts} />
          </Card>

          {preview.format === 'csv' && preview.columns.length > 0 && (
            <Card withBorder padding="md">
              <Mapping columns={preview.columns} onChange={(mapping) => run({ ...settings, mapping })} />
            </Card>
          )}

          {counts.invalid > 0 ? (
            <Alert
              color="orange"
              icon={<IconAlertTriangle />}
              title={t('import.invalidTitle', { count: counts.invalid })}
            >
              {t('import.invalidBody')}
            </Alert>
          ) : (
            <Alert color="teal" icon={<IconCheck />}>
              {toWrite === 0 ? t('import.nothing') : t('import.ready', { count: toWrite })}
            </Alert>
          )}

          <Problems rows={problems} />

          {counts.duplicates > 0 && (
            <Card withBorder padding="md">
              <Stack gap="sm">
                <div>
                  <Text fw={600} size="sm" mb={4}>
                    {t('import.duplicates', { count: counts.duplicates })}
                  </Text>
                  <Text size="xs" c="dimmed" mb={6}>
                    {t('import.duplicatesHint')}
                  </Text>
                  <SegmentedControl<Action>
                    fullWidth
                    value={settings.duplicates}
                    onChange={(duplicates) => run({ ...settings, duplicates, decisions: {} })}
                    data={ACTIONS.map((a) => ({ value: a, label: t(`import.action.${a}`) }))}
                    aria-label={t('import.duplicatesDefault')}
                  />
                </div>
                <Duplicates
                  rows={duplicates}
                  decisions={settings.decisions}
                  onDecide={(line, action) =>
                    run({ ...settings, decisions: { ...settings.decisions, [String(line)]: action } })
                  }
                />
              </Stack>
            </Card>
          )}

          <Sample rows={clean} />

          {counts.invalid > 0 && (
            <Checkbox
              label={t('import.skipInvalid', { count: counts.invalid })}
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={restart}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              disabled={toWrite === 0 || blocked}
              loading={send.isPending}
              onClick={() => send.mutate({ chosen: file, next: settings, mode: 'import' })}
              data-testid="import-confirm"
            >
              {t('import.confirm', { count: toWrite })}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && result?.imported && (
        <Card withBorder padding="lg" data-testid="import-result">
          <Title order={2} size="h4" mb="sm">
            {t('import.doneTitle')}
          </Title>
          <SimpleGrid cols={3} spacing="xs" mb="md">
            {(['created', 'merged', 'skipped'] as const).map((key) => (
              <div key={key}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(`import.result.${key}`)}
                </Text>
                <Text size="xl" fw={700} data-testid={`import-${key}`}>
                  {format.number(result.imported![key])}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Group gap="sm">
            <Button renderRoot={(props) => <Link {...props} to="/contacts" />}>
              {t('import.toContacts')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('import.another')}
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
