// What a contact is: the fields of the two lists, their allowed values and limits, and the keys that
// make cities, phones, e-mails and search terms comparable. Shared by the server, imports and the web app.

export const RELATIONSHIPS = ['family', 'friend', 'acquaintance', 'colleague', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The prospect pipeline, in order; `not_now` is the side exit. */
export const STAGES = [
  'new',
  'contacted',
  'invited',
  'presented',
  'follow_up',
  'joined_customer',
  'joined_partner',
  'not_now',
] as const;
export type Stage = (typeof STAGES)[number];
export const JOINED_STAGES: readonly Stage[] = ['joined_customer', 'joined_partner'];

export const INTERACTION_KINDS = [
  'call',
  'message',
  'meeting',
  'two_plus_one',
  'online_presentation',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_OUTCOMES = [
  'reached',
  'no_answer',
  'interested',
  'not_interested',
  'meeting_agreed',
] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

/** List 1 is the member's own city, list 2 every other city. */
export const CONTACT_LISTS = ['own', 'other'] as const;
export type ContactList = (typeof CONTACT_LISTS)[number];

export const MESSENGERS = ['whatsapp', 'viber', 'telegram'] as const;
export type Messenger = (typeof MESSENGERS)[number];
export type Messengers = Partial<Record<Messenger, string>>;

export const CONTACT_LIMITS = {
  name: 120,
  phone: 40,
  email: 254,
  messenger: 100,
  city: 100,
  source: 200,
  interests: 1000,
  needs: 1000,
  notes: 4000,
  tag: 40,
  tags: 20,
  interactionNote: 2000,
} as const;

/** A contact as an import or a form produces it, before it is stored. */
export interface ContactDraft {
  name: string;
  phone: string | null;
  email: string | null;
  messengers: Messengers;
  city: string | null;
  relationship: Relationship | null;
  source: string | null;
  interests: string | null;
  needs: string | null;
  notes: string | null;
  tags: string[];
  stage: Stage;
  nextFollowUpOn: string | null;
  lastContactOn: string | null;
}

/**
 * Folds text for comparison: lower case, Latin accents dropped (Zürich = zurich, ß = ss), spaces
 * collapsed. Cyrillic letters are kept as they are apart from case (София = софия; й stays й).
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The key two cities are compared by; empty for no city. */
export function cityKey(city: string | null | undefined): string {
  return city
    ? fold(city)
        .replace(/[.,;:'"’`-]+/g, ' ')
        .replace(/ +/g, ' ')
        .trim()
    : '';
}

/** Which list a contact is on: an explicit choice wins; a contact without a city counts as local. */
export function listOf(
  contactCityKey: string,
  ownerCityKey: string,
  override: ContactList | null,
): ContactList {
  if (override) return override;
  return contactCityKey === '' || contactCityKey === ownerCityKey ? 'own' : 'other';
}

export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key || null;
}

/** Everything search-as-you-type matches, folded into one string. */
export function searchText(c: {
  name: string;
  phone?: string | null;
  email?: string | null;
  city?: string | null;
  tags?: readonly string[];
  source?: string | null;
  messengers?: Messengers;
}): string {
  const phoneDigits = c.phone ? c.phone.replace(/\D/g, '') : '';
  const parts = [
    c.name,
    c.city,
    c.email,
    c.phone,
    phoneDigits,
    c.source,
    ...(c.tags ?? []),
    ...Object.values(c.messengers ?? {}),
  ];
  return fold(parts.filter(Boolean).join(' '));
}

/** Tags as people type them: trimmed, without a leading #, unique regardless of case, in order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw
      .replace(/^[#\s]+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const key = fold(tag);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
