// The member's own tools — business card and 2-minute presentation — and the organization's onboarding
// template, as the web app uses them; types come from the server's zod schemas. Saving a card or a
// presentation ticks follow-up steps on the server, so the follow-up views are refreshed too.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  cardBody,
  cardSchema,
  presentationSchema,
  templateBody,
  templatePageSchema,
} from '../../server/followup/schemas.ts';
import { api } from '../api.ts';

export type Card = z.infer<typeof cardSchema>;
export type CardInput = z.input<typeof cardBody>;
export type Presentation = z.infer<typeof presentationSchema>;
export type Starter = Presentation['starters'][number];
export type TemplatePage = z.infer<typeof templatePageSchema>;
export type Template = TemplatePage['template'];
export type TemplateInput = z.input<typeof templateBody>;

/** The follow-up area's queries all start with this key (its views show the steps a save ticks). */
export const FOLLOWUP_KEY = ['followup'] as const;
export const TOOLS_KEY = ['tools'] as const;

export const cardQuery = queryOptions({
  queryKey: [...TOOLS_KEY, 'card'],
  queryFn: () => api<Card>('/api/v1/me/card'),
});

export const presentationQuery = queryOptions({
  queryKey: [...TOOLS_KEY, 'presentation'],
  queryFn: () => api<Presentation>('/api/v1/me/presentation'),
});

export const templateQuery = queryOptions({
  queryKey: ['onboarding-template'],
  queryFn: () => api<TemplatePage>('/api/v1/organization/onboarding'),
});

/** The vCard of my card, as a download. */
export const CARD_VCF_PATH = '/api/v1/me/card.vcf';

/** The full address a card's QR code and link open, on whatever address the app is opened. */
export const cardUrl = (path: string) => `${window.location.origin}${path}`;

export const saveCard = (body: CardInput) => api<Card>('/api/v1/me/card', { method: 'PUT', body });

export const renewCardLink = () => api<Card>('/api/v1/me/card/link', { method: 'POST' });

export const savePresentation = (text: string) =>
  api<Presentation>('/api/v1/me/presentation', { method: 'PUT', body: { text } });

export const countPractice = (seconds: number) =>
  api<Presentation>('/api/v1/me/presentation/practice', { method: 'POST', body: { seconds } });

export const saveTemplate = (body: TemplateInput) =>
  api<TemplatePage>('/api/v1/organization/onboarding', { method: 'PUT', body });

export const resetTemplate = () => api<TemplatePage>('/api/v1/organization/onboarding', { method: 'DELETE' });

/** A saved card: keep the answer, and let the follow-up views pick up the step it ticked. */
export function cardSaved(queryClient: QueryClient, card: Card) {
  queryClient.setQueryData(cardQuery.queryKey, card);
  void queryClient.invalidateQueries({ queryKey: FOLLOWUP_KEY });
}

/** A saved presentation (or a counted practice run): the same for the presentation step. */
export function presentationSaved(queryClient: QueryClient, presentation: Presentation) {
  queryClient.setQueryData(presentationQuery.queryKey, presentation);
  void queryClient.invalidateQueries({ queryKey: FOLLOWUP_KEY });
}

/** A changed template: the page shows the stored one; running follow-ups keep theirs. */
export function templateSaved(queryClient: QueryClient, page: TemplatePage) {
  queryClient.setQueryData(templateQuery.queryKey, page);
  void queryClient.invalidateQueries({ queryKey: [...TOOLS_KEY, 'presentation'] });
}

/** Roughly how long a text takes to say, at about 130 words a minute. */
export const WORDS_PER_MINUTE = 130;

export function wordCount(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

export function spokenSeconds(text: string): number {
  return Math.round((wordCount(text) / WORDS_PER_MINUTE) * 60);
}
