// Cell values of a contacts import: stages and relationships as people write them in English, German
// and Bulgarian, dates, tag lists and Google's contact groups.
import { parseDate } from '../../structure/import/values.ts';
import { fold, RELATIONSHIPS, type Relationship, STAGES, type Stage } from '../fields.ts';

/** The key a word is looked up by: folded, `_` and `-` as spaces (follow_up = Follow-up = follow up). */
function wordKey(value: string): string {
  return fold(value.replace(/[_-]+/g, ' '));
}

function lookup<T extends string>(values: readonly T[], words: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of values) {
    map.set(wordKey(value), value);
    for (const word of words[value]) map.set(wordKey(word), value);
  }
  return map;
}

const RELATIONSHIP_LOOKUP = lookup(RELATIONSHIPS, {
  family: [
    'families',
    'relative',
    'relatives',
    'Familie',
    'Verwandte',
    'Verwandter',
    'семейство',
    'роднина',
    'роднини',
  ],
  friend: ['friends', 'Freund', 'Freundin', 'Freund/in', 'Freunde', 'приятел', 'приятелка', 'приятели'],
  acquaintance: [
    'acquaintances',
    'Bekannte',
    'Bekannter',
    'Bekannte/r',
    'познат',
    'позната',
    'познати',
    'познанство',
  ],
  colleague: [
    'colleagues',
    'coworker',
    'co worker',
    'Kollege',
    'Kollegin',
    'Kollege/Kollegin',
    'Kollegen',
    'Arbeitskollege',
    'Arbeitskollegin',
    'колега',
    'колежка',
    'колеги',
  ],
  other: ['Andere', 'Anderer', 'Sonstige', 'Sonstiges', 'друго', 'друг', 'други'],
});

const STAGE_LOOKUP = lookup(STAGES, {
  new: ['neu', 'нов', 'нова', 'ново'],
  contacted: [
    'kontaktiert',
    'angesprochen',
    'потърсен',
    'потърсена',
    'свързан',
    'свързана',
    'осъществен контакт',
  ],
  invited: ['eingeladen', 'поканен', 'поканена'],
  presented: [
    'präsentiert',
    'vorgestellt',
    'презентация',
    'презентиран',
    'презентирана',
    'презентирано',
    'представено',
    'представен',
    'представена',
  ],
  follow_up: [
    'followup',
    'thinking it over',
    'Bedenkzeit',
    'nachfassen',
    'Nachverfolgung',
    'обмисля',
    'проследяване',
    'последващ контакт',
  ],
  joined_customer: ['customer', 'joined as customer', 'Kunde', 'Kundin', 'клиент', 'клиентка'],
  joined_partner: ['partner', 'joined as partner', 'Partnerin', 'Vertriebspartner', 'партньор', 'партньорка'],
  not_now: ['nicht jetzt', 'später', 'не сега', 'по късно'],
});

export function parseRelationship(value: string): Relationship | null {
  return RELATIONSHIP_LOOKUP.get(wordKey(value)) ?? null;
}

export function parseStage(value: string): Stage | null {
  return STAGE_LOOKUP.get(wordKey(value)) ?? null;
}

/** YYYY-MM-DD, DD.MM.YYYY or D.M.YYYY (a trailing dot or a time after ISO dates allowed) → YYYY-MM-DD. */
export function parseContactDate(value: string): string | null {
  const text = value.trim().replace(/\.$/, '');
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  return parseDate(iso ? iso[1]! : text);
}

/** Tags in a cell: separated by `,`, `;` or Google's ` ::: `. */
export function splitTags(value: string): string[] {
  return value.split(/:::|[,;]/);
}

/** Google's own contact groups ("* myContacts", "* starred"): not the member's tags. */
export function isGoogleSystemGroup(tag: string): boolean {
  return tag.trim().startsWith('*') || isGoogleCategory(tag);
}

/** Google's groups as its vCards name them in CATEGORIES. */
export function isGoogleCategory(tag: string): boolean {
  const key = fold(tag).replace(/\s+/g, '');
  return key === 'mycontacts' || key === 'starred';
}

/** Several values in one cell, as Google writes a second phone or e-mail of the same kind. */
export function splitMultiValue(value: string): string[] {
  return value
    .split(':::')
    .map((v) => v.trim())
    .filter(Boolean);
}
