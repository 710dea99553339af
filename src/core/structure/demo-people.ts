// The people of the demo organization: names, cities and phone formats per language, and the
// transliteration that turns names into e-mail addresses. Data only, for core/structure/demo.ts.
import type { Locale } from '../locales.ts';

export interface LocaleData {
  first: { male: string[]; female: string[] };
  last: { male: string[]; female: string[] };
  /** City, country, weight (roughly by population). */
  cities: [string, string, number][];
  phone: (rnd: () => number) => string;
}

const digits = (rnd: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
  return s;
};

const BG_LAST = [
  'Иванов',
  'Георгиев',
  'Димитров',
  'Петров',
  'Николов',
  'Христов',
  'Стоянов',
  'Тодоров',
  'Илиев',
  'Василев',
  'Атанасов',
  'Петков',
  'Ангелов',
  'Йорданов',
  'Колев',
  'Маринов',
  'Попов',
  'Стефанов',
  'Костов',
  'Михайлов',
];

export const LOCALES: Record<Locale, LocaleData> = {
  bg: {
    first: {
      male: [
        'Георги',
        'Иван',
        'Димитър',
        'Николай',
        'Петър',
        'Христо',
        'Стоян',
        'Тодор',
        'Александър',
        'Мартин',
        'Васил',
        'Калоян',
      ],
      female: [
        'Мария',
        'Иванка',
        'Елена',
        'Йорданка',
        'Пенка',
        'Десислава',
        'Гергана',
        'Виктория',
        'Николета',
        'Радка',
        'Цветелина',
        'Теодора',
      ],
    },
    last: { male: BG_LAST, female: BG_LAST.map((n) => `${n}а`) },
    cities: [
      ['София', 'BG', 1300],
      ['Пловдив', 'BG', 350],
      ['Варна', 'BG', 340],
      ['Бургас', 'BG', 200],
      ['Русе', 'BG', 140],
      ['Стара Загора', 'BG', 135],
      ['Плевен', 'BG', 95],
      ['Сливен', 'BG', 85],
      ['Добрич', 'BG', 80],
      ['Шумен', 'BG', 75],
      ['Перник', 'BG', 70],
      ['Хасково', 'BG', 70],
      ['Ямбол', 'BG', 65],
      ['Пазарджик', 'BG', 65],
      ['Благоевград', 'BG', 65],
      ['Велико Търново', 'BG', 65],
      ['Враца', 'BG', 55],
      ['Габрово', 'BG', 50],
    ],
    phone: (rnd) => `+359 8${[7, 8, 9][Math.floor(rnd() * 3)]} ${digits(rnd, 3)} ${digits(rnd, 4)}`,
  },
  de: {
    first: {
      male: [
        'Lukas',
        'Jonas',
        'Thomas',
        'Michael',
        'Stefan',
        'Andreas',
        'Markus',
        'Felix',
        'Jürgen',
        'Tobias',
        'Florian',
        'Uwe',
      ],
      female: [
        'Anna',
        'Julia',
        'Sabine',
        'Petra',
        'Claudia',
        'Katharina',
        'Lena',
        'Monika',
        'Jana',
        'Sandra',
        'Birgit',
        'Sophie',
      ],
    },
    last: (() => {
      const names = [
        'Müller',
        'Schmidt',
        'Schneider',
        'Fischer',
        'Weber',
        'Meyer',
        'Wagner',
        'Becker',
        'Schulz',
        'Hoffmann',
        'Schäfer',
        'Koch',
        'Bauer',
        'Richter',
        'Klein',
        'Wolf',
        'Schröder',
        'Neumann',
        'Schwarz',
        'Zimmermann',
      ];
      return { male: names, female: names };
    })(),
    cities: [
      ['Berlin', 'DE', 3700],
      ['Hamburg', 'DE', 1900],
      ['München', 'DE', 1500],
      ['Köln', 'DE', 1100],
      ['Frankfurt am Main', 'DE', 760],
      ['Stuttgart', 'DE', 630],
      ['Düsseldorf', 'DE', 620],
      ['Leipzig', 'DE', 600],
      ['Dortmund', 'DE', 590],
      ['Essen', 'DE', 580],
      ['Bremen', 'DE', 570],
      ['Dresden', 'DE', 560],
      ['Hannover', 'DE', 540],
      ['Nürnberg', 'DE', 520],
      ['Wien', 'AT', 1000],
      ['Graz', 'AT', 290],
      ['Zürich', 'CH', 420],
      ['Basel', 'CH', 170],
    ],
    phone: (rnd) => `+49 1${[5, 6, 7][Math.floor(rnd() * 3)]}${digits(rnd, 1)} ${digits(rnd, 7)}`,
  },
  en: {
    first: {
      male: [
        'James',
        'Oliver',
        'George',
        'Harry',
        'Jack',
        'William',
        'Thomas',
        'Daniel',
        'Michael',
        'David',
        'Samuel',
        'Ryan',
      ],
      female: [
        'Olivia',
        'Amelia',
        'Emily',
        'Sophie',
        'Jessica',
        'Grace',
        'Charlotte',
        'Lucy',
        'Hannah',
        'Chloe',
        'Emma',
        'Sarah',
      ],
    },
    last: (() => {
      const names = [
        'Smith',
        'Jones',
        'Taylor',
        'Brown',
        'Williams',
        'Wilson',
        'Johnson',
        'Davies',
        'Robinson',
        'Wright',
        'Thompson',
        'Evans',
        'Walker',
        'White',
        'Roberts',
        'Green',
        'Hall',
        'Wood',
        'Jackson',
        'Clarke',
      ];
      return { male: names, female: names };
    })(),
    cities: [
      ['London', 'GB', 8900],
      ['Birmingham', 'GB', 1100],
      ['Manchester', 'GB', 550],
      ['Leeds', 'GB', 790],
      ['Glasgow', 'GB', 630],
      ['Liverpool', 'GB', 500],
      ['Bristol', 'GB', 470],
      ['Sheffield', 'GB', 580],
      ['Edinburgh', 'GB', 520],
      ['Cardiff', 'GB', 360],
      ['Belfast', 'GB', 340],
      ['Dublin', 'IE', 1200],
      ['Cork', 'IE', 210],
    ],
    phone: (rnd) => `+44 7${digits(rnd, 3)} ${digits(rnd, 6)}`,
  },
};

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
};

const asciiCache = new Map<string, string>();

export function ascii(text: string): string {
  const cached = asciiCache.get(text);
  if (cached !== undefined) return cached;
  let out = '';
  for (const c of text.toLowerCase()) out += TRANSLIT[c] ?? (/[a-z0-9]/.test(c) ? c : '');
  asciiCache.set(text, out);
  return out;
}
