// The template as the form holds it: each item with a stable id for React and no key yet when new; how it
// becomes the body saved (a key for each new item, from its title), and the server's objections at the
// form's fields.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Localized, StepCondition } from '../../../core/followup/template.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../core/locales.ts';
import { ApiError } from '../../api.ts';
import type { Template, TemplateInput } from '../../tools/api.ts';
import { fieldErrors } from '../../ui/errors.ts';

// --- The form's values.

export interface StepDraft {
  uid: string;
  key: string | null;
  title: Localized;
  memberTitle: Localized;
  dueDays: number | string;
  condition: StepCondition;
}
export interface QuestionDraft {
  uid: string;
  key: string | null;
  text: Localized;
}
export interface StarterDraft {
  uid: string;
  key: string | null;
  title: Localized;
  text: Localized;
}
export interface TemplateValues {
  steps: StepDraft[];
  questions: QuestionDraft[];
  presentations: StarterDraft[];
  contactIntervalDays: number | string;
}

export type ListName = 'steps' | 'questions' | 'presentations';

const empty = (): Localized => ({ en: '', de: '', bg: '' });
const randomSlug = () => Math.random().toString(36).slice(2, 8).padEnd(6, '0');
const newUid = () => `new:${randomSlug()}${randomSlug()}`;

export const newStep = (): StepDraft => ({
  uid: newUid(),
  key: null,
  title: empty(),
  memberTitle: empty(),
  dueDays: 7,
  condition: 'manual',
});
export const newQuestion = (): QuestionDraft => ({ uid: newUid(), key: null, text: empty() });
export const newStarter = (): StarterDraft => ({ uid: newUid(), key: null, title: empty(), text: empty() });

export function draftsOf(template: Template): TemplateValues {
  const uid = (list: string, key: string) => `${list}:${key}`;
  return {
    steps: template.steps.map((s) => ({ ...s, uid: uid('s', s.key) })),
    questions: template.questions.map((q) => ({ ...q, uid: uid('q', q.key) })),
    presentations: template.presentations.map((p) => ({ ...p, uid: uid('p', p.key) })),
    contactIntervalDays: template.contactIntervalDays,
  };
}

// --- To the server.

/**
 * A key for a new item: from its title in Latin letters ("Call the sponsor" → call_the_sponsor), else a
 * short random slug; never one the list already has.
 */
function newKey(title: Localized, taken: Set<string>): string {
  const source = title.en || title.de || title.bg;
  let base = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30)
    .replace(/_+$/, '');
  if (!base) base = randomSlug();
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

function withKeys<T extends { uid: string; key: string | null }>(
  items: T[],
  title: (item: T) => Localized,
): (Omit<T, 'uid' | 'key'> & { key: string })[] {
  const taken = new Set(items.flatMap((item) => (item.key ? [item.key] : [])));
  return items.map((item) => {
    const { uid: _uid, key: _key, ...rest } = item;
    let key = item.key;
    if (!key) {
      key = newKey(title(item), taken);
      taken.add(key);
    }
    return { ...rest, key };
  });
}

const asNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

export function bodyOf(values: TemplateValues): TemplateInput {
  return {
    steps: withKeys(values.steps, (s) => s.title).map((s) => ({
      ...s,
      dueDays: asNumber(s.dueDays) as number,
    })),
    questions: withKeys(values.questions, (q) => q.text),
    presentations: withKeys(values.presentations, (p) => p.title),
    contactIntervalDays: asNumber(values.contactIntervalDays) as number,
  };
}

// --- From the server.

/** The server's field errors, at the fields; its own reasons (and numbers' limits) in this page's words. */
export function templateErrors(t: TFunction, error: unknown): Record<string, string> {
  const result = fieldErrors(t, error);
  if (!(error instanceof ApiError)) return result;
  for (const field of error.fields) {
    const last = field.path.split('.').at(-1) ?? '';
    const origin = field.params?.origin;
    if (last === 'key') result[field.path] = t('onboarding:errors.key');
    else if (field.path === 'steps') result[field.path] = t('onboarding:errors.noSteps');
    else if (field.code === 'one_language' && ['title', 'memberTitle', 'text'].includes(last))
      result[field.path] = t('onboarding:errors.oneLanguage');
    else if (origin === 'number' && field.code === 'too_small')
      result[field.path] = t('onboarding:errors.min', { minimum: field.params?.minimum });
    else if (origin === 'number' && field.code === 'too_big')
      result[field.path] = t('onboarding:errors.max', { maximum: field.params?.maximum });
  }
  return result;
}

/** A field's error: at the text as a whole, or at one of its languages (too long). */
export function errorAt(errors: Record<string, ReactNode>, path: string, lang: Locale): ReactNode {
  return (
    errors[path] ??
    errors[`${path}.${lang}`] ??
    LOCALES.map((l) => errors[`${path}.${l}`] && `${LANGUAGE_NAMES[l]}: ${errors[`${path}.${l}`]}`).find(
      Boolean,
    )
  );
}
