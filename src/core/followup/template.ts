// The onboarding template: the sponsor's steps with their due offsets, the intake questions, the
// 2-minute presentation starters and the contact interval. An organization edits its own copy; this
// default ships in English, German and Bulgarian. Shared by the server and the web app.
import type { Locale } from '../locales.ts';

/** Text in each interface language; an organization may leave some languages empty. */
export type Localized = Record<Locale, string>;

/**
 * How a step gets done. `manual` steps are ticked by hand; the others complete themselves when the app
 * sees the new member's activity (they can still be ticked by hand, e.g. for a list kept on paper).
 */
export const STEP_CONDITIONS = [
  'manual',
  'intake_answered',
  'contacts_both_lists',
  'diary_started',
  'business_card',
  'presentation_written',
  'two_plus_one',
  'goal_set',
  'three_month_plan',
] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export const TOUCHPOINT_KINDS = ['call', 'message', 'meeting'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

export interface TemplateStep {
  key: string;
  /** The sponsor's side ("Present the marketing plan"). */
  title: Localized;
  /** The new member's side on their getting-started checklist ("Learn the marketing plan"). */
  memberTitle: Localized;
  /** Due within this many days, the join day being the first (3: done by the day after tomorrow). */
  dueDays: number;
  condition: StepCondition;
}

export interface IntakeQuestion {
  key: string;
  text: Localized;
}

export interface PresentationStarter {
  key: string;
  title: Localized;
  text: Localized;
}

export interface OnboardingTemplate {
  steps: TemplateStep[];
  questions: IntakeQuestion[];
  presentations: PresentationStarter[];
  /** A member in follow-up with no touchpoint for this many days is flagged. */
  contactIntervalDays: number;
}

export const FOLLOWUP_LIMITS = {
  steps: 30,
  questions: 20,
  presentations: 10,
  key: 40,
  title: 200,
  question: 500,
  answer: 2000,
  presentation: 3000,
  note: 1000,
  dueDays: 365,
  contactIntervalDays: 90,
  /** A member is on the follow-up board for this many days after joining. */
  boardDays: 90,
  /** The practice timer's length. */
  presentationSeconds: 120,
} as const;

/** The text in the reader's language, else the organization's, else English, else any filled in. */
export function localized(text: Localized, locale: Locale, fallback: Locale = 'en'): string {
  return text[locale] || text[fallback] || text.en || text.de || text.bg || '';
}

const step = (
  key: string,
  dueDays: number,
  condition: StepCondition,
  title: Localized,
  memberTitle: Localized,
): TemplateStep => ({ key, dueDays, condition, title, memberTitle });

/** The default: the first actions within 3 days, the tools within a week, sponsoring within two. */
export const DEFAULT_TEMPLATE: OnboardingTemplate = {
  contactIntervalDays: 7,
  steps: [
    step(
      'intake',
      2,
      'intake_answered',
      {
        en: 'Have the intake conversation',
        de: 'Das Kennenlerngespräch führen',
        bg: 'Проведете въвеждащия разговор',
      },
      {
        en: 'Tell your sponsor what you want from the business',
        de: 'Erzähl deinem Sponsor, was du dir vom Geschäft wünschst',
        bg: 'Разкажете на спонсора си какво искате от бизнеса',
      },
    ),
    step(
      'marketing_plan',
      3,
      'manual',
      {
        en: 'Present the marketing plan',
        de: 'Den Marketingplan vorstellen',
        bg: 'Представете маркетинговия план',
      },
      {
        en: 'Go through the marketing plan with your sponsor',
        de: 'Geh den Marketingplan mit deinem Sponsor durch',
        bg: 'Разгледайте маркетинговия план със спонсора си',
      },
    ),
    step(
      'goal',
      3,
      'goal_set',
      {
        en: 'Agree the individual goal',
        de: 'Das persönliche Ziel vereinbaren',
        bg: 'Договорете индивидуалната цел',
      },
      {
        en: 'Set your own goal together with your sponsor',
        de: 'Leg zusammen mit deinem Sponsor dein eigenes Ziel fest',
        bg: 'Поставете си собствена цел заедно със спонсора си',
      },
    ),
    step(
      'lists',
      3,
      'contacts_both_lists',
      {
        en: 'Both contact lists are started',
        de: 'Beide Kontaktlisten sind angelegt',
        bg: 'И двата списъка с контакти са започнати',
      },
      {
        en: 'Add people to both lists: your city and other cities',
        de: 'Trag Menschen in beide Listen ein: deine Stadt und andere Städte',
        bg: 'Добавете хора и в двата списъка: от вашия град и от други градове',
      },
    ),
    step(
      'diary',
      3,
      'diary_started',
      {
        en: 'The business diary is started',
        de: 'Das Geschäftstagebuch ist angelegt',
        bg: 'Бизнес дневникът е започнат',
      },
      {
        en: 'Write your first entry in the business diary',
        de: 'Schreib deinen ersten Eintrag ins Geschäftstagebuch',
        bg: 'Направете първия си запис в бизнес дневника',
      },
    ),
    step(
      'business_plan',
      7,
      'three_month_plan',
      {
        en: 'Draft the business plan together',
        de: 'Den Geschäftsplan gemeinsam entwerfen',
        bg: 'Съставете заедно бизнес плана',
      },
      {
        en: 'Draft your business plan with your sponsor',
        de: 'Entwirf deinen Geschäftsplan mit deinem Sponsor',
        bg: 'Съставете бизнес плана си заедно със спонсора си',
      },
    ),
    step(
      'business_card',
      7,
      'business_card',
      {
        en: 'The business card is ready',
        de: 'Die Visitenkarte ist fertig',
        bg: 'Визитката е готова',
      },
      {
        en: 'Make your business card',
        de: 'Gestalte deine Visitenkarte',
        bg: 'Направете визитката си',
      },
    ),
    step(
      'presentation',
      7,
      'presentation_written',
      {
        en: 'The 2-minute presentation is written',
        de: 'Die 2-Minuten-Präsentation ist geschrieben',
        bg: '2-минутната презентация е написана',
      },
      {
        en: 'Write your 2-minute presentation and practise it',
        de: 'Schreib deine 2-Minuten-Präsentation und übe sie',
        bg: 'Напишете 2-минутната си презентация и я репетирайте',
      },
    ),
    step(
      'sponsoring',
      14,
      'two_plus_one',
      {
        en: 'Teach sponsoring: a first 2+1 meeting or an online session',
        de: 'Das Sponsern beibringen: ein erstes 2+1-Treffen oder ein Online-Termin',
        bg: 'Покажете как се спонсорира: първа среща 2+1 или онлайн среща',
      },
      {
        en: 'Hold your first 2+1 meeting with your sponsor',
        de: 'Mach dein erstes 2+1-Treffen mit deinem Sponsor',
        bg: 'Проведете първата си среща 2+1 със спонсора си',
      },
    ),
  ],
  questions: [
    {
      key: 'attraction',
      text: {
        en: 'What drew you to the company?',
        de: 'Was hat dich an der Firma angesprochen?',
        bg: 'Какво ви привлече в компанията?',
      },
    },
    {
      key: 'products',
      text: {
        en: 'What would you like to learn about the products?',
        de: 'Was möchtest du über die Produkte erfahren?',
        bg: 'Какво искате да научите за продуктите?',
      },
    },
    {
      key: 'income',
      text: {
        en: 'What income would you like to reach, and by when?',
        de: 'Welches Einkommen möchtest du erreichen, und bis wann?',
        bg: 'Какъв доход искате да постигнете и докога?',
      },
    },
    {
      key: 'time',
      text: {
        en: 'What do you do now, and how many hours a week can you give?',
        de: 'Was machst du zurzeit, und wie viele Stunden pro Woche kannst du dir dafür nehmen?',
        bg: 'С какво се занимавате сега и колко часа седмично можете да отделяте за бизнеса?',
      },
    },
    {
      key: 'experience',
      text: {
        en: 'Have you worked with a network-marketing company before?',
        de: 'Warst du schon einmal bei einer Network-Marketing-Firma?',
        bg: 'Работили ли сте досега с компания за мрежов маркетинг?',
      },
    },
  ],
  presentations: [
    {
      key: 'story',
      title: { en: 'My story', de: 'Meine Geschichte', bg: 'Моята история' },
      text: {
        en:
          'Who I am and what I did before. What made me look for something new. ' +
          'What I found in this company and what it has changed for me so far. ' +
          'Why I think it could be worth a look for you too — and a question: would you like to hear more?',
        de:
          'Wer ich bin und was ich vorher gemacht habe. Was mich nach etwas Neuem suchen ließ. ' +
          'Was ich in dieser Firma gefunden habe und was sich dadurch für mich bisher verändert hat. ' +
          'Warum sich ein Blick darauf auch für dich lohnen könnte – und eine Frage: Möchtest du mehr darüber hören?',
        bg:
          'Кой съм и с какво се занимавах преди. Какво ме накара да потърся нещо ново. ' +
          'Какво открих в тази компания и какво се промени за мен досега. ' +
          'Защо смятам, че може да си струва и вие да я разгледате – и един въпрос: искате ли да чуете повече?',
      },
    },
    {
      key: 'products',
      title: { en: 'The products', de: 'Die Produkte', bg: 'Продуктите' },
      text: {
        en:
          'Which product I started with and why. What I noticed after a few weeks. ' +
          'Who else it helps. How one becomes a customer with a discount. ' +
          'An offer: shall I send you a sample or the catalogue?',
        de:
          'Mit welchem Produkt ich angefangen habe und warum. Was mir nach ein paar Wochen aufgefallen ist. ' +
          'Wem es außerdem hilft. Wie man als Kunde Rabatt bekommt. ' +
          'Ein Angebot: Soll ich dir eine Probe oder den Katalog schicken?',
        bg:
          'С кой продукт започнах и защо. Какво забелязах след няколко седмици. ' +
          'На кого още може да помогне. Как се става клиент с отстъпка. ' +
          'Едно предложение: да ви изпратя ли мостра или каталога?',
      },
    },
  ],
};

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last day of a step due within `dueDays` of joining on `openedOn`. */
export function dueOn(openedOn: string, dueDays: number): string {
  return addDays(openedOn, Math.max(1, dueDays) - 1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Days since the member was last in touch with the upline: since the last touchpoint, or since joining
 * when there has been none. Flagged once it reaches the interval.
 */
export function contactGap(
  joinedOn: string,
  lastTouchpointOn: string | null,
  today: string,
  interval: number,
) {
  const since = lastTouchpointOn && lastTouchpointOn > joinedOn ? lastTouchpointOn : joinedOn;
  const days = Math.max(0, daysBetween(since, today));
  return { days, flagged: days >= interval };
}
