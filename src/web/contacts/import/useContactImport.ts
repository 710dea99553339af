// The import's state: the chosen file, the choices made on it (mapping, duplicates), the latest preview
// and the result. Every change of a choice asks the server for a new preview; nothing is written before
// `confirm`.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../core/contacts/import/types.ts';
import { ApiError, api } from '../../api.ts';
import { errorMessage } from '../../ui/errors.ts';
import { CONTACTS_KEY, type ImportPreview } from '../api.ts';
import type { Action } from './labels.ts';

export interface ChosenFile {
  name: string;
  data: string;
  size: number;
}

export interface Settings {
  mapping?: (ImportField | null)[];
  duplicates: Action;
  decisions: Record<string, Action>;
}

const FRESH: Settings = { duplicates: 'skip', decisions: {} };

/** The file's bytes as base64, in chunks (a large file would overflow the argument list at once). */
async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function useContactImport() {
  const { t } = useTranslation(['contacts', 'common']);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [settings, setSettings] = useState<Settings>(FRESH);
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

  /** A new preview with changed choices. */
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
    run(FRESH, picked);
  };

  const confirm = () => {
    if (file) send.mutate({ chosen: file, next: settings, mode: 'import' });
  };

  const restart = () => {
    setFile(null);
    setFileError(null);
    setPreview(null);
    setResult(null);
    setSettings(FRESH);
  };

  return {
    file,
    fileError,
    settings,
    skipInvalid,
    setSkipInvalid,
    preview,
    result,
    pending: send.isPending,
    run,
    choose,
    confirm,
    restart,
  };
}
