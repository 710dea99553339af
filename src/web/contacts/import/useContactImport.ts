// The import's state: the chosen file, the choices made on it (mapping, duplicates), the latest preview
// and the result. Every change of a choice asks the server for a new preview; nothing is written before
// `confirm`. Only the answer to the latest request counts: a slower answer to an earlier choice, or any
// answer after "start over", is dropped.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../core/contacts/import/types.ts';
import type { FieldError } from '../../../server/http/errors.ts';
import { ApiError, api } from '../../api.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
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

/** Why a file cannot be imported, shown in place under its name. */
export interface FileProblem {
  name: string;
  message: string;
}

const FRESH: Settings = { duplicates: 'skip', decisions: {} };

/** Larger files are refused before reading: base64 makes them a third larger, past the server's limit. */
const MAX_FILE_MB = 20;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

/** The file's bytes as base64: a data URL without its `data:…;base64,` prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

interface Request {
  /** Which request this is; only the latest one's answer is used. */
  id: number;
  chosen: ChosenFile;
  next: Settings;
  mode: 'preview' | 'import';
  skipInvalid: boolean;
}

export function useContactImport() {
  const { t } = useTranslation(['contacts', 'common']);
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  /** The name of the file being read on the device, before it goes to the server. */
  const [reading, setReading] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings>(FRESH);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [fileError, setFileError] = useState<FileProblem | null>(null);
  /** The latest request (or file read); bumped by every new one and by `restart`. */
  const latest = useRef(0);

  /** The server's reason a file cannot be read, in words (counts in the person's language). */
  const fileProblemText = (problem: FieldError) => {
    // An empty file fails the request's own check (zod's `too_small` on `data`).
    const code = problem.code === 'too_small' ? 'empty' : problem.code;
    const maximum = problem.params?.maximum;
    return t(`import.fileError.${code}`, {
      maximum: typeof maximum === 'number' ? format.number(maximum) : maximum,
      defaultValue: t('import.fileError.unreadable'),
    });
  };

  const send = useMutation({
    mutationFn: ({ chosen, next, mode, skipInvalid }: Request) =>
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
    onSuccess: (data, { id }) => {
      // Written is written: the lists reload even if the person has moved on meanwhile.
      if (data.imported) void queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      if (id !== latest.current) return;
      if (data.imported) {
        setResult(data);
        setPreview(null);
        return;
      }
      setFileError(null);
      setPreview(data);
    },
    onError: (error, { id, chosen }) => {
      if (id !== latest.current) return;
      // A file that cannot be read at all: say why, in place, rather than "fix the lines listed".
      const fileProblem = error instanceof ApiError ? error.fields.find((f) => f.path === 'data') : undefined;
      if (fileProblem) {
        setFileError({ name: chosen.name, message: fileProblemText(fileProblem) });
        setPreview(null);
        return;
      }
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });

  const request = (chosen: ChosenFile, next: Settings, mode: Request['mode'], skip = false) => {
    latest.current += 1;
    send.mutate({ id: latest.current, chosen, next, mode, skipInvalid: skip });
  };

  /** A new preview with changed choices. */
  const run = (next: Settings) => {
    if (!file) return;
    setSettings(next);
    request(file, next, 'preview');
  };

  const choose = async (picked: File | null) => {
    if (!picked) return;
    latest.current += 1;
    const id = latest.current;
    send.reset();
    setFile(null);
    setPreview(null);
    setResult(null);
    setSettings(FRESH);
    setSkipInvalid(false);
    setFileError(null);
    if (picked.size > MAX_FILE_BYTES) {
      setFileError({
        name: picked.name,
        message: t('import.fileError.too_large', {
          max: format.number(MAX_FILE_MB, { style: 'unit', unit: 'megabyte' }),
        }),
      });
      return;
    }
    setReading(picked.name);
    let data: string;
    try {
      data = await readBase64(picked);
    } catch {
      if (id === latest.current) {
        setReading(null);
        setFileError({ name: picked.name, message: t('import.fileError.read_failed') });
      }
      return;
    }
    // Another file was chosen, or the import started over, while this one was read.
    if (id !== latest.current) return;
    setReading(null);
    const chosen = { name: picked.name, data, size: picked.size };
    setFile(chosen);
    request(chosen, FRESH, 'preview');
  };

  const confirm = () => {
    if (file) request(file, settings, 'import', skipInvalid);
  };

  const restart = () => {
    latest.current += 1;
    send.reset();
    setFile(null);
    setReading(null);
    setFileError(null);
    setPreview(null);
    setResult(null);
    setSettings(FRESH);
    setSkipInvalid(false);
  };

  return {
    file,
    reading,
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
