// What the import screens call things: the contact fields a column can go to, and the three choices for a
// duplicate (merge into the existing contact, skip the row, or create a second contact).
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../core/contacts/import/types.ts';

export type Action = 'skip' | 'merge' | 'create';

const ACTIONS: Action[] = ['merge', 'skip', 'create'];

/** Messenger names are the same in every language. */
const BRANDS: Partial<Record<ImportField, string>> = {
  whatsapp: 'WhatsApp',
  viber: 'Viber',
  telegram: 'Telegram',
};

export function useFieldLabel() {
  const { t } = useTranslation('contacts');
  return (field: ImportField) => BRANDS[field] ?? t(`import.field.${field}`);
}

/** The duplicate choices as segments of a SegmentedControl. */
export function useActionOptions() {
  const { t } = useTranslation('contacts');
  return ACTIONS.map((a) => ({ value: a, label: t(`import.action.${a}`) }));
}
