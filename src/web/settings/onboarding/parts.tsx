// Small pieces the template's editors share: what they do with a field — the text in the language being
// edited with the server's objection at it, marked so the first one can be scrolled into view.
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { Localized } from '../../../core/followup/template.ts';
import { LOCALES, type Locale } from '../../../core/locales.ts';
import { errorAt, type TemplateValues } from './draft.ts';

export type TemplateForm = UseFormReturnType<TemplateValues>;

/** What each list's editor gets: the form, and the language being edited. */
export interface EditorProps {
  form: TemplateForm;
  lang: Locale;
}

/** An objection, marked for the scroll to the first one after a failed save. */
export const marked = (node: ReactNode) =>
  node ? <span data-template-error="true">{node}</span> : undefined;

/** A form's fields in the language being edited. */
export function fieldsOf(form: TemplateForm, lang: Locale) {
  const { errors } = form;
  return {
    /** A text's language, objection (else `otherError`) and change, for a `LocalizedField`. */
    text: (path: string, otherError?: ReactNode) => ({
      lang,
      error: marked(errorAt(errors, path, lang) ?? otherError),
      onChange: (value: Localized) => {
        form.setFieldValue(path, value as never);
        form.clearFieldError(path);
        for (const l of LOCALES) form.clearFieldError(`${path}.${l}`);
      },
    }),
    /** Any other field's objection. */
    error: (path: string) => marked(errors[path]),
  };
}
